package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A pod-template volume. ConfigMap and Secret volumes, and the sources of a {@code projected}
 * volume, are kept as projections; other volume types only by their type name.
 *
 * @param name the volume name that {@link VolumeMount#name()} refers to
 * @param type the volume type as written ({@code configMap}, {@code secret}, {@code projected},
 *     {@code emptyDir}…)
 * @param projections the ConfigMaps and Secrets whose keys become files in it
 * @param position where the volume is declared
 */
public record Volume(
    String name, String type, List<Projection> projections, SourcePosition position) {

  public Volume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    projections = List.copyOf(projections);
    Objects.requireNonNull(position, "position");
  }

  /**
   * A ConfigMap or Secret whose keys become files: every key under its own name, or only the listed
   * {@code items} under their paths.
   */
  public record Projection(
      Source source, String name, List<Item> items, boolean optional, SourcePosition position) {

    public Projection {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      items = List.copyOf(items);
      Objects.requireNonNull(position, "position");
    }
  }

  /** What a projection reads. */
  public enum Source {
    CONFIG_MAP,
    SECRET
  }

  /** One {@code items} entry: the key and the file path it is written to. */
  public record Item(String key, String path) {

    public Item {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(path, "path");
    }
  }
}
