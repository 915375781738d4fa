package dev.poolguard.core.baseline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Files copied out of a git repository's object database (a revision's tree or the index) into a
 * folder, with what is needed to map work-tree paths onto them.
 *
 * @param repositoryRoot the repository's work tree (its git folder when bare), absolute
 * @param target the folder the files were copied into; paths inside it are relative to the root
 * @param commit the full id of the commit read; empty for the index
 * @param files how many files were copied
 * @param notes what was skipped and why (symlinks, files over the size bound, unmerged paths)
 */
public record Materialized(
    Path repositoryRoot, Path target, Optional<String> commit, int files, List<String> notes) {

  public Materialized {
    Objects.requireNonNull(repositoryRoot, "repositoryRoot");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(commit, "commit");
    notes = List.copyOf(notes);
  }

  /**
   * Where a path of the work tree (a linted PATH, {@code poolguard.yaml}) lies in the copy; empty
   * when it is outside the repository.
   */
  public Optional<Path> locate(Path workTreePath) {
    Path absolute = workTreePath.toAbsolutePath().normalize();
    if (!absolute.startsWith(repositoryRoot)) {
      return Optional.empty();
    }
    return Optional.of(target.resolve(repositoryRoot.relativize(absolute).toString()).normalize());
  }
}
