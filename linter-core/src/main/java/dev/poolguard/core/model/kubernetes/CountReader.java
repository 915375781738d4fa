package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.Strategy;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads whole-number fields such as {@code replicas}, falling back to Kubernetes' default. */
final class CountReader {

  private CountReader() {}

  /**
   * The count under {@code key}, or {@code fallback} at {@code owner} when absent. A value that is
   * not a non-negative whole number is noted (the API server would reject it) and reads as the
   * default, positioned at the bad value so a finding points at it.
   */
  static Count read(Fields fields, String key, int fallback, SourcePosition owner) {
    Optional<ScalarNode> node = fields.scalar(key);
    if (node.isEmpty()) {
      if (fields.has(key)) {
        return new Count(fallback, fields.positionOf(key), true);
      }
      return new Count(fallback, owner, true);
    }
    OptionalInt n = Strategy.Bound.parse(node.get().value().strip());
    if (n.isEmpty()) {
      fields
          .notes()
          .add(
              node.get().position(),
              fields.context()
                  + "."
                  + key
                  + " '"
                  + node.get().value()
                  + "' is not a whole number of 0 or more; Kubernetes rejects it (read as "
                  + fallback
                  + ")");
      return new Count(fallback, node.get().position(), true);
    }
    return new Count(n.getAsInt(), node.get().position(), false);
  }

  /** Like {@link #read} but empty when the field is absent or unreadable. */
  static Optional<Count> readRequired(Fields fields, String key, SourcePosition owner) {
    Optional<ScalarNode> node = fields.scalar(key);
    if (node.isEmpty()) {
      fields
          .notes()
          .add(
              fields.has(key) ? fields.positionOf(key) : owner,
              fields.context() + "." + key + " is missing; Kubernetes requires it");
      return Optional.empty();
    }
    OptionalInt n = Strategy.Bound.parse(node.get().value().strip());
    if (n.isEmpty()) {
      fields
          .notes()
          .add(
              node.get().position(),
              fields.context()
                  + "."
                  + key
                  + " '"
                  + node.get().value()
                  + "' is not a whole number of 0 or more; Kubernetes rejects it");
      return Optional.empty();
    }
    return Optional.of(new Count(n.getAsInt(), node.get().position(), false));
  }
}
