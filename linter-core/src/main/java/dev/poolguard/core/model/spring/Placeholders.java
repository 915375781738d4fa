package dev.poolguard.core.model.spring;

import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} the way Spring's property placeholder helper
 * does: nested placeholders, defaults that are themselves placeholders, {@code \$} escapes.
 */
final class Placeholders {

  private static final int MAX_DEPTH = 32;

  // Placeholders can expand exponentially (a: ${b}${b}, b: ${c}${c}, ...): a bound on the work
  // and on the text keeps a hostile file from taking minutes or the whole heap.
  private static final int MAX_LOOKUPS = 10_000;
  private static final int MAX_LENGTH = 1 << 20;

  /** What one resolution may still spend. */
  private static final class Budget {
    int lookups = MAX_LOOKUPS;
  }

  private Placeholders() {}

  /** The outcome: the resolved text, or the first name that could not be resolved. */
  record Result(String text, Optional<String> unresolved) {}

  static boolean contains(String text) {
    return text.contains("${");
  }

  static Result resolve(String text, Function<String, Optional<String>> lookup) {
    try {
      return new Result(resolve(text, lookup, 0, new Budget()), Optional.empty());
    } catch (Unresolvable e) {
      return new Result("", Optional.of(e.name));
    }
  }

  private static String resolve(
      String text, Function<String, Optional<String>> lookup, int depth, Budget budget) {
    if (depth > MAX_DEPTH) {
      throw new Unresolvable("(circular placeholder)");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && text.startsWith("${", i + 1)) {
        out.append("${");
        i += 3;
        continue;
      }
      if (c == '$' && text.startsWith("${", i)) {
        int end = closing(text, i + 2);
        if (end < 0) {
          out.append(text.substring(i));
          break;
        }
        out.append(placeholder(text.substring(i + 2, end), lookup, depth, budget));
        if (out.length() > MAX_LENGTH) {
          throw new Unresolvable("(placeholders expand beyond " + MAX_LENGTH + " characters)");
        }
        i = end + 1;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String placeholder(
      String body, Function<String, Optional<String>> lookup, int depth, Budget budget) {
    if (--budget.lookups < 0) {
      throw new Unresolvable("(more than " + MAX_LOOKUPS + " placeholder lookups)");
    }
    int separator = separator(body);
    String name =
        resolve(separator < 0 ? body : body.substring(0, separator), lookup, depth + 1, budget);
    Optional<String> found = lookup.apply(name.strip());
    if (found.isPresent()) {
      return resolve(found.get(), lookup, depth + 1, budget);
    }
    if (separator >= 0) {
      return resolve(body.substring(separator + 1), lookup, depth + 1, budget);
    }
    throw new Unresolvable(name.strip());
  }

  /** The index of the first ':' outside nested placeholders. */
  private static int separator(String body) {
    int nesting = 0;
    for (int i = 0; i < body.length(); i++) {
      if (body.startsWith("${", i)) {
        nesting++;
        i++;
      } else if (body.charAt(i) == '}') {
        nesting--;
      } else if (body.charAt(i) == ':' && nesting == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int closing(String text, int from) {
    int nesting = 0;
    for (int i = from; i < text.length(); i++) {
      if (text.startsWith("${", i)) {
        nesting++;
        i++;
      } else if (text.charAt(i) == '}') {
        if (nesting == 0) {
          return i;
        }
        nesting--;
      }
    }
    return -1;
  }

  private static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String name;

    Unresolvable(String name) {
      super(name, null, false, false);
      this.name = name;
    }
  }
}
