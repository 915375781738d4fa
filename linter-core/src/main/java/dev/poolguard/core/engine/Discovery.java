package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.text.Glob;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks the linted paths: regular files only, never out of the linted roots through symlinks,
 * skipping build output and {@code exclude:} globs.
 */
final class Discovery {

  private static final Set<String> SKIPPED_FOLDERS =
      Set.of(".git", "target", "build", "node_modules");

  private final List<Glob> excludes;
  private final Path excludeBase;
  private final int maxFiles;
  private final long maxFileBytes;
  private final long maxTotalBytes;
  private long totalBytes;
  private final List<String> notes;
  private final Display display;
  private final TreeSet<Path> found = new TreeSet<>();
  private final TreeSet<Path> unmodelled = new TreeSet<>();
  private List<Path> realRoots = List.of();
  private Path currentRoot;

  Discovery(
      List<String> excludeGlobs,
      Path excludeBase,
      dev.poolguard.core.config.Limits limits,
      Display display,
      List<String> notes) {
    this.excludes = excludeGlobs.stream().map(Glob::compile).toList();
    this.excludeBase = excludeBase;
    this.maxFiles = limits.maxFiles();
    this.maxFileBytes = limits.maxFileBytes();
    this.maxTotalBytes = limits.maxTotalBytes();
    this.display = display;
    this.notes = notes;
  }

  /** Every readable regular file under {@code roots} whose name poolguard may read, sorted. */
  List<Path> walk(List<Path> roots) {
    List<Path> real = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        throw new LintException("cannot read " + display.of(root) + ": no such file or directory");
      }
      try {
        real.add(root.toRealPath());
      } catch (IOException e) {
        throw new LintException("cannot read " + display.of(root) + ": " + reason(e));
      }
    }
    realRoots = real;
    for (Path root : roots) {
      walkRoot(root);
    }
    return List.copyOf(found);
  }

  private void walkRoot(Path root) {
    currentRoot = root;
    if (!Files.isDirectory(root)) {
      if (Files.isRegularFile(root)) {
        add(root);
      } else {
        notes.add("skipped " + display.of(root) + ": not a regular file");
      }
      return;
    }
    if (!Files.isReadable(root)) {
      throw new LintException("cannot read " + display.of(root) + ": permission denied");
    }
    try {
      Files.walkFileTree(root, new Visitor());
    } catch (IOException e) {
      throw new LintException("cannot read " + display.of(root) + ": " + reason(e));
    }
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
      if (SKIPPED_FOLDERS.contains(name) || excluded(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (excluded(file)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        followLink(file);
      } else if (attrs.isRegularFile()) {
        add(file);
      } else if (ConfigLoader.formatOf(file).isPresent()) {
        notes.add("skipped " + display.of(file) + ": not a regular file");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      notes.add("skipped " + display.of(file) + ": " + reason(e));
      return FileVisitResult.CONTINUE;
    }
  }

  /** A symlink is read only when its target is a regular file inside a linted root. */
  private void followLink(Path link) {
    try {
      Path target = link.toRealPath();
      boolean inside = realRoots.stream().anyMatch(target::startsWith);
      if (inside && Files.isRegularFile(target)) {
        add(link);
      } else if (ConfigLoader.formatOf(link).isPresent()) {
        notes.add(
            "skipped "
                + display.of(link)
                + ": symlink leads outside the linted paths or not to a file");
      }
    } catch (IOException e) {
      notes.add("skipped " + display.of(link) + ": broken or looping symlink");
    }
  }

  /**
   * Files found with a configuration type poolguard does not read as such ({@code .conf}, {@code
   * .ini}): a {@code postgresql.conf} is read only when {@code databases:} names it.
   */
  List<Path> unmodelled() {
    return List.copyOf(unmodelled);
  }

  private void add(Path file) {
    if (ConfigLoader.formatOf(file).isEmpty()) {
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if ((name.endsWith(".conf") || name.endsWith(".ini") || name.endsWith(".cnf"))
          && unmodelled.size() < maxFiles) {
        unmodelled.add(file.normalize());
      }
      return;
    }
    if (found.add(file.normalize()) && found.size() > maxFiles) {
      throw new LintException(
          "more than "
              + maxFiles
              + " config files to read in "
              + display.of(currentRoot)
              + " (limits.maxFiles); narrow the paths, add exclude: globs or raise --max-files");
    }
    countBytes(file);
  }

  /**
   * Adds a file's size to the run's total before anything is read; a file over maxFileBytes is
   * reported, not read, so it does not count.
   */
  private void countBytes(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return; // the loader reports an unreadable file
    }
    if (size <= maxFileBytes) {
      totalBytes += size;
    }
    if (totalBytes > maxTotalBytes) {
      throw new LintException(
          "config files to read in "
              + display.of(currentRoot)
              + " add up to more than "
              + maxTotalBytes
              + " bytes (limits.maxTotalBytes); nothing was read. Narrow the paths, add exclude:"
              + " globs or raise --max-total-bytes");
    }
  }

  private boolean excluded(Path path) {
    if (excludes.isEmpty()) {
      return false;
    }
    Path relative;
    try {
      relative = excludeBase.relativize(path.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String text = relative.toString().replace(java.io.File.separatorChar, '/');
    return excludes.stream().anyMatch(g -> g.matches(text));
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
