package dev.poolguard.core.baseline;

import dev.poolguard.core.LintException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code --baseline SPEC} (or {@code baseline:} in {@code poolguard.yaml}) names: a folder
 * of configuration, a snapshot file, or a git revision.
 *
 * @param kind which of the three it is
 * @param spec the text as given
 * @param path for a folder or snapshot, the path resolved against the base folder
 */
public record BaselineSpec(Kind kind, String spec, Optional<Path> path) {

  public BaselineSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(path, "path");
    if (path.isPresent() == (kind == Kind.GIT)) {
      throw new IllegalArgumentException("a folder or snapshot has a path, a revision has none");
    }
  }

  /** The three kinds of baseline. */
  public enum Kind {
    /** A folder of configuration, linted like the current one. */
    FOLDER,
    /** A snapshot written by {@code poolguard baseline -o FILE}. */
    SNAPSHOT,
    /** A git revision whose tree is read from the repository. */
    GIT
  }

  /**
   * Decides what {@code spec} names: an existing folder, else a {@code .json} file (existing or
   * not, so that a missing snapshot is reported as one rather than as an unknown revision), else a
   * git revision.
   *
   * @param base the folder relative paths are resolved against (the working directory for {@code
   *     --baseline}, the folder of {@code poolguard.yaml} for {@code baseline:})
   * @throws LintException for an empty spec, or an existing file that is not a snapshot
   */
  public static BaselineSpec parse(String spec, Path base) {
    String text = spec.strip();
    if (text.isEmpty()) {
      throw new LintException(
          "--baseline needs a folder, a snapshot file (.json) or a git revision such as HEAD");
    }
    Optional<Path> resolved = resolve(text, base);
    if (resolved.isPresent() && Files.isDirectory(resolved.get())) {
      return new BaselineSpec(Kind.FOLDER, text, resolved);
    }
    if (resolved.isPresent() && text.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return new BaselineSpec(Kind.SNAPSHOT, text, resolved);
    }
    if (resolved.isPresent() && Files.exists(resolved.get())) {
      throw new LintException(
          "baseline "
              + text
              + " is a file but not a snapshot (.json); give a folder, a snapshot written by"
              + " `poolguard baseline -o FILE.json`, or a git revision");
    }
    return new BaselineSpec(Kind.GIT, text, Optional.empty());
  }

  /** Empty when the text cannot be a path here (then it can only be a revision). */
  private static Optional<Path> resolve(String text, Path base) {
    try {
      return Optional.of(base.resolve(text).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
