package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Temporary folders for the files of a git revision or of the index. They go to memory when the
 * machine offers it: a baseline tree is thousands of small files written once, read once and
 * deleted, and on a busy disk writing and deleting them was most of a baseline run (N = 1000 scale
 * tree, other builds running: 4-5 s to write to /tmp and up to 9 s to delete, against 0.4 s and 0.1
 * s on /dev/shm).
 */
final class ScratchFolders {

  /** Room left on the memory filesystem beyond the largest baseline the limits allow. */
  static final long MARGIN_BYTES = 64L * 1024 * 1024;

  private static final Path MEMORY = Path.of("/dev/shm");

  private ScratchFolders() {}

  /**
   * Runs {@code body} over a new empty folder and deletes it afterwards, also when the run is
   * interrupted (SIGTERM, Ctrl-C).
   *
   * @param maxBytes the most the folder will hold (the baseline's {@code limits.maxTotalBytes}:
   *     files are counted against it before anything is copied)
   */
  static <T> T with(String prefix, long maxBytes, Function<Path, T> body) {
    Path tmp;
    try {
      tmp =
          Files.createTempDirectory(
              parent(maxBytes, System.getProperty("java.io.tmpdir"), MEMORY), prefix);
    } catch (IOException e) {
      throw new LintException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    Path folder = tmp;
    Thread cleanup = new Thread(() -> deleteTree(folder), "poolguard-baseline-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return body.apply(tmp);
    } finally {
      deleteTree(tmp);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook deletes the (now empty) folder again, harmlessly.
      }
    }
  }

  /**
   * Where temporary folders go: {@code java.io.tmpdir} when someone chose it (anything but the
   * default {@code /tmp}); else {@code memory} when it is a writable tmpfs with room for {@code
   * maxBytes} and a margin (a container's 64 MiB {@code /dev/shm} is not); else {@code /tmp}.
   */
  static Path parent(long maxBytes, String tmpdir, Path memory) {
    Path chosen = Path.of(tmpdir);
    if (!chosen.normalize().equals(Path.of("/tmp"))) {
      return chosen;
    }
    try {
      if (Files.isDirectory(memory)
          && Files.isWritable(memory)
          && "tmpfs".equals(Files.getFileStore(memory).type())
          && Files.getFileStore(memory).getUsableSpace() >= maxBytes + MARGIN_BYTES) {
        return memory;
      }
    } catch (IOException | SecurityException e) {
      // not usable: the disk it is
    }
    return chosen;
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is harmless; the lint result stands.
    }
  }
}
