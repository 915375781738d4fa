package dev.poolguard.core.model.compose;

import java.util.Map;
import java.util.Optional;

/**
 * Compose's variable interpolation of a value: {@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alternative}}, {@code
 * ${VAR+alternative}}, {@code ${VAR:?}} and {@code $$} for a literal {@code $}. Variables come from
 * the project's {@code .env} file; the shell that runs {@code docker compose} is not known here, so
 * a variable neither there nor defaulted makes the value unknown.
 */
final class Interpolation {

  private final Map<String, String> variables;

  Interpolation(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The value, or the first variable that cannot be known. */
  record Result(String text, Optional<String> unknownVariable) {}

  Result apply(String text) {
    if (text.indexOf('$') < 0) {
      return new Result(text, Optional.empty());
    }
    StringBuilder out = new StringBuilder();
    Optional<String> unknown = Optional.empty();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closing(text, i + 2);
        if (close < 0) {
          out.append(text, i, text.length());
          break;
        }
        Result inner = braced(text.substring(i + 2, close));
        out.append(inner.text());
        unknown = unknown.or(inner::unknownVariable);
        i = close + 1;
      } else if (Character.isLetter(next) || next == '_') {
        int end = i + 1;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        String name = text.substring(i + 1, end);
        String value = variables.get(name);
        if (value == null) {
          unknown = unknown.or(() -> Optional.of(name));
        } else {
          out.append(value);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Result(out.toString(), unknown);
  }

  /** The index of the brace closing one opened before {@code from}, nested braces counted. */
  private static int closing(String text, int from) {
    int depth = 1;
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private Result braced(String body) {
    int op = 0;
    while (op < body.length()
        && (Character.isLetterOrDigit(body.charAt(op)) || body.charAt(op) == '_')) {
      op++;
    }
    String name = body.substring(0, op);
    String rest = body.substring(op);
    String value = variables.get(name);
    boolean colon = rest.startsWith(":");
    String operator =
        colon
            ? rest.substring(0, Math.min(2, rest.length()))
            : rest.isEmpty() ? "" : rest.substring(0, 1);
    String word = rest.substring(operator.length());
    boolean unsetOrEmpty = value == null || (colon && value.isEmpty());
    switch (operator) {
      case ":-", "-" -> {
        return unsetOrEmpty ? apply(word) : new Result(value, Optional.empty());
      }
      case ":+", "+" -> {
        return unsetOrEmpty ? new Result("", Optional.empty()) : apply(word);
      }
      default -> {
        // ${VAR}, ${VAR:?message}, ${VAR?message}: the variable itself.
        return value == null
            ? new Result("", Optional.of(name))
            : new Result(value, Optional.empty());
      }
    }
  }
}
