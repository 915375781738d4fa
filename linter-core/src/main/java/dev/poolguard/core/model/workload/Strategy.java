package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a workload replaces its pods when its template changes: a Deployment's {@code strategy} or a
 * StatefulSet's {@code updateStrategy}, with Kubernetes' defaults filled in.
 *
 * @param type the strategy type
 * @param maxSurge extra pods allowed during a Deployment rolling update (empty for every other
 *     type: they never surge)
 * @param maxUnavailable pods allowed to be unavailable during a rolling update (empty for {@code
 *     Recreate} and {@code OnDelete})
 * @param position where the strategy type is written, or the workload's position
 * @param partition a StatefulSet rolling update's {@code partition}: pods with a lower ordinal keep
 *     the old revision and are not taken down (0 for every other type)
 */
public record Strategy(
    Type type,
    Optional<Bound> maxSurge,
    Optional<Bound> maxUnavailable,
    SourcePosition position,
    int partition) {

  /** A strategy without a partition. */
  public Strategy(
      Type type,
      Optional<Bound> maxSurge,
      Optional<Bound> maxUnavailable,
      SourcePosition position) {
    this(type, maxSurge, maxUnavailable, position, 0);
  }

  public Strategy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
    Objects.requireNonNull(position, "position");
  }

  /**
   * The strategy types of Deployments ({@code RollingUpdate}, {@code Recreate}) and StatefulSets.
   */
  public enum Type {
    /** Deployment: new pods start while old ones stop, within maxSurge and maxUnavailable. */
    ROLLING_UPDATE,
    /** Deployment: every old pod stops before any new one starts. */
    RECREATE,
    /** StatefulSet: one pod at a time (maxUnavailable, feature-gated, may allow more). */
    STATEFUL_ROLLING_UPDATE,
    /** StatefulSet: pods are replaced only when someone deletes them. */
    ON_DELETE
  }

  /**
   * An int-or-percent bound as written ({@code 1}, {@code "25%"}), or Kubernetes' default.
   *
   * @param raw the value as written, or the default ({@code 25%}, {@code 1})
   * @param position where it is written, or where the strategy is
   * @param defaulted true when the manifest does not state it
   */
  public record Bound(String raw, SourcePosition position, boolean defaulted) {

    public Bound {
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(position, "position");
    }

    public boolean isPercent() {
      return raw.strip().endsWith("%");
    }

    /**
     * The number of pods this bound allows for {@code replicas}: a percentage scaled and rounded up
     * or down as Kubernetes' {@code GetScaledValueFromIntOrPercent} does; empty when the value is
     * neither a non-negative whole number nor a percentage.
     */
    public OptionalInt scaled(int replicas, boolean roundUp) {
      String text = raw.strip();
      boolean percent = text.endsWith("%");
      OptionalInt number = parse(percent ? text.substring(0, text.length() - 1) : text);
      if (number.isEmpty() || !percent) {
        return number;
      }
      long product = (long) number.getAsInt() * Math.max(0, replicas);
      long scaled = roundUp ? (product + 99) / 100 : product / 100;
      return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, scaled));
    }

    /** The non-negative whole number {@code text} spells, empty when it spells none. */
    public static OptionalInt parse(String text) {
      if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return OptionalInt.empty();
      }
      try {
        return OptionalInt.of(Integer.parseInt(text));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
  }

  /** The pods a rollout replaces: those at or above the partition's ordinal. */
  public int rollingPods(int replicas) {
    return Math.max(0, replicas - partition);
  }

  /**
   * Pods started above {@code replicas} during a rollout: maxSurge rounded up for a rolling update,
   * 0 otherwise; empty when maxSurge is not a valid value.
   */
  public OptionalInt surgePods(int replicas) {
    if (type != Type.ROLLING_UPDATE) {
      return OptionalInt.of(0);
    }
    return maxSurge.map(b -> b.scaled(replicas, true)).orElse(OptionalInt.of(0));
  }

  /**
   * Pods that may be down at once during a rollout: maxUnavailable rounded down, 1 when surge and
   * unavailable both come out 0 (Kubernetes' {@code ResolveFenceposts}); at least 1 for a
   * StatefulSet; every pod for {@code Recreate}; 0 for {@code OnDelete}. Empty when a bound is not
   * a valid value.
   */
  public OptionalInt unavailablePods(int replicas) {
    return switch (type) {
      case RECREATE -> OptionalInt.of(replicas);
      case ON_DELETE -> OptionalInt.of(0);
      case STATEFUL_ROLLING_UPDATE -> {
        OptionalInt n =
            maxUnavailable.map(b -> b.scaled(replicas, false)).orElse(OptionalInt.of(1));
        // Only pods at or above the partition's ordinal are updated.
        yield n.isEmpty()
            ? n
            : OptionalInt.of(Math.min(Math.max(1, n.getAsInt()), rollingPods(replicas)));
      }
      case ROLLING_UPDATE -> {
        OptionalInt surge = surgePods(replicas);
        OptionalInt n =
            maxUnavailable.map(b -> b.scaled(replicas, false)).orElse(OptionalInt.of(0));
        if (surge.isEmpty() || n.isEmpty()) {
          yield OptionalInt.empty();
        }
        yield OptionalInt.of(surge.getAsInt() == 0 && n.getAsInt() == 0 ? 1 : n.getAsInt());
      }
    };
  }
}
