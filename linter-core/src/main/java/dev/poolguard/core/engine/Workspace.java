package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The files of one run, each loaded once, keyed by their normalised absolute path. */
final class Workspace {

  private final Display display;
  private final Limits limits;
  // Concurrent: services are resolved on several threads (ServiceAssembly), each loading its files.
  private final Map<String, ConfigFile> loaded = new ConcurrentSkipListMap<>();
  // Display paths are for people: a name the platform cannot encode does not survive the round
  // trip through a String (a non-ASCII name under a C locale), so the real path is kept.
  private final Map<String, Path> byDisplayPath = new ConcurrentHashMap<>();

  private final java.util.function.Consumer<Path> onRead;

  private final Map<SourcePosition, java.util.SortedSet<SourcePosition>> templates =
      new HashMap<>();

  private final Boundary boundary;

  // Files parsed ahead, in parallel, by prefetch: load and peek take them from here, so the order
  // in which the assembly asks (and with it every output) is the same as without prefetching.
  private final Map<Path, ConfigFile> parsedAhead = new ConcurrentHashMap<>();
  private final Map<Path, Optional<String>> textAhead = new ConcurrentHashMap<>();

  /** Below this many files, threads cost more than they save. */
  private static final int PARALLEL_FROM = 16;

  // A baseline tree's workspace: the workspace of the tree it is the baseline of (a git revision
  // copied with the same display paths), whose parsed files it takes when their text is the same.
  private final Optional<Workspace> current;

  Workspace(
      Display display, Limits limits, java.util.function.Consumer<Path> onRead, Boundary boundary) {
    this(display, limits, onRead, boundary, Optional.empty());
  }

  Workspace(
      Display display,
      Limits limits,
      java.util.function.Consumer<Path> onRead,
      Boundary boundary,
      Optional<Workspace> current) {
    this.display = display;
    this.limits = limits;
    this.onRead = onRead;
    this.boundary = boundary;
    this.current = current;
  }

  /** The file read within the boundary, or a failure saying why it was not read at all. */
  private ConfigFile read(Path key) {
    Optional<String> refusal = boundary.refusal(key);
    if (refusal.isPresent()) {
      return ConfigLoader.notRead(key, display.of(key), refusal.get());
    }
    String shown = display.of(key);
    Optional<String> text = textAhead.get(key);
    Optional<ConfigFile> same =
        text == null || text.isEmpty()
            ? Optional.empty()
            : current.flatMap(c -> c.parsedAs(shown, text.get(), limits));
    return same.orElseGet(() -> ConfigLoader.load(key, shown, limits));
  }

  /**
   * The file this workspace parsed ahead at {@code displayPath}, if its text was {@code text} under
   * the same limits: a file is parsed from its display path, bytes and limits only, so parsing the
   * same again would give an equal result.
   */
  private Optional<ConfigFile> parsedAs(String displayPath, String text, Limits sameLimits) {
    Path file = byDisplayPath.get(displayPath);
    if (file == null || !limits.equals(sameLimits)) {
      return Optional.empty();
    }
    Optional<String> mine = textAhead.get(file);
    ConfigFile parsed = parsedAhead.get(file);
    return mine != null && parsed != null && mine.equals(Optional.of(text))
        ? Optional.of(parsed)
        : Optional.empty();
  }

  ConfigFile load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    onRead.accept(key);
    byDisplayPath.putIfAbsent(display.of(key), key);
    return loaded.computeIfAbsent(key.toString(), k -> readOnce(key));
  }

  private ConfigFile readOnce(Path key) {
    ConfigFile ahead = parsedAhead.get(key);
    return ahead != null ? ahead : read(key);
  }

  /**
   * Reads and parses {@code files} ahead of the assembly, on a bounded pool of threads ({@link
   * InOrder#threads()}), so that a large tree's parsing uses every core. Nothing is kept as an
   * input of the run by this: {@link #load} and {@link #peek} still decide that, in their order.
   */
  void prefetch(List<Path> files) {
    List<Path> keys = files.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
    if (InOrder.threads() < 2 || keys.size() < PARALLEL_FROM) {
      return;
    }
    try {
      InOrder.map(
          keys,
          PARALLEL_FROM,
          key -> {
            textAhead.put(key, readText(key));
            parsedAhead.put(key, read(key));
            return key;
          });
    } catch (RuntimeException | Error e) {
      // Whatever failed is parsed again on the calling thread, where it fails as it always did.
      parsedAhead.clear();
      textAhead.clear();
    }
  }

  /** Loads a file without keeping it: the caller decides whether it is one poolguard reads. */
  ConfigFile peek(Path file) {
    Path key = file.toAbsolutePath().normalize();
    byDisplayPath.putIfAbsent(display.of(key), key);
    ConfigFile kept = loaded.get(key.toString());
    if (kept != null) {
      return kept;
    }
    ConfigFile read = readOnce(key);
    if (boundary.refusal(key).isPresent()) {
      // Kept so that the refusal is reported, whatever the file was meant to be.
      loaded.putIfAbsent(key.toString(), read);
    }
    return read;
  }

  /**
   * Keeps a file that was peeked at or that another file embeds (a ConfigMap's application.yml).
   */
  void keep(Path file, ConfigFile loadedFile) {
    // A peeked file that is kept is an input of the run; one that is not (a report left in the
    // tree by an earlier run) is not, and may be written again.
    Path key = file.toAbsolutePath().normalize();
    onRead.accept(key);
    keep(key.toString(), loadedFile);
  }

  void keep(String key, ConfigFile file) {
    loaded.putIfAbsent(key, file);
  }

  /** The text of a file loaded in this run, by its display path. */
  Optional<String> text(String displayPath) {
    Path file = byDisplayPath.get(displayPath);
    return file == null ? Optional.empty() : text(file);
  }

  /**
   * The UTF-8 text of a file, if it is a regular file within the size limit: for telling Helm
   * templates and manifests apart, and for exact positions inside block scalars.
   */
  Optional<String> text(Path file) {
    Optional<String> ahead = textAhead.get(file.toAbsolutePath().normalize());
    return ahead != null ? ahead : readText(file);
  }

  private Optional<String> readText(Path file) {
    if (boundary.refusal(file).isPresent()) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile() || attributes.size() > limits.maxFileBytes()) {
        return Optional.empty();
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 8));
      }
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (IOException | RuntimeException e) {
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

  /** Records that a run read {@code file} without loading it (a chart's template). */
  void noteRead(Path file) {
    onRead.accept(file.toAbsolutePath().normalize());
  }

  /** Records, for values positions a chart render found, the template line that read each. */
  void relate(Map<SourcePosition, ? extends java.util.Set<SourcePosition>> valuesToTemplates) {
    valuesToTemplates.forEach(
        (v, t) -> templates.computeIfAbsent(v, k -> new java.util.TreeSet<>()).addAll(t));
  }

  /** The template lines that read the value at {@code values}, when a chart render found them. */
  java.util.Set<SourcePosition> templatesOf(SourcePosition values) {
    return templates.containsKey(values) ? templates.get(values) : java.util.Set.of();
  }

  /** Why {@code file} must not be read (outside the repository), or empty. */
  Optional<String> refusal(Path file) {
    return boundary.refusal(file.toAbsolutePath().normalize());
  }

  Limits limits() {
    return limits;
  }

  Display display() {
    return display;
  }
}
