package dev.poolguard.core.capacity;

import java.util.regex.Pattern;

/**
 * A Kubernetes {@code IntOrString} rollout bound: an absolute pod count or a whole percentage of
 * {@code spec.replicas}.
 *
 * @param value the count, or the percentage
 * @param percent whether {@code value} is a percentage
 */
record IntOrPercent(int value, boolean percent) {

  // The API server's IsValidPercent: digits and a trailing '%'; no sign, no fraction.
  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final Pattern COUNT = Pattern.compile("[0-9]+");

  public IntOrPercent {
    if (value < 0) {
      throw new IllegalArgumentException(
          "rollout bound must be >= 0, got " + value + (percent ? "%" : ""));
    }
  }

  public static IntOrPercent count(int pods) {
    return new IntOrPercent(pods, false);
  }

  public static IntOrPercent percentOf(int percent) {
    return new IntOrPercent(percent, true);
  }

  /**
   * Parses a manifest scalar: {@code "3"} or {@code "25%"}.
   *
   * @throws IllegalArgumentException naming the text when it is neither, e.g. {@code "25.5%"},
   *     {@code "-1"}, {@code "abc"}
   */
  public static IntOrPercent parse(String text) {
    String t = text.strip();
    try {
      if (PERCENT.matcher(t).matches()) {
        return percentOf(Integer.parseInt(t.substring(0, t.length() - 1)));
      }
      if (COUNT.matcher(t).matches()) {
        return count(Integer.parseInt(t));
      }
    } catch (NumberFormatException tooManyDigits) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "invalid rollout bound \""
            + text
            + "\": expected a whole number of pods (e.g. 1) or a whole percentage (e.g. 25%)");
  }

  /**
   * Resolves against {@code replicas} as the controller's {@code GetScaledValueFromIntOrPercent}
   * does (percentages rounded up or down), in integers so that no float rounding creeps in.
   */
  long resolve(int replicas, boolean roundUp) {
    if (!percent) {
      return value;
    }
    long scaled = (long) value * replicas;
    return roundUp ? (scaled + 99) / 100 : scaled / 100;
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
