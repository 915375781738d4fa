package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kubernetes' {@code $(VAR)} expansion, as in {@code
 * third_party/forked/golang/expansion/expand.go}: {@code $(NAME)} becomes the variable's value,
 * {@code $$} becomes {@code $} (so {@code $$(NAME)} stays {@code $(NAME)}), an undefined or
 * unterminated reference and any other {@code $} stay as written. A reference to a variable whose
 * value poolguard cannot know makes the result unknown.
 */
final class Expansion {

  // Each variable may double the text of the one before ($(B)$(B), then $(C)$(C), ...): beyond
  // this length the value is treated as unknown instead of growing without bound.
  static final int MAX_LENGTH = 1 << 20;

  // Many variables may each expand to MAX_LENGTH ($(B) in a thousand entries): all the expansions
  // of one container's environment and command line together stop at this many characters.
  static final int MAX_TOTAL_LENGTH = 4 << 20;

  /** The characters the expansions of one container may still produce. */
  static final class Budget {
    private long remaining = MAX_TOTAL_LENGTH;
    private boolean exhausted;

    /** Whether a limit has made some value unknown. */
    boolean exhausted() {
      return exhausted;
    }
  }

  private Expansion() {}

  /** A variable as the expansion sees it: its text, or why it is unknown. */
  record Ref(String text, Optional<Value.Unknown> unknown) {}

  /**
   * @param text the expanded text; when {@code unknown} is present, unknown references expanded to
   *     nothing (never shown)
   * @param unknown why the result cannot be known, a secret winning over other reasons
   * @param undefined the names referenced but not defined, in order
   */
  record Result(String text, Optional<Value.Unknown> unknown, List<String> undefined) {}

  static Result expand(String input, Function<String, Optional<Ref>> lookup) {
    return expand(input, lookup, new Budget());
  }

  static Result expand(String input, Function<String, Optional<Ref>> lookup, Budget budget) {
    StringBuilder out = new StringBuilder();
    List<String> undefined = new ArrayList<>();
    Optional<Value.Unknown> unknown = Optional.empty();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      out.append(input, checkpoint, cursor);
      char next = input.charAt(cursor + 1);
      int advance = 1;
      if (next == '$') {
        out.append('$');
      } else if (next == '(') {
        int close = input.indexOf(')', cursor + 2);
        if (close < 0) {
          out.append("$(");
        } else {
          String name = input.substring(cursor + 2, close);
          Optional<Ref> ref = lookup.apply(name);
          if (ref.isEmpty()) {
            out.append("$(").append(name).append(')');
            undefined.add(name);
          } else if (ref.get().unknown().isPresent()) {
            unknown = stronger(unknown, ref.get().unknown().get());
          } else if (out.length() + ref.get().text().length() > MAX_LENGTH) {
            budget.exhausted = true;
            unknown = stronger(unknown, tooLong("(expands beyond " + MAX_LENGTH + " characters)"));
          } else if (out.length() + ref.get().text().length() > budget.remaining) {
            budget.exhausted = true;
            unknown =
                stronger(
                    unknown,
                    tooLong(
                        "(the container's $(VAR) expansions pass "
                            + MAX_TOTAL_LENGTH
                            + " characters)"));
          } else {
            out.append(ref.get().text());
          }
          advance = close - cursor;
        }
      } else {
        out.append('$').append(next);
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    out.append(input.substring(Math.min(checkpoint, input.length())));
    if (unknown.isEmpty()) {
      budget.remaining -= out.length() - input.length();
    }
    return new Result(out.toString(), unknown, List.copyOf(undefined));
  }

  // A secret must never be printed, so it decides over a merely unresolved reference.
  private static Value.Unknown tooLong(String why) {
    return new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, why);
  }

  private static Optional<Value.Unknown> stronger(
      Optional<Value.Unknown> current, Value.Unknown next) {
    if (current.isEmpty()
        || (next.cause() == Value.Unknown.Cause.SECRET
            && current.get().cause() != Value.Unknown.Cause.SECRET)) {
      return Optional.of(next);
    }
    return current;
  }
}
