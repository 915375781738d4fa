package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * Finds where the text of a ConfigMap value begins in the manifest, so that a file embedded in it
 * can be parsed with positions of the manifest itself.
 *
 * <p>The parser places a block scalar at its indicator ({@code |}); its content starts on the next
 * line, indented by the block's indentation, and every content line keeps that indentation. With
 * the manifest's text at hand the indicator, its indentation digit and the first content line are
 * read exactly; without it a value holding a line break is taken for a block indented one step (the
 * manifest's own step from {@code data:} to its keys) deeper than its key.
 */
final class ContentStart {

  private ContentStart() {}

  record Result(SourcePosition start, boolean block) {}

  /**
   * @param key the data key
   * @param value its value
   * @param step the indentation step of the manifest (columns from {@code data:} to its keys)
   * @param lines the manifest's lines, when known
   */
  static Result of(ScalarNode key, ScalarNode value, int step, Optional<List<String>> lines) {
    SourcePosition at = value.position();
    if (lines.isPresent() && at.line() <= lines.get().size()) {
      String line = lines.get().get(at.line() - 1);
      char c = at.column() <= line.length() ? line.charAt(at.column() - 1) : ' ';
      if (c == '|' || c == '>') {
        int indent =
            blockIndent(
                line.substring(at.column()), key.position().column() - 1, lines.get(), at.line());
        return new Result(new SourcePosition(at.path(), at.line() + 1, indent + 1), true);
      }
      if (c == '"' || c == '\'') {
        return new Result(new SourcePosition(at.path(), at.line(), at.column() + 1), false);
      }
      return new Result(at, false);
    }
    if (value.value().indexOf('\n') >= 0) {
      int indent = key.position().column() - 1 + Math.max(1, step);
      return new Result(new SourcePosition(at.path(), at.line() + 1, indent + 1), true);
    }
    return new Result(at, false);
  }

  /** The block's indentation: from its indentation digit, else from its first non-blank line. */
  private static int blockIndent(
      String header, int parentIndent, List<String> lines, int indicatorLine) {
    for (int i = 0; i < header.length(); i++) {
      char h = header.charAt(i);
      if (h >= '1' && h <= '9') {
        return parentIndent + (h - '0');
      }
      if (h != '+' && h != '-') {
        break;
      }
    }
    for (int i = indicatorLine; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank()) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
          n++;
        }
        return n;
      }
    }
    return parentIndent + 2;
  }
}
