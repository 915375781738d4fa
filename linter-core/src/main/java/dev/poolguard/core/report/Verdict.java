package dev.poolguard.core.report;

import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;

/**
 * The one-word outcome every report opens with: {@code fail} when an error counts, {@code warn}
 * when only warnings or notes count, {@code pass} when nothing does. Suppressed findings never
 * change it.
 */
enum Verdict {
  PASS("Pass", "no findings"),
  WARN("Warnings", "warnings to review"),
  FAIL("Fail", "errors to fix before release");

  private final String title;
  private final String meaning;

  Verdict(String title, String meaning) {
    this.title = title;
    this.meaning = meaning;
  }

  static Verdict of(LintResult result) {
    if (result.count(Severity.ERROR) > 0) {
      return FAIL;
    }
    return result.active().isEmpty() ? PASS : WARN;
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  String title() {
    return title;
  }

  String meaning() {
    return meaning;
  }

  /** E.g. "Fail: 1 error, 2 warnings, 0 notes in 14 files (3 suppressed)". */
  static String headline(LintResult result) {
    return of(result).title() + ": " + TextReporter.summary(result);
  }
}
