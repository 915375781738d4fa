package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The files of one run, each loaded once, keyed by their normalised absolute path. */
final class Workspace {

  private final Display display;
  private final Limits limits;
  private final Map<Path, ConfigFile> loaded = new TreeMap<>();

  Workspace(Display display, Limits limits) {
    this.display = display;
    this.limits = limits;
  }

  ConfigFile load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    return loaded.computeIfAbsent(key, k -> ConfigLoader.load(k, display.of(k), limits));
  }

  /** A file another file refers to (an import), if it exists. */
  Optional<ConfigFile> loadIfPresent(Path file) {
    return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
  }

  /** Every file loaded so far, sorted by display path. */
  List<ConfigFile> files() {
    return loaded.values().stream()
        .sorted(java.util.Comparator.comparing(ConfigFile::displayPath))
        .toList();
  }

  Display display() {
    return display;
  }
}
