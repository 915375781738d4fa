package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted finding, from {@code waivers:}: it waives the findings of {@code rule}, narrowed to a
 * path and a service when given, through {@code expires} (inclusive, UTC).
 *
 * @param rule the rule id, as written (checked against the loaded rules later)
 * @param path the file, as written: relative to the {@code poolguard.yaml} folder
 * @param service the service name
 * @param reason why the finding is acceptable; never blank
 * @param expires the last day the waiver applies
 * @param position the start of the waiver's entry in the list
 * @param positions the key of every setting given, by its {@code poolguard.yaml} name
 */
public record Waiver(
    String rule,
    Optional<String> path,
    Optional<String> service,
    String reason,
    LocalDate expires,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public Waiver {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** Where setting {@code key} is written, else the start of the waiver. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
