package dev.poolguard.core.model.postgres;

import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings of a {@code postgresql.conf} as PostgreSQL reads them at start: the scanner's syntax
 * ({@code guc-file.l}), {@code include}, {@code include_if_exists} and {@code include_dir} followed
 * relative to the including file, {@code postgresql.auto.conf} beside the file read last, a later
 * setting winning. What would keep the server from starting (a syntax error, a missing include, a
 * connection limit that is not an integer or out of range) is a {@link Problem}.
 */
public final class PostgresConf {

  /** PostgreSQL's {@code CONF_FILE_MAX_DEPTH}: deeper includes stop the server. */
  static final int MAX_INCLUDE_DEPTH = 10;

  /** PostgreSQL's {@code MAX_BACKENDS}: the upper bound of every connection parameter. */
  static final int MAX_BACKENDS = 0x3FFFF;

  /** The integer connection parameters poolguard reads, with PostgreSQL's ranges. */
  private static final Map<String, int[]> RANGES =
      Map.of(
          "max_connections", new int[] {1, MAX_BACKENDS},
          "superuser_reserved_connections", new int[] {0, MAX_BACKENDS},
          "reserved_connections", new int[] {0, MAX_BACKENDS});

  private static final AtomicLong PARSES = new AtomicLong();

  private final Map<String, Setting> settings;
  private final List<Problem> problems;

  private PostgresConf(Map<String, Setting> settings, List<Problem> problems) {
    this.settings = settings;
    this.problems = List.copyOf(problems);
  }

  /** One parameter: its value (quotes and escapes read) and where it is set. */
  public record Setting(String name, String value, SourcePosition position) {}

  /** Something PostgreSQL refuses to start with, and where. */
  public record Problem(String message, SourcePosition position) {}

  /** What the reader of a database's files needs from the run. */
  public interface Files {
    /** Why {@code file} must not be read (outside the repository, into {@code .git}), if so. */
    Optional<String> refusal(Path file);

    /** How reports name {@code file}. */
    String display(Path file);

    /** The two answers as functions. */
    static Files of(
        java.util.function.Function<Path, Optional<String>> refusal,
        java.util.function.Function<Path, String> display) {
      return new Files() {
        @Override
        public Optional<String> refusal(Path file) {
          return refusal.apply(file);
        }

        @Override
        public String display(Path file) {
          return display.apply(file);
        }
      };
    }
  }

  /**
   * Reads {@code file}, the files it includes and the {@code postgresql.auto.conf} beside it; a
   * file that cannot be read is a problem of the result, never an exception.
   *
   * @param namedAt where {@code file} is named (poolguard.yaml's {@code config:}): a problem
   *     opening it is reported there
   */
  public static PostgresConf load(Path file, Files files, Optional<SourcePosition> namedAt) {
    Loader loader = new Loader(files);
    Path top = file.toAbsolutePath().normalize();
    loader.file(top, namedAt, 0, true);
    Path auto = top.resolveSibling("postgresql.auto.conf");
    if (java.nio.file.Files.exists(auto)) {
      loader.file(auto, Optional.empty(), 0, true);
    }
    return loader.result();
  }

  /** Reads one file on its own, includes not followed (tests and the corpus). */
  public static PostgresConf read(Path file, String displayPath) throws IOException {
    return parse(text(file, displayPath), displayPath);
  }

  /** How many files this class has parsed in this JVM: tests count that a run parses each once. */
  public static long parses() {
    return PARSES.get();
  }

  /** The settings of {@code text}, includes not followed. */
  public static PostgresConf parse(String text, String displayPath) {
    Loader loader = new Loader(null);
    loader.parse(text, displayPath, Path.of(""), 0);
    return loader.result();
  }

  /** Everything that keeps PostgreSQL from starting with these files, in reading order. */
  public List<Problem> problems() {
    return problems;
  }

  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * A connection parameter's value as PostgreSQL reads it; empty when it is not set or is not a
   * valid value (then {@link #problems()} says so).
   */
  public OptionalInt integer(String name) {
    return setting(name)
        .flatMap(s -> PgInteger.parse(s.value()).value())
        .filter(v -> inRange(name, v))
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  /**
   * A whole number without a unit as PostgreSQL's {@code parse_int} reads it (see {@link
   * PgInteger}); empty when PostgreSQL rejects it.
   */
  public static OptionalInt parseInt(String value) {
    return PgInteger.parse(value).value().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /**
   * Why PostgreSQL would refuse this whole-number parameter, in its own words; empty when it is
   * absent or valid.
   */
  public Optional<String> refusal(String name, int min, int max) {
    return setting(name).flatMap(s -> Loader.invalid(s, new int[] {min, max}));
  }

  private static boolean inRange(String name, int value) {
    int[] range = RANGES.get(name);
    return range == null || (value >= range[0] && value <= range[1]);
  }

  private static String text(Path file, String displayPath) throws IOException {
    // Named by poolguard.yaml or an include, which a pull request can change: never a FIFO or a
    // device, never more than a config file may hold.
    BasicFileAttributes attributes =
        java.nio.file.Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new IOException(displayPath + " is not a regular file");
    }
    if (attributes.size() > Limits.DEFAULT.maxFileBytes()) {
      throw new IOException(
          displayPath + " is larger than " + Limits.DEFAULT.maxFileBytes() + " bytes");
    }
    byte[] bytes;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Limits.DEFAULT.maxFileBytes());
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** One reading: the settings so far (a later one replaces an earlier) and the problems. */
  private static final class Loader {
    private final Files files;
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    Loader(Files files) {
      this.files = files;
    }

    /**
     * Reads {@code file}; {@code from} is the include line naming it (absent for the top file and
     * postgresql.auto.conf), where problems opening it are reported.
     */
    void file(Path file, Optional<SourcePosition> from, int depth, boolean required) {
      String display = files.display(file);
      SourcePosition at = from.orElse(SourcePosition.startOf(display));
      if (depth > MAX_INCLUDE_DEPTH) {
        problems.add(
            new Problem(
                "could not open configuration file "
                    + display
                    + ": maximum nesting depth exceeded ("
                    + MAX_INCLUDE_DEPTH
                    + " levels of include)",
                at));
        return;
      }
      Optional<String> refusal = files.refusal(file);
      if (refusal.isPresent()) {
        problems.add(new Problem(display + " " + refusal.get(), at));
        return;
      }
      if (!java.nio.file.Files.exists(file)) {
        if (required) {
          problems.add(
              new Problem("could not open configuration file " + display + ": missing", at));
        }
        return;
      }
      String text;
      try {
        text = text(file, display);
      } catch (IOException | RuntimeException e) {
        problems.add(
            new Problem(
                "could not read configuration file " + display + ": " + e.getMessage(), at));
        return;
      }
      parse(text, display, file.getParent(), depth);
    }

    void parse(String text, String display, Path folder, int depth) {
      PARSES.incrementAndGet();
      GucFile.Parsed parsed = GucFile.parse(text);
      for (GucFile.SyntaxError e : parsed.errors()) {
        problems.add(
            new Problem(
                e.message() + " in " + display + " line " + e.line(),
                new SourcePosition(display, e.line(), e.column())));
      }
      for (GucFile.Entry entry : parsed.entries()) {
        String name = entry.name().toLowerCase(Locale.ROOT);
        SourcePosition at = new SourcePosition(display, entry.line(), entry.column());
        switch (name) {
          case "include", "include_if_exists" -> include(entry, folder, at, depth, name);
          case "include_dir" -> includeDir(entry, folder, at, depth);
          default -> {
            settings.remove(name); // a later setting moves to the end, as in PostgreSQL's list
            settings.put(name, new Setting(name, entry.value(), at));
          }
        }
      }
    }

    private void include(
        GucFile.Entry entry, Path folder, SourcePosition at, int depth, String directive) {
      if (files == null) {
        return;
      }
      if (entry.value().isEmpty()) {
        problems.add(new Problem("empty configuration file name: \"" + directive + "\"", at));
        return;
      }
      Path target = folder.resolve(entry.value()).normalize();
      file(target, Optional.of(at), depth + 1, directive.equals("include"));
    }

    private void includeDir(GucFile.Entry entry, Path folder, SourcePosition at, int depth) {
      if (files == null) {
        return;
      }
      Path dir = folder.resolve(entry.value()).normalize();
      String display = files.display(dir);
      Optional<String> refusal = files.refusal(dir);
      if (refusal.isPresent()) {
        problems.add(new Problem(display + " " + refusal.get(), at));
        return;
      }
      if (entry.value().isEmpty() || !java.nio.file.Files.isDirectory(dir)) {
        problems.add(
            new Problem("could not open configuration directory " + display + ": missing", at));
        return;
      }
      List<Path> confs;
      try (var list = java.nio.file.Files.list(dir)) {
        // PostgreSQL takes regular files named *.conf, not starting with '.', in strcmp order.
        confs =
            list.filter(p -> p.getFileName().toString().endsWith(".conf"))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> !java.nio.file.Files.isDirectory(p))
                .sorted(
                    (a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()))
                .toList();
      } catch (IOException e) {
        problems.add(
            new Problem(
                "could not open configuration directory " + display + ": " + e.getMessage(), at));
        return;
      }
      for (Path conf : confs) {
        file(conf, Optional.of(at), depth + 1, true);
      }
    }

    private static int compareBytes(String a, String b) {
      return java.util.Arrays.compareUnsigned(
          a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    PostgresConf result() {
      // PostgreSQL checks the value that is finally set: an earlier invalid one is ignored.
      for (var range : RANGES.entrySet()) {
        Setting s = settings.get(range.getKey());
        if (s != null) {
          invalid(s, range.getValue()).ifPresent(m -> problems.add(new Problem(m, s.position())));
        }
      }
      return new PostgresConf(new LinkedHashMap<>(settings), problems);
    }

    static Optional<String> invalid(Setting s, int[] range) {
      PgInteger.Result parsed = PgInteger.parse(s.value());
      if (parsed.value().isEmpty()) {
        return Optional.of(
            "invalid value for parameter \""
                + s.name()
                + "\": \""
                + s.value()
                + "\""
                + parsed.hint().map(h -> " (" + h + ")").orElse(" (an integer without units)"));
      }
      int v = parsed.value().get();
      if (v < range[0] || v > range[1]) {
        return Optional.of(
            v
                + " is outside the valid range for parameter \""
                + s.name()
                + "\" ("
                + range[0]
                + " .. "
                + range[1]
                + ")");
      }
      return Optional.empty();
    }
  }
}
