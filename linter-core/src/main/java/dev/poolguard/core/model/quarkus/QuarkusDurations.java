package dev.poolguard.core.model.quarkus;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durations as Quarkus reads them: a bare number is seconds, {@code 500ms} milliseconds, a number
 * with {@code s}, {@code m} or {@code h} is prefixed with {@code PT} and one with {@code d} with
 * {@code P} (any case), everything else goes to {@link Duration#parse} (ISO-8601, {@code PT5S}).
 *
 * <p>Source: quarkusio/quarkus {@code core/runtime/.../configuration/DurationConverter.java} (the
 * regex-free version of Quarkus 3.x; it accepts the same inputs as the earlier regex one) and the
 * guides' duration note.
 */
public final class QuarkusDurations {

  private QuarkusDurations() {}

  /**
   * The duration in milliseconds; empty when Quarkus would fail to convert it, or for blank text.
   */
  public static OptionalLong toMillis(String text) {
    return parse(text)
        .flatMap(QuarkusDurations::millis)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** The duration Quarkus converts {@code text} to; empty when it would fail, or for blank text. */
  public static Optional<Duration> parse(String text) {
    String value = text.trim();
    int len = value.length();
    if (len == 0) {
      return Optional.empty();
    }
    try {
      if (isNumeric(value)) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      }
      char unit = Character.toLowerCase(value.charAt(len - 1));
      String number = value.substring(0, len - 1);
      if (isNumeric(number)) {
        long n = Long.parseLong(number);
        switch (unit) {
          case 's':
            return Optional.of(Duration.ofSeconds(n));
          case 'm':
            return Optional.of(Duration.ofMinutes(n));
          case 'h':
            return Optional.of(Duration.ofHours(n));
          case 'd':
            return Optional.of(Duration.ofDays(n));
          default:
            break;
        }
      }
      if (len > 2 && unit == 's' && Character.toLowerCase(value.charAt(len - 2)) == 'm') {
        String millis = value.substring(0, len - 2);
        if (isNumeric(millis)) {
          return Optional.of(Duration.ofMillis(Long.parseLong(millis)));
        }
      }
      if (isDecimal(number) && "hms".indexOf(unit) >= 0) {
        return Optional.of(Duration.parse("PT" + value));
      }
      if (isDecimal(number) && unit == 'd') {
        return Optional.of(Duration.parse("P" + value));
      }
      if (startsLikeDigits(value)) {
        return Optional.of(Duration.parse("PT" + value));
      }
      return Optional.of(Duration.parse(value));
    } catch (RuntimeException e) {
      // NumberFormatException (overflow), DateTimeParseException, ArithmeticException: Quarkus
      // throws IllegalArgumentException for each, and startup fails.
      return Optional.empty();
    }
  }

  private static Optional<Long> millis(Duration d) {
    try {
      return Optional.of(d.toMillis());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static boolean isNumeric(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDecimal(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    boolean dot = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (dot) {
          return false;
        }
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dot;
  }

  /** A digit first, or a sign not followed by the {@code P} of an ISO-8601 duration. */
  private static boolean startsLikeDigits(String s) {
    char c = s.charAt(0);
    if (c >= '0' && c <= '9') {
      return true;
    }
    // Case-sensitive, as in Quarkus: "-pt5s" is prefixed and then fails.
    return (c == '-' || c == '+') && (s.length() == 1 || s.charAt(1) != 'P');
  }
}
