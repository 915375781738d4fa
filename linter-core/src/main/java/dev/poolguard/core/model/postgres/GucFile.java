package dev.poolguard.core.model.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one configuration file as PostgreSQL's scanner ({@code guc-file.l}) reads them: on
 * each line {@code name [=] value}, the value one token (a quoted string with its escapes, an
 * integer with unit letters, a real, a name or an unquoted string), {@code #} to the end of the
 * line a comment; anything else a syntax error, which stops the server at start.
 */
final class GucFile {

  private GucFile() {}

  /** One {@code name = value} line; {@code column} is where the value starts (1-based). */
  record Entry(String name, String value, int line, int column) {}

  /** A line PostgreSQL rejects, with its message ("syntax error … near token "x""). */
  record SyntaxError(int line, int column, String message) {}

  record Parsed(List<Entry> entries, List<SyntaxError> errors) {}

  private enum Token {
    ID,
    QUALIFIED_ID,
    STRING,
    UNQUOTED_STRING,
    INTEGER,
    REAL,
    EQUALS,
    ERROR
  }

  // guc-file.l's definitions; bytes \200-\377 (every char above 0x7f here) are letters.
  private static final String LETTER = "[A-Za-z_\\x{80}-\\x{10FFFF}]";
  private static final String LETTER_OR_DIGIT = "[A-Za-z_0-9\\x{80}-\\x{10FFFF}]";
  private static final String ID = LETTER + LETTER_OR_DIGIT + "*";
  // Flex takes the longest match and, on a tie, the earlier rule: the order below is the rules'.
  private static final Pattern[] PATTERNS = {
    Pattern.compile(ID),
    Pattern.compile(ID + "\\." + ID),
    Pattern.compile("'(?:[^'\\\\\\n]|\\\\.|'')*'"),
    Pattern.compile(LETTER + "(?:" + LETTER_OR_DIGIT + "|[-._:/])*"),
    Pattern.compile("[-+]?(?:0x[0-9a-fA-F]+|[0-9]+)[a-zA-Z]*"),
    Pattern.compile("[-+]?[0-9]*\\.[0-9]*(?:[Ee][-+]?[0-9]+)?"),
    Pattern.compile("="),
  };

  private record Lexeme(Token token, String text, int start) {}

  static Parsed parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<SyntaxError> errors = new ArrayList<>();
    // Lines end at \n only; \r is whitespace to the scanner.
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      List<Lexeme> tokens = tokens(lines[i]);
      if (tokens.isEmpty()) {
        continue;
      }
      int at = 0;
      Lexeme name = tokens.get(at++);
      if (name.token() != Token.ID && name.token() != Token.QUALIFIED_ID) {
        errors.add(error(i + 1, name));
        continue;
      }
      if (at < tokens.size() && tokens.get(at).token() == Token.EQUALS) {
        at++;
      }
      if (at >= tokens.size()) {
        errors.add(new SyntaxError(i + 1, lines[i].length() + 1, "syntax error near end of line"));
        continue;
      }
      Lexeme value = tokens.get(at++);
      if (value.token() == Token.EQUALS
          || value.token() == Token.QUALIFIED_ID
          || value.token() == Token.ERROR) {
        errors.add(error(i + 1, value));
        continue;
      }
      if (at < tokens.size()) {
        errors.add(error(i + 1, tokens.get(at)));
        continue;
      }
      String v = value.token() == Token.STRING ? unquote(value.text()) : value.text();
      entries.add(new Entry(name.text(), v, i + 1, value.start() + 1));
    }
    return new Parsed(entries, errors);
  }

  private static SyntaxError error(int line, Lexeme near) {
    return new SyntaxError(
        line, near.start() + 1, "syntax error near token \"" + near.text() + "\"");
  }

  private static List<Lexeme> tokens(String line) {
    List<Lexeme> out = new ArrayList<>();
    int pos = 0;
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
        continue;
      }
      if (c == '#') {
        break;
      }
      Optional<Lexeme> longest = Optional.empty();
      for (int rule = 0; rule < PATTERNS.length; rule++) {
        Matcher m = PATTERNS[rule].matcher(line).region(pos, line.length());
        if (m.lookingAt()
            && m.end() > pos
            && (longest.isEmpty() || m.end() - pos > longest.get().text().length())) {
          longest = Optional.of(new Lexeme(Token.values()[rule], m.group(), pos));
        }
      }
      int from = pos;
      Lexeme next =
          longest.orElseGet(
              () ->
                  new Lexeme(
                      Token.ERROR, line.substring(from, line.offsetByCodePoints(from, 1)), from));
      out.add(next);
      pos += next.text().length();
    }
    return out;
  }

  /** {@code GUC_scanstr}: strips the quotes, reads {@code ''} and backslash escapes. */
  static String unquote(String quoted) {
    String s = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '0', '1', '2', '3', '4', '5', '6', '7' -> {
            int value = e - '0';
            for (int k = 0; k < 2 && i + 1 < s.length() && isOctal(s.charAt(i + 1)); k++) {
              value = value * 8 + (s.charAt(++i) - '0');
            }
            out.append((char) value);
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
