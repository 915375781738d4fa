package dev.poolguard.core.engine;

import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code # poolguard:ignore RULE-ID[, RULE-ID] -- reason} comments in the text of a YAML or
 * properties file. In YAML the comment suppresses its own line when it ends one, and the next line
 * that is not a comment when it stands alone; in {@code .properties} only the alone form exists
 * ({@code #} or {@code !}), because a {@code #} inside a properties line is part of the value.
 */
final class InlineIgnores {

  private static final Pattern IGNORE =
      Pattern.compile("^[#!]\\s*poolguard:ignore(?![\\w-])(.*)$", Pattern.DOTALL);
  private static final Pattern PROPERTIES_COMMENT = Pattern.compile("^\\s*[#!]");

  private InlineIgnores() {}

  /**
   * One comment as written: where it is, the lines it suppresses ({@code line} to {@code lastLine};
   * more than one for a YAML sequence item), the ids and the reason.
   */
  record Comment(
      SourcePosition position,
      int line,
      int lastLine,
      List<String> ruleIds,
      Optional<String> reason) {

    Comment(SourcePosition position, int line, List<String> ruleIds, Optional<String> reason) {
      this(position, line, line, ruleIds, reason);
    }

    boolean covers(int findingLine) {
      return findingLine >= line && findingLine <= lastLine;
    }
  }

  static List<Comment> scan(String displayPath, String text, boolean properties) {
    List<String> lines = text.lines().toList();
    List<Comment> out = new ArrayList<>();
    List<Comment> pending = new ArrayList<>();
    boolean continued = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNumber = i + 1;
      int hash;
      boolean alone;
      if (properties) {
        Matcher m = PROPERTIES_COMMENT.matcher(line);
        boolean comment = !continued && m.find();
        continued = !comment && endsWithOddBackslashes(line);
        hash = comment ? m.end() - 1 : -1;
        alone = comment;
      } else {
        hash = yamlComment(line);
        alone = hash >= 0 && line.substring(0, hash).isBlank();
      }
      Optional<Comment> ignore =
          hash < 0
              ? Optional.empty()
              : parse(new SourcePosition(displayPath, lineNumber, hash + 1), line.substring(hash));
      if (alone) {
        ignore.ifPresent(pending::add);
        continue;
      }
      int last = properties ? lineNumber : sequenceItemEnd(lines, i);
      for (Comment p : pending) {
        out.add(new Comment(p.position(), lineNumber, last, p.ruleIds(), p.reason()));
      }
      pending.clear();
      ignore.ifPresent(
          c -> out.add(new Comment(c.position(), lineNumber, c.ruleIds(), c.reason())));
    }
    // An ignore above the end of the file suppresses nothing; it is still reported as unused.
    for (Comment p : pending) {
      out.add(new Comment(p.position(), lines.size() + 1, p.ruleIds(), p.reason()));
    }
    return out;
  }

  /**
   * The last line of the YAML sequence item that starts on line {@code index} ({@code - name: …}
   * and every more-indented line after it), so that an ignore above an item covers all of it; the
   * line itself when it starts no item.
   */
  static int sequenceItemEnd(List<String> lines, int index) {
    String line = lines.get(index);
    int dash = 0;
    while (dash < line.length() && line.charAt(dash) == ' ') {
      dash++;
    }
    boolean item =
        line.startsWith("-", dash)
            && (line.length() == dash + 1 || Character.isWhitespace(line.charAt(dash + 1)));
    if (!item) {
      return index + 1;
    }
    int last = index + 1;
    for (int j = index + 1; j < lines.size(); j++) {
      String next = lines.get(j);
      String stripped = next.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int indent = 0;
      while (indent < next.length() && next.charAt(indent) == ' ') {
        indent++;
      }
      if (indent <= dash || stripped.equals("---") || stripped.equals("...")) {
        break;
      }
      last = j + 1;
    }
    return last;
  }

  /** {@code # poolguard:ignore a, b -- why}: the ids before {@code --}, the reason after it. */
  static Optional<Comment> parse(SourcePosition at, String comment) {
    Matcher m = IGNORE.matcher(comment.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group(1);
    int dashes = rest.indexOf("--");
    String ids = dashes < 0 ? rest : rest.substring(0, dashes);
    Optional<String> reason =
        dashes < 0
            ? Optional.empty()
            : Optional.of(rest.substring(dashes + 2).strip()).filter(r -> !r.isEmpty());
    List<String> ruleIds =
        Arrays.stream(ids.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return Optional.of(new Comment(at, at.line(), ruleIds, reason));
  }

  /**
   * The index of the {@code #} that starts a comment on a YAML line, or -1. A {@code #} starts a
   * comment at the start of a line or after white space, outside quoted scalars.
   */
  static int yamlComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
            i++;
          } else {
            quote = 0;
          }
        }
      } else if (quote == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      } else if ((c == '\'' || c == '"') && startsScalar(line, i)) {
        quote = c;
      }
    }
    return -1;
  }

  /** A quote opens a quoted scalar only where a scalar may start, not inside a plain one. */
  private static boolean startsScalar(String line, int i) {
    int j = i - 1;
    while (j >= 0 && line.charAt(j) == ' ') {
      j--;
    }
    return j < 0 || ":-,[{?".indexOf(line.charAt(j)) >= 0;
  }

  private static boolean endsWithOddBackslashes(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }
}
