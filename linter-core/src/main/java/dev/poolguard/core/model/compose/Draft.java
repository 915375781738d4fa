package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Count;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compose file's view of a service, before the files of a project (and {@code extends}) are
 * merged: what the file states and nothing else, so that merging can tell "not written" from
 * "written empty".
 */
record Draft(
    String name,
    SourcePosition position,
    Optional<String> image,
    Optional<Path> buildContext,
    Map<String, Env> environment,
    List<EnvFile> envFiles,
    Optional<List<Arg>> command,
    Optional<List<Arg>> entrypoint,
    Optional<Count> replicas,
    Map<String, ComposeProject.Mount> mounts,
    List<String> hostnames,
    Optional<Extends> extendsRef,
    List<String> profiles,
    List<String> dependsOn) {

  Draft {
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    envFiles = List.copyOf(envFiles);
    mounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mounts));
    hostnames = List.copyOf(hostnames);
    profiles = List.copyOf(profiles);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * An {@code environment} entry: its value, or empty when compose takes it from a shell poolguard
   * does not see ({@code - NAME}, {@code NAME:}, an unset {@code ${VAR}}).
   */
  record Env(String name, Optional<String> value, SourcePosition position, String why) {}

  /** An {@code env_file} entry, resolved against its compose file's folder. */
  record EnvFile(Path path, boolean required, SourcePosition position) {}

  /** {@code extends}: a service of this file or of {@code file}. */
  record Extends(String service, Optional<Path> file, SourcePosition position) {}

  /** This service declared at {@code where} (an overlay keeps the base file's declaration). */
  Draft at(SourcePosition where) {
    return new Draft(
        name,
        where,
        image,
        buildContext,
        environment,
        envFiles,
        command,
        entrypoint,
        replicas,
        mounts,
        hostnames,
        extendsRef,
        profiles,
        dependsOn);
  }

  /**
   * {@code override} merged onto this service as Compose merges files and {@code extends}: mappings
   * ({@code environment}, which a list form normalises to one) by key, {@code env_file} appended,
   * {@code volumes} by target, {@code command} and {@code entrypoint} replaced, scalars replaced.
   */
  Draft mergedWith(Draft override) {
    Map<String, Env> env = new LinkedHashMap<>(environment);
    env.putAll(override.environment);
    List<EnvFile> files = new ArrayList<>(envFiles);
    files.addAll(override.envFiles);
    Map<String, ComposeProject.Mount> volumes = new LinkedHashMap<>(mounts);
    volumes.putAll(override.mounts);
    List<String> hosts = new ArrayList<>(hostnames);
    override.hostnames.stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
    List<String> allProfiles = new ArrayList<>(profiles);
    override.profiles.stream().filter(p -> !allProfiles.contains(p)).forEach(allProfiles::add);
    List<String> depends = new ArrayList<>(dependsOn);
    override.dependsOn.stream().filter(d -> !depends.contains(d)).forEach(depends::add);
    return new Draft(
        override.name,
        override.position,
        override.image.or(() -> image),
        override.buildContext.or(() -> buildContext),
        env,
        files,
        override.command.or(() -> command),
        override.entrypoint.or(() -> entrypoint),
        override.replicas.or(() -> replicas),
        volumes,
        hosts,
        override.extendsRef,
        allProfiles,
        depends);
  }
}
