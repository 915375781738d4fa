package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule declared under {@code customRules:}: it fires for every service and datasource whose
 * variables make {@code condition} (a CEL expression) true.
 *
 * @param id the rule id, kebab-case (checked against the other rules later)
 * @param severity the severity of its findings, as written (error, warning or note)
 * @param message the message, with {@code {service.x}} and {@code {pool.x}} placeholders
 * @param condition the CEL expression, as written
 * @param description why the rule exists, when given
 * @param remediation what to do about a finding, when given
 * @param conditionPosition where the condition's text starts
 * @param position the start of the rule's entry in the list
 * @param positions the key of every setting given, by its {@code poolguard.yaml} name
 */
public record CustomRuleConfig(
    String id,
    String severity,
    String message,
    String condition,
    Optional<String> description,
    Optional<String> remediation,
    SourcePosition conditionPosition,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public CustomRuleConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(conditionPosition, "conditionPosition");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** Where setting {@code key} is written, else the start of the entry. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
