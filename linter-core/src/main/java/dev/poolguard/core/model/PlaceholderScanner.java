package dev.poolguard.core.model;

import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code ${name}} / {@code ${name:default}} syntax Spring's {@code PropertyPlaceholderHelper}
 * and SmallRye Config's expressions share: nested and composed names ({@code ${a${b}}}), defaults
 * that are themselves placeholders, several in one value, {@code \${} as a literal {@code ${}. What
 * a name finds is the caller's business (Spring's relaxed names, SmallRye's sources).
 */
public final class PlaceholderScanner {

  private static final int MAX_DEPTH = 32;

  // Placeholders can expand exponentially (a: ${b}${b}, b: ${c}${c}, ...): a bound on the work
  // and on the text keeps a hostile file from taking minutes or the whole heap.
  private static final int MAX_LOOKUPS = 10_000;
  private static final int MAX_LENGTH = 1 << 20;

  private PlaceholderScanner() {}

  /** What a name finds: its text, or why it cannot be known (a Secret). */
  public record Found(String text, Optional<Value.Unknown> unknown) {
    public static Found text(String text) {
      return new Found(text, Optional.empty());
    }
  }

  /** The expanded text, or why it cannot be known (the first name nothing expands, a Secret). */
  public record Result(String text, Optional<Value.Unknown> unknown) {}

  /**
   * Expands every placeholder in {@code text}.
   *
   * @param noun what the framework calls them ({@code placeholder}, {@code expression}), for the
   *     names of the limits in an unknown value
   */
  public static Result expand(String text, Function<String, Optional<Found>> lookup, String noun) {
    try {
      return new Result(new Run(lookup, noun).expand(text, 0), Optional.empty());
    } catch (Unresolvable e) {
      return new Result("", Optional.of(e.why));
    }
  }

  public static boolean contains(String text) {
    return text.contains("${");
  }

  /** One expansion and what it may still spend. */
  private static final class Run {
    private final Function<String, Optional<Found>> lookup;
    private final String noun;
    private int lookups = MAX_LOOKUPS;

    Run(Function<String, Optional<Found>> lookup, String noun) {
      this.lookup = lookup;
      this.noun = noun;
    }

    String expand(String text, int depth) {
      if (depth > MAX_DEPTH) {
        throw new Unresolvable(unresolved("(circular " + noun + ")"));
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
          out.append(segment(text.substring(i + 2, end), depth));
          if (out.length() > MAX_LENGTH) {
            throw new Unresolvable(
                unresolved("(" + noun + "s expand beyond " + MAX_LENGTH + " characters)"));
          }
          i = end + 1;
          continue;
        }
        out.append(c);
        i++;
      }
      return out.toString();
    }

    private String segment(String body, int depth) {
      if (--lookups < 0) {
        throw new Unresolvable(unresolved("(more than " + MAX_LOOKUPS + " " + noun + " lookups)"));
      }
      int separator = separator(body);
      String name = expand(separator < 0 ? body : body.substring(0, separator), depth + 1);
      Optional<Found> found = lookup.apply(name.strip());
      if (found.isPresent()) {
        if (found.get().unknown().isPresent()) {
          throw new Unresolvable(found.get().unknown().get());
        }
        return expand(found.get().text(), depth + 1);
      }
      if (separator >= 0) {
        return expand(body.substring(separator + 1), depth + 1);
      }
      throw new Unresolvable(unresolved(name.strip()));
    }
  }

  private static Value.Unknown unresolved(String name) {
    return new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, name);
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
    private final transient Value.Unknown why;

    Unresolvable(Value.Unknown why) {
      super(why.name(), null, false, false);
      this.why = why;
    }
  }
}
