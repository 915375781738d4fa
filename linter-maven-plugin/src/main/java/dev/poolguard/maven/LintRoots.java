package dev.poolguard.maven;

import dev.poolguard.core.project.PoolguardConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lint roots of a reactor (SPEC 9): a project's lint root is the nearest folder at or above its
 * base directory holding a poolguard config file (not looking above a repository root, as the
 * command line does), else the top of the reactor. Each lint root is linted once, by its owner: the
 * project of this build whose base directory it is, else the first project of this build inside it
 * (when the root's own project is not built, e.g. {@code mvn -pl module}).
 *
 * <p>Pure paths: the mojo turns Maven's session into the arguments.
 *
 * @param top the top of the reactor (the execution root)
 * @param running base directories of the projects of this build that run the goal, in build order
 * @param all base directories of every project of the reactor, built or not
 */
record LintRoots(Path top, List<Path> running, List<Path> all) {

  LintRoots {
    top = top.toAbsolutePath().normalize();
    running = running.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    all = all.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /**
   * The lint root of a project.
   *
   * @param folder the folder linted as a whole, minus {@code nested}
   * @param config its poolguard config file, if it has one
   * @param owner the base directory of the project that lints it, if any project of the build does
   * @param nested lint roots of other projects inside {@code folder}: they are linted on their own
   */
  record LintRoot(Path folder, Optional<Path> config, Optional<Path> owner, List<Path> nested) {

    /** What to pass as lint paths: the folder, or its entries around the nested roots. */
    List<Path> paths() {
      List<Path> out = new ArrayList<>();
      around(folder, out);
      return out;
    }

    private void around(Path dir, List<Path> out) {
      if (nested.contains(dir)) {
        return;
      }
      if (nested.stream().noneMatch(n -> n.startsWith(dir))) {
        out.add(dir);
        return;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path entry : entries.sorted().toList()) {
          if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            around(entry, out);
          } else {
            out.add(entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  LintRoot of(Path basedir) {
    Path base = basedir.toAbsolutePath().normalize();
    Path folder = folderOf(base);
    Optional<Path> config = PoolguardConfigs.inFolder(folder);
    Optional<Path> owner =
        running.contains(folder)
            ? Optional.of(folder)
            : running.stream()
                .filter(p -> p.startsWith(folder) && folderOf(p).equals(folder))
                .findFirst();
    List<Path> nested =
        all.stream()
            .map(this::folderOf)
            .filter(f -> !f.equals(folder) && f.startsWith(folder))
            .distinct()
            .sorted()
            .toList();
    return new LintRoot(folder, config, owner, nested);
  }

  private Path folderOf(Path base) {
    for (Path dir = base; dir != null; dir = dir.getParent()) {
      if (PoolguardConfigs.inFolder(dir).isPresent()) {
        return dir;
      }
      if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
    }
    return base.startsWith(top) ? top : base;
  }
}
