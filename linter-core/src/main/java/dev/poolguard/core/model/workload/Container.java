package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container of a pod template (init containers are not kept), with what shapes its configuration:
 * environment, command line and mounted volumes.
 *
 * @param name the container name
 * @param env the {@code env} entries in order
 * @param envFrom the {@code envFrom} entries in order
 * @param command the {@code command} items (the image's ENTRYPOINT when empty)
 * @param args the {@code args} items (the image's CMD when empty)
 * @param volumeMounts the {@code volumeMounts} entries
 * @param position where the container's {@code name} is written
 * @param livenessProbe its {@code livenessProbe}, when that calls an HTTP path
 */
public record Container(
    String name,
    List<EnvVar> env,
    List<EnvFromSource> envFrom,
    List<Arg> command,
    List<Arg> args,
    List<VolumeMount> volumeMounts,
    SourcePosition position,
    Optional<HttpProbe> livenessProbe) {

  /** A container without an HTTP liveness probe. */
  public Container(
      String name,
      List<EnvVar> env,
      List<EnvFromSource> envFrom,
      List<Arg> command,
      List<Arg> args,
      List<VolumeMount> volumeMounts,
      SourcePosition position) {
    this(name, env, envFrom, command, args, volumeMounts, position, Optional.empty());
  }

  public Container {
    Objects.requireNonNull(name, "name");
    env = List.copyOf(env);
    envFrom = List.copyOf(envFrom);
    command = List.copyOf(command);
    args = List.copyOf(args);
    volumeMounts = List.copyOf(volumeMounts);
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(livenessProbe, "livenessProbe");
  }
}
