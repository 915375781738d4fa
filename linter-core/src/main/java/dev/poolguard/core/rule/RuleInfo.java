package dev.poolguard.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's metadata: the single source for {@code explain}, the generated docs, SARIF rule
 * descriptors and report text.
 *
 * @param id stable kebab-case identifier
 * @param title one line, sentence case, no trailing period
 * @param defaultSeverity the severity unless {@code rules:} overrides it
 * @param needs the inputs the rule needs to run
 * @param rationale why the rule exists, with the library behaviour it models
 * @param remediation what to do about a finding
 * @param example a short configuration that triggers the rule
 * @param options the thresholds the rule reads under {@code rules.<id>}, with their defaults
 */
public record RuleInfo(
    String id,
    String title,
    Severity defaultSeverity,
    Set<Need> needs,
    String rationale,
    String remediation,
    String example,
    List<Option> options) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be kebab-case: " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    needs = Set.copyOf(needs);
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(example, "example");
    options = List.copyOf(options);
  }

  /** A metadata record for a rule with no thresholds. */
  public static RuleInfo of(
      String id,
      String title,
      Severity defaultSeverity,
      Set<Need> needs,
      String rationale,
      String remediation,
      String example) {
    return new RuleInfo(
        id, title, defaultSeverity, needs, rationale, remediation, example, List.of());
  }

  /** An input a rule depends on. */
  public enum Need {
    CONFIG,
    BASELINE,
    CAPACITY_MODEL,
    /**
     * The run's inline ignores and waivers: a {@link SuppressionRule}, whose findings cannot be
     * suppressed.
     */
    SUPPRESSIONS
  }

  /** A configurable threshold: its key under {@code rules.<id>}, default and meaning. */
  public record Option(String key, double defaultValue, String description) {}
}
