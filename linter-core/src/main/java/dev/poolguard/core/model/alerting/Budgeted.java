package dev.poolguard.core.model.alerting;

/**
 * A string that a regular expression may read a bounded number of times: Java's matcher backtracks,
 * and a label regex from a pull request must not hang a run (Prometheus itself uses RE2, which
 * never backtracks).
 */
final class Budgeted implements CharSequence {

  /** Thrown when the budget is spent. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("regular expression budget exhausted", null, false, false);
    }
  }

  private static final int READS = 200_000;

  private final String text;
  private final int[] left;

  Budgeted(String text) {
    this(text, new int[] {READS});
  }

  private Budgeted(String text, int[] left) {
    this.text = text;
    this.left = left;
  }

  @Override
  public char charAt(int index) {
    if (--left[0] < 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new Budgeted(text.substring(start, end), left);
  }

  @Override
  public String toString() {
    return text;
  }
}
