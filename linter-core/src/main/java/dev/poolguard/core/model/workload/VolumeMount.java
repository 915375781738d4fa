package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/** A container's {@code volumeMounts} entry: which pod volume appears where in the container. */
public record VolumeMount(
    String name, String mountPath, Optional<String> subPath, SourcePosition position) {

  public VolumeMount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(subPath, "subPath");
    Objects.requireNonNull(position, "position");
  }
}
