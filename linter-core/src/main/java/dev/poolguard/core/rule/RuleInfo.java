package dev.poolguard.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's metadata: the single source for {@code explain}, the generated docs, SARIF rule
 * descriptors and report text. Declare it with named fields: {@code RuleInfo.builder("my-rule")
 * .title(...).severity(...).needs(...).rationale(...).remediation(...).example(...).build()}.
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

  /**
   * Every field by position.
   *
   * @deprecated use {@link #builder}: named fields instead of eight positional arguments
   */
  @Deprecated
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

  /**
   * A metadata record for a rule with no thresholds.
   *
   * @deprecated use {@link #builder}: named fields instead of seven positional arguments
   */
  @Deprecated
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

  /** A builder for the metadata of the rule {@code id}; every field but the options is required. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Rule metadata by named fields; {@link #build} checks them as the record does. */
  public static final class Builder {
    private final String id;
    private String title;
    private Severity defaultSeverity;
    private Set<Need> needs;
    private String rationale;
    private String remediation;
    private String example;
    private final List<Option> options = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** One line, sentence case, no trailing period. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The severity unless {@code rules:} overrides it. */
    public Builder severity(Severity defaultSeverity) {
      this.defaultSeverity = defaultSeverity;
      return this;
    }

    /** The inputs the rule needs to run. */
    public Builder needs(Need... needs) {
      this.needs = Set.of(needs);
      return this;
    }

    /** Why the rule exists, with the library behaviour it models. */
    public Builder rationale(String rationale) {
      this.rationale = rationale;
      return this;
    }

    /** What to do about a finding. */
    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    /** A short configuration that triggers the rule (RuleExamplesTest lints it). */
    public Builder example(String example) {
      this.example = example;
      return this;
    }

    /** A threshold the rule reads under {@code rules.<id>.<key>}, in the order declared. */
    public Builder option(String key, double defaultValue, String description) {
      options.add(new Option(key, defaultValue, description));
      return this;
    }

    /**
     * The metadata.
     *
     * @throws NullPointerException naming a required field that was not set
     * @throws IllegalArgumentException when the id is not kebab-case
     */
    public RuleInfo build() {
      return new RuleInfo(
          id,
          title,
          defaultSeverity,
          Objects.requireNonNull(needs, "needs"),
          rationale,
          remediation,
          example,
          options);
    }
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
