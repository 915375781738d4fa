package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run may read: files inside the repository (the git work tree holding {@code
 * poolguard.yaml}, else its folder) or inside the linted paths, never inside a {@code .git} folder,
 * judged by real path so that no symlink leads elsewhere. A pull request controls the tree, so a
 * link to the CI checkout's {@code .git/config} (credentials) or to a file outside must not be
 * read.
 */
final class Boundary {

  private final List<Path> realRoots;
  private final OutsidePaths outside;
  private final Display display;

  private Boundary(List<Path> realRoots, OutsidePaths outside, Display display) {
    this.realRoots = List.copyOf(realRoots);
    this.outside = outside;
    this.display = display;
  }

  /**
   * Whether a run may read outside the repository, and how its user allows it: the CLI and the
   * Maven plugin name the switch differently.
   */
  record OutsidePaths(boolean allowed, String howToAllow) {
    static final OutsidePaths CLI_DEFAULT = new OutsidePaths(false, "pass --allow-outside-paths");

    OutsidePaths allowing(boolean allow) {
      return new OutsidePaths(allow, howToAllow);
    }

    OutsidePaths saying(String how) {
      return new OutsidePaths(allowed, how);
    }
  }

  static Boundary of(
      PoolguardConfig config, List<Path> lintRoots, OutsidePaths outside, Display display) {
    List<Path> roots = new ArrayList<>();
    real(repositoryRoot(config.baseDir())).ifPresent(roots::add);
    for (Path root : lintRoots) {
      Path r = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
      if (r != null) {
        real(r).ifPresent(roots::add);
      }
    }
    return new Boundary(roots, outside, display);
  }

  /** The top of the git work tree holding {@code dir} (a folder with {@code .git}), else dir. */
  static Path repositoryRoot(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    for (Path p = absolute; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return absolute;
  }

  /** Why {@code file} must not be read, or empty when it may be. */
  Optional<String> refusal(Path file) {
    Optional<Path> real = real(file);
    if (real.isEmpty()) {
      return Optional.empty(); // missing or unreadable: the loader says so
    }
    Path target = real.get();
    Optional<Path> root = realRoots.stream().filter(target::startsWith).findFirst();
    Path inside = root.map(r -> r.relativize(target)).orElse(target);
    for (Path name : inside) {
      if (name.toString().equals(".git")) {
        return Optional.of(
            "not read: it leads into a .git folder ("
                + display.of(target)
                + "), which holds git's own files and credentials");
      }
    }
    if (root.isEmpty() && !outside.allowed()) {
      return Optional.of(
          "not read: it leads outside the repository and the linted paths ("
              + display.of(target)
              + "); "
              + outside.howToAllow()
              + " to read it");
    }
    return Optional.empty();
  }

  /**
   * Refuses paths of {@code poolguard.yaml} ({@code config:}, {@code deployment:}, {@code helm:}, a
   * database's {@code config:}) that lead outside the repository, unless allowed.
   *
   * @throws LintException naming the key and its line
   */
  static void checkConfigPaths(PoolguardConfig config, OutsidePaths outside, Display display) {
    Path repository = repositoryRoot(config.baseDir());
    Optional<Path> realRepository = real(repository);
    for (ServiceConfig s : config.services().values()) {
      for (Path p : s.config()) {
        check(
            p,
            repository,
            realRepository,
            outside,
            s.positionOf("config"),
            "services." + s.name() + ".config",
            display);
      }
      for (Path p : s.deployment()) {
        check(
            p,
            repository,
            realRepository,
            outside,
            s.positionOf("deployment"),
            "services." + s.name() + ".deployment",
            display);
      }
      if (s.helm().isPresent()) {
        var helm = s.helm().get();
        List<Path> paths = new ArrayList<>(List.of(helm.chart()));
        paths.addAll(helm.values());
        for (Path p : paths) {
          String key = p.equals(helm.chart()) ? "chart" : "values";
          check(
              p,
              repository,
              realRepository,
              outside,
              helm.positionOf(key),
              "services." + s.name() + ".helm." + key,
              display);
        }
      }
    }
    for (DatabaseConfig d : config.databases().values()) {
      if (d.config().isPresent()) {
        check(
            d.config().get(),
            repository,
            realRepository,
            outside,
            d.positionOf("config"),
            "databases." + d.name() + ".config",
            display);
      }
      if (d.pooler().isPresent()) {
        var pooler = d.pooler().get();
        for (String key : java.util.List.of("config", "manifest")) {
          Optional<Path> p = key.equals("config") ? pooler.config() : pooler.manifest();
          if (p.isPresent()) {
            check(
                p.get(),
                repository,
                realRepository,
                outside,
                pooler.positionOf(key),
                "databases." + d.name() + ".pooler." + key,
                display);
          }
        }
      }
    }
  }

  /** Refuses a folder or snapshot {@code baseline:} of poolguard.yaml outside the repository. */
  static void checkBaselinePath(
      PoolguardConfig config, Path path, OutsidePaths outside, Display display) {
    Path repository = repositoryRoot(config.baseDir());
    SourcePosition at =
        config.positionOf("baseline").orElse(SourcePosition.startOf(config.displayPath()));
    check(path, repository, real(repository), outside, at, "baseline", display);
  }

  private static void check(
      Path path,
      Path repository,
      Optional<Path> realRepository,
      OutsidePaths outsidePaths,
      SourcePosition at,
      String key,
      Display display) {
    Path absolute = path.toAbsolutePath().normalize();
    Optional<Path> real = real(absolute);
    boolean outside =
        !absolute.startsWith(repository)
            || (real.isPresent()
                && realRepository.isPresent()
                && !real.get().startsWith(realRepository.get()));
    Path shown = real.orElse(absolute);
    Path relative =
        realRepository.filter(shown::startsWith).map(r -> r.relativize(shown)).orElse(shown);
    for (Path name : relative) {
      if (name.toString().equals(".git")) {
        throw new LintException(
            at
                + ": "
                + key
                + ": "
                + display.of(absolute)
                + " leads into a .git folder; poolguard never reads git's own files");
      }
    }
    if (outside && !outsidePaths.allowed()) {
      throw new LintException(
          at
              + ": "
              + key
              + ": "
              + display.of(absolute)
              + " is outside the repository ("
              + where(repository, display)
              + "); poolguard reads only files inside it. Move the file into the repository,"
              + " or "
              + outsidePaths.howToAllow()
              + " if this run may read it");
    }
  }

  /** The repository as the message names it: "." alone would read as a typo. */
  private static String where(Path repository, Display display) {
    String shown = display.of(repository);
    return shown.equals(".") ? "the current folder" : shown;
  }

  private static Optional<Path> real(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
