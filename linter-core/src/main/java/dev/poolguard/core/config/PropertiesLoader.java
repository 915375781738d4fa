package dev.poolguard.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .properties} text exactly as Spring Boot's {@code OriginTrackedPropertiesLoader}
 * does (its quirks included: {@code key[]=a,b} lists, {@code #---} documents, a comment line right
 * after a separator reopening the previous document, escapes, continuation lines), but with exact
 * source positions: a key at its first character, a value at its first character or, when empty,
 * just after its separator.
 */
final class PropertiesLoader {

  private static final String ESCAPES = "trnf";
  private static final String ESCAPED = "\t\r\n\f";

  private final String text;
  private final SourceMapper at;

  // The reader: the next raw character and where it is (0-based)...
  private int next;
  private int nextLine;
  private int nextColumn;
  // ...the current logical character (an escape counts as one, placed at its backslash)...
  private int character;
  private boolean escaped;
  private int start;
  private int line;
  private int column;
  // ...Spring's own column counter, which decides where leading whitespace is skipped and where a
  // "#---" may start: it is not reset when a line break is skipped as trailing whitespace of a
  // "#--- " line, so Spring then reads the next line's indentation as a key (and drops it)...
  private int springColumn = -1;
  // ...the comment prefix of the previous line, and where the last separator ended.
  private int lastCommentPrefix = -1;
  private int separatorLine;
  private int separatorColumn;

  private PropertiesLoader(String text, SourceMapper at) {
    // Spring reads through a LineNumberReader, which turns CR LF and CR into LF.
    this.text = text.replace("\r\n", "\n").replace('\r', '\n');
    this.at = at;
  }

  /** Adds one {@link MapNode} per document to {@code out}, or an UNPARSEABLE problem. */
  static ConfigFile.Builder load(String text, SourceMapper at, ConfigFile.Builder out) {
    try {
      return out.documents(new PropertiesLoader(text, at).documents());
    } catch (LoadFailure e) {
      return out.problem(LoadProblem.Kind.UNPARSEABLE, e.getMessage(), e.position());
    }
  }

  private List<ConfigNode> documents() {
    List<Map<String, MapNode.Entry>> documents = new ArrayList<>();
    Map<String, MapNode.Entry> document = new LinkedHashMap<>();
    while (read()) {
      if (character == '#' || character == '!') {
        int prefix = character;
        if (isNewDocument()) {
          if (!document.isEmpty()) {
            documents.add(document);
          }
          document = new LinkedHashMap<>();
        } else {
          // A comment right after "#---" means the "#---" was a comment too: Spring reopens the
          // previous document so that existing comment banners do not split files.
          if (document.isEmpty() && !documents.isEmpty()) {
            document = documents.remove(documents.size() - 1);
          }
          lastCommentPrefix = prefix;
          skipComment();
        }
      } else {
        lastCommentPrefix = -1;
        loadKeyAndValue(document);
      }
    }
    if (!document.isEmpty()) {
      documents.add(document);
    }
    List<ConfigNode> nodes = new ArrayList<>();
    for (Map<String, MapNode.Entry> entries : documents) {
      List<MapNode.Entry> list = new ArrayList<>(entries.values());
      nodes.add(new MapNode(list, list.get(0).key().position()));
    }
    return nodes;
  }

  private void loadKeyAndValue(Map<String, MapNode.Entry> document) {
    int keyStart = start;
    SourcePosition keyPosition = at.at(line, column);
    StringBuilder buffer = new StringBuilder();
    int keyEnd = loadKey(buffer);
    String key = buffer.toString().trim();
    String rawKey = text.substring(keyStart, Math.max(keyStart, keyEnd));
    if (key.endsWith("[]")) {
      // Spring's list shorthand: key[]=a,b is key[0]=a and key[1]=b.
      String base = key.substring(0, key.length() - 2);
      int index = 0;
      do {
        ScalarNode value = loadValue(true);
        put(document, base + "[" + index++ + "]", rawKey, keyPosition, value);
        if (!isEndOfLine()) {
          markSeparatorEnd();
          read();
        }
      } while (!isEndOfLine());
    } else {
      put(document, key, rawKey, keyPosition, loadValue(false));
    }
  }

  private static void put(
      Map<String, MapNode.Entry> document,
      String key,
      String rawKey,
      SourcePosition keyPosition,
      ScalarNode value) {
    if (!key.isEmpty()) {
      // A repeated key keeps its first place in the map and takes the later value, as in Spring.
      document.put(key, new MapNode.Entry(new ScalarNode(key, rawKey, false, keyPosition), value));
    }
  }

  /** Reads a key into {@code buffer}; returns the raw index just after its last non-blank. */
  private int loadKey(StringBuilder buffer) {
    int end = start;
    markSeparatorStart();
    boolean previousWhitespace = false;
    while (!isEndOfLine()) {
      if (isPropertyDelimiter()) {
        markSeparatorEnd();
        read();
        return end;
      }
      if (!isWhiteSpace() && previousWhitespace) {
        return end;
      }
      previousWhitespace = isWhiteSpace();
      buffer.append((char) character);
      if (!previousWhitespace) {
        end = next;
        markSeparatorEnd();
      }
      read();
    }
    return end;
  }

  private ScalarNode loadValue(boolean splitLists) {
    while (isWhiteSpace() && !isEndOfLine()) {
      read();
    }
    int valueStart = start;
    SourcePosition position = at.at(line, column);
    StringBuilder buffer = new StringBuilder();
    while (!isEndOfLine() && !(splitLists && isListDelimiter())) {
      buffer.append((char) character);
      read();
    }
    if (buffer.length() == 0) {
      position = at.at(separatorLine, separatorColumn);
    }
    // Spring keeps trailing whitespace of values (only leading whitespace is dropped).
    String raw = text.substring(valueStart, Math.max(valueStart, start));
    return new ScalarNode(buffer.toString(), raw, false, position);
  }

  private boolean isNewDocument() {
    if (lastCommentPrefix == character) {
      return false;
    }
    boolean result = springColumn == 0;
    result = result && readHyphen();
    result = result && readHyphen();
    result = result && readHyphen();
    if (!isEndOfLine()) {
      read();
      skipWhitespace();
    }
    return result && isEndOfLine();
  }

  private boolean readHyphen() {
    read();
    return character == '-';
  }

  private boolean read() {
    // A loop, not recursion: a file of nothing but continuation lines costs no stack.
    while (true) {
      escaped = false;
      readRaw();
      springColumn++;
      if (springColumn == 0) {
        skipWhitespace(); // leading whitespace of every line, continuation lines included
      }
      if (character == '\\') {
        escaped = true;
        if (readEscaped()) {
          continue; // a line continuation: the next line's first character is the current one
        }
      } else if (character == '\n') {
        springColumn = -1;
      }
      return character != -1;
    }
  }

  private void readRaw() {
    start = next;
    line = nextLine;
    column = nextColumn;
    if (next >= text.length()) {
      character = -1;
      return;
    }
    character = text.charAt(next++);
    if (character == '\n') {
      nextLine++;
      nextColumn = 0;
    } else {
      nextColumn++;
    }
  }

  /** Reads an escape; true for a line continuation, which the caller reads past. */
  private boolean readEscaped() {
    int escapeStart = start;
    int escapeLine = line;
    int escapeColumn = column;
    readRaw();
    int escape = character == -1 ? -1 : ESCAPES.indexOf(character);
    if (escape >= 0) {
      character = ESCAPED.charAt(escape);
    } else if (character == '\n') {
      springColumn = -1;
      return true;
    } else if (character == 'u') {
      readUnicode(escapeLine, escapeColumn);
    }
    start = escapeStart;
    line = escapeLine;
    column = escapeColumn;
    return false;
  }

  private void readUnicode(int escapeLine, int escapeColumn) {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      readRaw();
      int digit = hexDigit(character);
      if (digit < 0) {
        throw new LoadFailure(
            "malformed \\uXXXX escape (Spring fails to start)", at.at(escapeLine, escapeColumn));
      }
      value = (value << 4) + digit;
    }
    character = value;
  }

  private static int hexDigit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private void skipWhitespace() {
    while (isWhiteSpace()) {
      readRaw();
      springColumn++;
    }
  }

  private void skipComment() {
    while (character != '\n' && character != -1) {
      readRaw();
    }
    springColumn = -1;
  }

  private void markSeparatorStart() {
    separatorLine = line;
    separatorColumn = column;
  }

  private void markSeparatorEnd() {
    separatorLine = nextLine;
    separatorColumn = nextColumn;
  }

  private boolean isWhiteSpace() {
    return !escaped && (character == ' ' || character == '\t' || character == '\f');
  }

  private boolean isEndOfLine() {
    return character == -1 || (!escaped && character == '\n');
  }

  private boolean isListDelimiter() {
    return !escaped && character == ',';
  }

  private boolean isPropertyDelimiter() {
    return !escaped && (character == '=' || character == ':');
  }
}
