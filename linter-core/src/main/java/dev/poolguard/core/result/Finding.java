package dev.poolguard.core.result;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reported problem: a rule's {@link Violation} stamped with the rule id and effective severity,
 * and the suppression that applies to it, if any.
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    SourcePosition position,
    List<Related> related,
    Optional<String> service,
    Optional<String> profile,
    String subject,
    String remediation,
    Optional<Suppression> suppression) {

  /** Report order: by file, line, column, then rule id and message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::position)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message)
          .thenComparing(f -> f.service().orElse(""));

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(position, "position");
    related = List.copyOf(related);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(suppression, "suppression");
  }

  public static Finding of(RuleInfo rule, Severity severity, Violation v) {
    return new Finding(
        rule.id(),
        severity,
        v.message(),
        v.position(),
        v.related(),
        v.service(),
        v.profile(),
        v.subject(),
        v.remediation().orElse(rule.remediation()),
        Optional.empty());
  }

  /**
   * The one-line form every line-based output uses: {@code file:line:col: severity: message
   * [rule-id]}. Raw text: each output escapes and masks it as its medium needs.
   */
  public String line() {
    return line(position.toString(), severity.id(), message, ruleId);
  }

  /** The one-line form from parts an output has already escaped (or coloured). */
  public static String line(String position, String severity, String message, String ruleId) {
    return position + ": " + severity + ": " + message + " [" + ruleId + "]";
  }

  public boolean suppressed() {
    return suppression.isPresent();
  }

  public Finding suppressedBy(Suppression s) {
    return new Finding(
        ruleId,
        severity,
        message,
        position,
        related,
        service,
        profile,
        subject,
        remediation,
        Optional.of(s));
  }

  /** Why a finding does not count: an inline ignore or a waiver, with its reason. */
  public record Suppression(Kind kind, String justification, SourcePosition position) {

    /** Where the suppression was written. */
    public enum Kind {
      INLINE,
      WAIVER
    }
  }
}
