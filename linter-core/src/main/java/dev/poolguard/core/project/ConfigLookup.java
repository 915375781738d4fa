package dev.poolguard.core.project;

import dev.poolguard.core.LintException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the poolguard config file ({@code poolguard.yaml} or one of its aliases) of a run. */
final class ConfigLookup {

  private ConfigLookup() {}

  static Optional<Path> find(List<Path> lintPaths, Optional<Path> explicit) {
    if (explicit.isPresent()) {
      return Optional.of(readable(explicit.get()));
    }
    // "-" (stdin) is no folder and has no parent: it starts from the working directory.
    Path first =
        (lintPaths.isEmpty() ? Path.of(".") : lintPaths.get(0)).toAbsolutePath().normalize();
    Path dir = Files.isDirectory(first) ? first : first.getParent();
    for (; dir != null; dir = dir.getParent()) {
      Optional<Path> here = inFolder(dir);
      if (here.isPresent()) {
        return here;
      }
      // .git is a folder in a clone and a file in a worktree or submodule: both mark the root.
      if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The config file in {@code dir} under any of {@link PoolguardConfigs#FILE_NAMES}; two of them
   * would leave it unclear which applies, so that is refused.
   */
  static Optional<Path> inFolder(Path dir) {
    List<Path> present =
        PoolguardConfigs.FILE_NAMES.stream()
            .map(dir::resolve)
            .filter(p -> Files.isRegularFile(p))
            .toList();
    if (present.size() > 1) {
      throw new LintException(
          "two poolguard config files in "
              + dir
              + ": "
              + String.join(" and ", present.stream().map(p -> p.getFileName().toString()).toList())
              + "; keep one");
    }
    return present.stream().findFirst();
  }

  private static Path readable(Path file) {
    String reason;
    if (!Files.exists(file)) {
      reason = "no such file";
    } else if (Files.isDirectory(file)) {
      reason = "is a folder";
    } else if (!Files.isRegularFile(file)) {
      reason = "not a regular file"; // a FIFO or device would block or never end
    } else if (!Files.isReadable(file)) {
      reason = "permission denied";
    } else {
      return file.toAbsolutePath().normalize();
    }
    throw new LintException("cannot read --config " + file + ": " + reason);
  }
}
