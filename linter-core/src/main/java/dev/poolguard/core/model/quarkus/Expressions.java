package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.Value;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands property expressions as SmallRye Config does: {@code ${name}}, {@code ${name:default}},
 * composed {@code ${a${b}}} and several in one value; the name is looked up in every source, so an
 * environment variable ({@code ${DB_POOL}}) counts too. An expression that nothing expands and that
 * has no default fails startup in Quarkus ({@code NoSuchElementException}, config-reference
 * "Property Expressions"); here it makes the value unknown.
 */
final class Expressions {

  private static final int MAX_DEPTH = 32;

  // Expressions can expand exponentially (a=${b}${b}, b=${c}${c}, ...): a bound on the work and on
  // the text keeps a hostile file from taking minutes or the whole heap.
  private static final int MAX_LOOKUPS = 10_000;
  private static final int MAX_LENGTH = 1 << 20;

  /** What one expansion may still spend. */
  private static final class Budget {
    int lookups = MAX_LOOKUPS;
  }

  private Expressions() {}

  /** What a name expands to: its text, or why it cannot be known. */
  record Found(String text, Optional<Value.Unknown> unknown) {}

  /** The outcome: the expanded text, or why it cannot be known. */
  record Result(String text, Optional<Value.Unknown> unknown) {}

  static Result expand(String text, Function<String, Optional<Found>> lookup) {
    try {
      return new Result(expand(text, lookup, 0, new Budget()), Optional.empty());
    } catch (Unresolvable e) {
      return new Result("", Optional.of(e.why));
    }
  }

  private static String expand(
      String text, Function<String, Optional<Found>> lookup, int depth, Budget budget) {
    if (depth > MAX_DEPTH) {
      throw new Unresolvable(placeholder("(circular expression)"));
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
        out.append(segment(text.substring(i + 2, end), lookup, depth, budget));
        if (out.length() > MAX_LENGTH) {
          throw new Unresolvable(
              placeholder("(expressions expand beyond " + MAX_LENGTH + " characters)"));
        }
        i = end + 1;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String segment(
      String body, Function<String, Optional<Found>> lookup, int depth, Budget budget) {
    if (--budget.lookups < 0) {
      throw new Unresolvable(placeholder("(more than " + MAX_LOOKUPS + " expression lookups)"));
    }
    int separator = separator(body);
    String name =
        expand(separator < 0 ? body : body.substring(0, separator), lookup, depth + 1, budget);
    Optional<Found> found = lookup.apply(name.strip());
    if (found.isPresent()) {
      if (found.get().unknown().isPresent()) {
        throw new Unresolvable(found.get().unknown().get());
      }
      return expand(found.get().text(), lookup, depth + 1, budget);
    }
    if (separator >= 0) {
      return expand(body.substring(separator + 1), lookup, depth + 1, budget);
    }
    throw new Unresolvable(placeholder(name.strip()));
  }

  private static Value.Unknown placeholder(String name) {
    return new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, name);
  }

  /** The index of the first ':' outside nested expressions. */
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
    private final transient Value.Unknown why;

    Unresolvable(Value.Unknown why) {
      super(why.name(), null, false, false);
      this.why = why;
    }
  }
}
