package dev.poolguard.core.report;

import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * The level at which a run fails the command line's {@code --fail-on} and the Maven plugin's {@code
 * failOn}: a finding at or above it counts; {@link #NEVER} counts none.
 */
public enum FailOn {
  ERROR,
  WARNING,
  NOTE,
  NEVER;

  /**
   * The level {@code text} names, in any case and with spaces around.
   *
   * @throws IllegalArgumentException saying which levels there are, when it names none
   */
  public static FailOn parse(String text) {
    String level = text.strip().toLowerCase(Locale.ROOT);
    for (FailOn f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(level)) {
        return f;
      }
    }
    throw new IllegalArgumentException("must be error, warning, note or never, not '" + text + "'");
  }

  /** How many active (not suppressed) findings are at or above this level. */
  public long counted(LintResult result) {
    Optional<Severity> threshold = severity();
    if (threshold.isEmpty()) {
      return 0;
    }
    return result.active().stream()
        .map(Finding::severity)
        .filter(s -> s.atLeast(threshold.get()))
        .count();
  }

  /** Whether the run fails: a finding counts. */
  public boolean fails(LintResult result) {
    return counted(result) > 0;
  }

  private Optional<Severity> severity() {
    return this == NEVER ? Optional.empty() : Optional.of(Severity.valueOf(name()));
  }
}
