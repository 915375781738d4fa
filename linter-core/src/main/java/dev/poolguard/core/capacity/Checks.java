package dev.poolguard.core.capacity;

/** Argument checks that name the argument and the offending value. */
final class Checks {

  private Checks() {}

  static double finiteNonNegative(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static double positive(String name, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  /** Accepts +infinity: an unbounded wait is a legitimate question ("ever waits forever?"). */
  static double nonNegativeOrInfinite(String name, double value) {
    if (Double.isNaN(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a number >= 0, got " + value);
    }
    return value;
  }

  static double fraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }
    return value;
  }

  static int atLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
    }
    return value;
  }
}
