package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Secret, reduced to the names of its keys ({@code data} and {@code stringData}): its values are
 * never kept, so they cannot leak into a report.
 */
record Secret(String name, String namespace, List<Key> keys, SourcePosition position) {

  public Secret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    keys = List.copyOf(keys);
    Objects.requireNonNull(position, "position");
  }

  /** A key of the Secret and where it is written. */
  public record Key(String name, SourcePosition position) {

    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(position, "position");
    }
  }

  public Optional<Key> key(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }
}
