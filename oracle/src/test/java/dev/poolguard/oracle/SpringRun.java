package dev.poolguard.oracle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Spring Boot application sees at start-up: its classpath config files, the process
 * environment, its command-line arguments and its {@code -D} system properties.
 *
 * @param classpathRoot the folder whose files are the classpath resources ({@code
 *     src/main/resources})
 * @param env the environment variables, in the order the manifest lists them
 * @param args the application's arguments
 * @param systemProperties the {@code -D} properties
 * @param additionalProfiles profiles switched on from outside the configuration (poolguard's
 *     what-if variants of a profile the config declares)
 * @param containerRoot a folder standing for the container's file system (mounted config files), if
 *     the case has one: absolute config locations are moved under it and the working directory is
 *     {@link #WORKING_DIR} in it
 */
record SpringRun(
    Path classpathRoot,
    Map<String, String> env,
    List<String> args,
    Map<String, String> systemProperties,
    List<String> additionalProfiles,
    Optional<Path> containerRoot) {

  /** The container's working directory, under {@link #containerRoot}: {@code file:./} is here. */
  static final String WORKING_DIR = "/app";

  SpringRun(
      Path classpathRoot,
      Map<String, String> env,
      List<String> args,
      Map<String, String> systemProperties) {
    this(classpathRoot, env, args, systemProperties, List.of());
  }

  SpringRun(
      Path classpathRoot,
      Map<String, String> env,
      List<String> args,
      Map<String, String> systemProperties,
      List<String> additionalProfiles) {
    this(classpathRoot, env, args, systemProperties, additionalProfiles, Optional.empty());
  }

  SpringRun {
    Objects.requireNonNull(containerRoot, "containerRoot");
    additionalProfiles = List.copyOf(additionalProfiles);
    Objects.requireNonNull(classpathRoot, "classpathRoot");
    env = new LinkedHashMap<>(env);
    args = List.copyOf(args);
    systemProperties = new LinkedHashMap<>(systemProperties);
  }

  @Override
  public String toString() {
    return "env="
        + env
        + " args="
        + args
        + " -D="
        + systemProperties
        + (additionalProfiles.isEmpty() ? "" : " profiles=" + additionalProfiles);
  }
}
