package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The peak load of one service, from {@code services.<name>.load}.
 *
 * @param peakRequestsPerSecond requests per second the whole service receives at peak (&gt; 0)
 * @param connectionHoldMillis mean time one request holds a connection, in ms (&gt; 0)
 * @param replicasAtPeak pods serving at peak, when given
 * @param maxWaitMillis longest acceptable wait for a connection in ms, when given
 * @param position the {@code load} key
 * @param positions the key of every figure given, by its {@code poolguard.yaml} name ({@code
 *     peakRequestsPerSecond}, ...), so findings can point at the figure they used
 */
public record Load(
    double peakRequestsPerSecond,
    double connectionHoldMillis,
    OptionalInt replicasAtPeak,
    OptionalDouble maxWaitMillis,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public Load {
    Objects.requireNonNull(replicasAtPeak, "replicasAtPeak");
    Objects.requireNonNull(maxWaitMillis, "maxWaitMillis");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** Where figure {@code key} is written, else the {@code load} key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
