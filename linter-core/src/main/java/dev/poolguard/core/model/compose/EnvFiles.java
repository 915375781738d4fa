package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code KEY=VALUE} lines of a compose {@code env_file} or a project's {@code .env}: blank
 * lines and {@code #} comments skipped, an {@code export } prefix allowed, one pair of matching
 * quotes around the value removed, a {@code #} after white space in an unquoted value starting a
 * comment.
 */
final class EnvFiles {

  private EnvFiles() {}

  /** One variable, and where its line is. */
  record Line(String name, String value, SourcePosition position) {}

  static List<Line> parse(String text, String displayPath) {
    List<Line> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (s.startsWith("export ")) {
        s = s.substring("export ".length()).strip();
      }
      int eq = s.indexOf('=');
      if (eq <= 0) {
        continue; // a bare NAME takes the shell's value, which is not known here
      }
      String name = s.substring(0, eq).strip();
      String value = s.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      } else {
        int comment = value.indexOf(" #");
        if (comment >= 0) {
          value = value.substring(0, comment).strip();
        }
      }
      int column = line.indexOf(name) + 1;
      out.add(new Line(name, value, new SourcePosition(displayPath, lineNo, Math.max(1, column))));
    }
    return out;
  }
}
