package dev.poolguard.core.project;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the poolguard config file ({@code poolguard.yaml} or one of its aliases) of a run. */
final class ConfigLookup {

  private ConfigLookup() {}

  static Optional<Path> find(List<Path> lintPaths, Optional<Path> explicit) {
    return find(lintPaths, explicit, note -> {});
  }

  static Optional<Path> find(
      List<Path> lintPaths, Optional<Path> explicit, java.util.function.Consumer<String> notes) {
    if (explicit.isPresent()) {
      return Optional.of(readable(explicit.get()));
    }
    // "-" (stdin) is no folder and has no parent: it starts from the working directory.
    Path first =
        (lintPaths.isEmpty() ? Path.of(".") : lintPaths.get(0)).toAbsolutePath().normalize();
    Path start = Files.isDirectory(first) ? first : first.getParent();
    boolean inRepository = false;
    for (Path d = start; d != null; d = d.getParent()) {
      inRepository |= Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
    }
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Optional<Path> here = inFolder(dir);
      if (here.isPresent()) {
        // Outside a repository, a parent folder may be shared (/tmp, a home of CI jobs): a
        // config planted there by another user must not steer this run.
        if (!inRepository && !dir.equals(start) && !ownedByMe(here.get())) {
          notes.accept(
              "ignored "
                  + here.get()
                  + ": it is in a parent folder and owned by another user; pass --config to use"
                  + " it");
          continue;
        }
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

  private static boolean ownedByMe(Path file) {
    try {
      return Files.getOwner(file).getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true; // no owners on this file system: nothing to tell apart
    }
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
