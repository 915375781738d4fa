package dev.poolguard.core.custom;

import java.util.Map;

/** A compiled condition of a custom rule; the expression language stays behind it. */
interface Condition {

  /**
   * Evaluates the condition over {@code variables} ({@code service} and {@code pool}).
   *
   * @return true when the rule should report
   * @throws Failure when the expression cannot be evaluated on these values
   */
  boolean test(Map<String, Object> variables) throws Failure;

  /** An evaluation that failed; {@code missingValue} when it read a value that is absent. */
  final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean missingValue;
    private final boolean overBudget;

    Failure(String message, boolean missingValue, Throwable cause) {
      this(message, missingValue, false, cause);
    }

    private Failure(String message, boolean missingValue, boolean overBudget, Throwable cause) {
      super(message, cause);
      this.missingValue = missingValue;
      this.overBudget = overBudget;
    }

    /** An evaluation stopped by a limit: the expression, not the values, is at fault. */
    static Failure overBudget(String message, Throwable cause) {
      return new Failure(message, false, true, cause);
    }

    boolean overBudget() {
      return overBudget;
    }

    boolean missingValue() {
      return missingValue;
    }
  }
}
