package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's Helm chart, as {@code services.<name>.helm} of {@code poolguard.yaml} names it.
 *
 * @param chart the chart folder, resolved against the file's folder
 * @param values values files applied after the chart's own values.yaml, in order (the last wins)
 * @param set {@code --set} values by dotted path, applied last, in the file's order
 * @param setPositions where each {@code set} value is written
 * @param release the release name, when given (default: the service's name)
 * @param namespace the release namespace, when given
 * @param position the {@code helm} key
 * @param positions the key of every setting given
 */
public record HelmConfig(
    Path chart,
    List<Path> values,
    Map<String, String> set,
    Map<String, SourcePosition> setPositions,
    Optional<String> release,
    Optional<String> namespace,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public HelmConfig {
    Objects.requireNonNull(chart, "chart");
    values = List.copyOf(values);
    set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    setPositions = Map.copyOf(setPositions);
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** Where setting {@code key} is written, else the {@code helm} key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }

  /** The same chart with its paths moved from one folder onto another (a baseline's copy). */
  public HelmConfig moved(java.util.function.UnaryOperator<Path> move) {
    return new HelmConfig(
        move.apply(chart),
        values.stream().map(move).toList(),
        set,
        setPositions,
        release,
        namespace,
        position,
        positions);
  }
}
