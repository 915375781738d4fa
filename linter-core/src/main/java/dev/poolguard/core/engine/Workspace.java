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
  private final Map<String, ConfigFile> loaded = new TreeMap<>();

  Workspace(Display display, Limits limits) {
    this.display = display;
    this.limits = limits;
  }

  ConfigFile load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    return loaded.computeIfAbsent(
        key.toString(), k -> ConfigLoader.load(key, display.of(key), limits));
  }

  /** Loads a file without keeping it: the caller decides whether it is one poolguard reads. */
  ConfigFile peek(Path file) {
    Path key = file.toAbsolutePath().normalize();
    ConfigFile kept = loaded.get(key.toString());
    return kept != null ? kept : ConfigLoader.load(key, display.of(key), limits);
  }

  /**
   * Keeps a file that was peeked at or that another file embeds (a ConfigMap's application.yml).
   */
  void keep(String key, ConfigFile file) {
    loaded.putIfAbsent(key, file);
  }

  /** The text of a kept file by display path, for exact positions inside block scalars. */
  Optional<String> text(String displayPath) {
    Path path = display.workingDirectory().resolve(displayPath).normalize();
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
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

  Limits limits() {
    return limits;
  }

  Display display() {
    return display;
  }
}
