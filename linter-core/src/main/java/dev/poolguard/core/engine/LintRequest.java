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
 * @param baseline {@code --baseline}: a folder, a snapshot or a git revision; else {@code
 *     baseline:} from poolguard.yaml applies
 * @param noBaseline {@code --no-baseline}: ignore {@code baseline:} in poolguard.yaml
 * @param staged {@code --staged}: lint the git index instead of the work tree; it stays set on the
 *     request for the copy of the index, where it makes {@code HEAD} the default baseline
 * @param workTreeDirectory the working directory in the real work tree; differs from {@code
 *     workingDirectory} only while a copy of the tree (the git index) is linted, so that git
 *     revisions are still found
 * @param stdin the text of {@code -} as a PATH: Kubernetes manifests read from standard input
 * @param suppression {@code --no-inline-ignores} and the day waivers are judged against
 */
public record LintRequest(
    List<Path> paths,
    Optional<Path> configFile,
    Optional<List<String>> profileOverride,
    Path workingDirectory,
    Optional<String> baseline,
    boolean noBaseline,
    boolean staged,
    Path workTreeDirectory,
    Optional<String> stdin,
    SuppressionOptions suppression) {

  public LintRequest {
    paths = List.copyOf(paths);
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(profileOverride, "profileOverride");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(baseline, "baseline");
    workTreeDirectory = workTreeDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(suppression, "suppression");
  }

  /** A request without baseline options. */
  public LintRequest(
      List<Path> paths,
      Optional<Path> configFile,
      Optional<List<String>> profileOverride,
      Path workingDirectory) {
    this(
        paths,
        configFile,
        profileOverride,
        workingDirectory,
        Optional.empty(),
        false,
        false,
        workingDirectory,
        Optional.empty(),
        SuppressionOptions.defaults());
  }

  /** A request for {@code paths} with every option at its default. */
  public static LintRequest of(Path workingDirectory, List<Path> paths) {
    return new LintRequest(paths, Optional.empty(), Optional.empty(), workingDirectory);
  }

  public LintRequest withBaseline(Optional<String> spec, boolean ignoreConfigured) {
    return new LintRequest(
        paths,
        configFile,
        profileOverride,
        workingDirectory,
        spec,
        ignoreConfigured,
        staged,
        workTreeDirectory,
        stdin,
        suppression);
  }

  public LintRequest withStaged(boolean index) {
    return new LintRequest(
        paths,
        configFile,
        profileOverride,
        workingDirectory,
        baseline,
        noBaseline,
        index,
        workTreeDirectory,
        stdin,
        suppression);
  }

  /** The request with the text of {@code -} (standard input). */
  public LintRequest withStdin(String text) {
    return new LintRequest(
        paths,
        configFile,
        profileOverride,
        workingDirectory,
        baseline,
        noBaseline,
        staged,
        workTreeDirectory,
        Optional.of(text),
        suppression);
  }

  /** The request with {@code --no-inline-ignores} and {@code --today} as given. */
  public LintRequest withSuppression(SuppressionOptions options) {
    return new LintRequest(
        paths,
        configFile,
        profileOverride,
        workingDirectory,
        baseline,
        noBaseline,
        staged,
        workTreeDirectory,
        stdin,
        options);
  }

  /** The same request over a copy of the tree rooted elsewhere (a git tree, a baseline folder). */
  LintRequest movedTo(Path newWorkingDirectory, List<Path> newPaths, Optional<Path> newConfigFile) {
    return new LintRequest(
        newPaths,
        newConfigFile,
        profileOverride,
        newWorkingDirectory,
        baseline,
        noBaseline,
        false,
        workTreeDirectory,
        stdin,
        suppression);
  }

  /** The paths made absolute against the working directory; {@code .} when none were given. */
  List<Path> absolutePaths() {
    List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
    List<Path> given = files.isEmpty() && paths.isEmpty() ? List.of(Path.of(".")) : files;
    return given.stream().map(p -> workingDirectory.resolve(p).normalize()).toList();
  }
}
