package dev.poolguard.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One lint run as the CLI and the Maven plugin describe it.
 *
 * @param paths the files and folders to lint (relative paths are against the working directory)
 * @param configFile an explicit {@code poolguard.yaml}; else it is looked up (SPEC 4)
 * @param profileOverride {@code --profile}: the active profiles for every service
 * @param workingDirectory the folder display paths are relative to
 */
public record LintRequest(
    List<Path> paths,
    Optional<Path> configFile,
    Optional<List<String>> profileOverride,
    Path workingDirectory) {

  public LintRequest {
    paths = List.copyOf(paths);
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(profileOverride, "profileOverride");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** A request for {@code paths} with every option at its default. */
  public static LintRequest of(Path workingDirectory, List<Path> paths) {
    return new LintRequest(paths, Optional.empty(), Optional.empty(), workingDirectory);
  }

  public LintRequest withConfigFile(Optional<Path> file) {
    return new LintRequest(paths, file, profileOverride, workingDirectory);
  }

  public LintRequest withProfileOverride(Optional<List<String>> profiles) {
    return new LintRequest(paths, configFile, profiles, workingDirectory);
  }

  /** The paths made absolute against the working directory; {@code .} when none were given. */
  List<Path> absolutePaths() {
    List<Path> given = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    return given.stream().map(p -> workingDirectory.resolve(p).normalize()).toList();
  }
}
