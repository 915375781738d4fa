package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;

/**
 * A container's {@code envFrom} entry: every key of a ConfigMap or Secret becomes a variable, with
 * {@code prefix} in front of its name.
 */
public record EnvFromSource(
    Source source, String name, boolean optional, String prefix, SourcePosition position) {

  public EnvFromSource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(position, "position");
  }

  /** What an {@code envFrom} entry reads. */
  public enum Source {
    CONFIG_MAP,
    SECRET
  }

  /** {@code configMapRef name} or {@code secretRef name}, as notes name the source. */
  public String describe() {
    return (source == Source.CONFIG_MAP ? "configMapRef " : "secretRef ") + name;
  }
}
