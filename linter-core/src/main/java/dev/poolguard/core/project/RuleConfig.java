package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one rule under {@code rules.<rule-id>}. The rule id and threshold names are not
 * checked here: only the loaded rules know them.
 *
 * @param severity the severity as written ({@code error}, {@code warning}, {@code note} or {@code
 *     off}), when given
 * @param thresholds numeric thresholds by name, sorted by name
 * @param position the rule id's key
 * @param positions the key of every setting given ({@code severity} and each threshold)
 */
public record RuleConfig(
    Optional<String> severity,
    Map<String, Double> thresholds,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public RuleConfig {
    Objects.requireNonNull(severity, "severity");
    thresholds = Copies.sorted(thresholds);
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** True when the rule is switched off. */
  public boolean off() {
    return severity.filter("off"::equals).isPresent();
  }

  /** Where setting {@code key} is written, else the rule id's key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
