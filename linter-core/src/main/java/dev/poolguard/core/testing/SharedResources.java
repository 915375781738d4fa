package dev.poolguard.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared reference folder ({@code ../shared} beside the repository: schemas,
 * the real-world corpus) for tests. Tests skip when it is missing on a developer machine; under
 * {@code CI=true} a missing folder is an error, because a skipped check proves nothing.
 */
public final class SharedResources {

  private SharedResources() {}

  /**
   * The shared file or folder at {@code relative}, if present.
   *
   * @throws IllegalStateException when it is missing and the environment says {@code CI=true}
   */
  public static Optional<Path> locate(String relative) {
    Optional<Path> found = root().map(r -> r.resolve(relative)).filter(Files::exists);
    if (found.isEmpty() && isCi()) {
      throw new IllegalStateException(
          "shared/"
              + relative
              + " is required when CI=true but was not found beside the repository");
    }
    return found;
  }

  /** The message a test skips with when {@link #locate} found nothing. */
  public static String skipMessage(String relative) {
    return "skipped: shared/"
        + relative
        + " not found beside the repository (required when CI=true)";
  }

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static Optional<Path> root() {
    String override = System.getenv("POOLGUARD_SHARED");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isRegularFile(candidate.resolve("SPEC.md"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
