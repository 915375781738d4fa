package dev.poolguard.core.model.pooler;

import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code pgbouncer.ini} as PgBouncer's loader reads it (libusual {@code cfparser.c}): {@code
 * [section]} lines, {@code key = value} with the value running to the end of the line (a {@code ;}
 * or {@code #} starts a comment only at the start of a line), {@code %include file} read in place
 * up to {@value #MAX_INCLUDE} levels deep, a later setting replacing an earlier one, and each
 * {@code [pgbouncer]} header resetting that section to its defaults (libusual fills a section's
 * defaults at every header). Section and key names are compared exactly, as PgBouncer's {@code
 * strcmp} does. A file without a {@code [pgbouncer]} section, or with a setting before any section,
 * is one PgBouncer refuses to load.
 */
public final class PgBouncerIni {

  /** libusual's {@code MAX_INCLUDE}: an include nested deeper stops PgBouncer. */
  static final int MAX_INCLUDE = 10;

  private final Map<String, Entry> pgbouncer;
  private final Map<String, Entry> databases;
  private final List<PostgresConf.Problem> problems;
  private final List<Path> files;

  private PgBouncerIni(
      Map<String, Entry> pgbouncer,
      Map<String, Entry> databases,
      List<PostgresConf.Problem> problems,
      List<Path> files) {
    this.pgbouncer = pgbouncer;
    this.databases = databases;
    this.problems = List.copyOf(problems);
    this.files = List.copyOf(files);
  }

  /** Every file read, the named one and its includes, absolute, in reading order. */
  public List<Path> files() {
    return files;
  }

  /** One {@code key = value} line, as written, and where. */
  public record Entry(String key, String value, SourcePosition position) {}

  /**
   * Reads {@code file} and what it includes, each through {@code files}; a file that cannot be read
   * is a problem of the result, never an exception. {@code %include} paths are resolved against the
   * including file's folder (PgBouncer takes them relative to its working directory, which a
   * repository does not say; absolute ones are the same for both).
   */
  public static PgBouncerIni load(
      Path file, PostgresConf.Files files, Optional<SourcePosition> namedAt) {
    Loader loader = new Loader(files);
    Path top = file.toAbsolutePath().normalize();
    loader.file(top, namedAt, 0);
    return loader.result(Optional.of(namedAt.orElse(SourcePosition.startOf(files.display(top)))));
  }

  /** The settings of {@code text}, includes not followed (tests and the corpus). */
  public static PgBouncerIni parse(String text, String displayPath) {
    Loader loader = new Loader(null);
    loader.parse(text, displayPath, Path.of(""), 0);
    return loader.result(Optional.empty());
  }

  /**
   * The file an image's entrypoint writes from its environment: its {@code [pgbouncer]} settings
   * and {@code [databases]} entries, each positioned at the variable that gives it.
   */
  public static PgBouncerIni written(
      Map<String, Entry> pgbouncer,
      Map<String, Entry> databases,
      List<PostgresConf.Problem> problems) {
    return new PgBouncerIni(
        new LinkedHashMap<>(pgbouncer), new LinkedHashMap<>(databases), problems, List.of());
  }

  /** A {@code [pgbouncer]} setting. */
  public Optional<Entry> setting(String key) {
    return Optional.ofNullable(pgbouncer.get(key));
  }

  /** The {@code [databases]} entries in file order (a later one of a name replaces it). */
  public List<Entry> databases() {
    return List.copyOf(databases.values());
  }

  /** What keeps PgBouncer from loading these files, in reading order. */
  public List<PostgresConf.Problem> problems() {
    return problems;
  }

  private static final class Loader {
    private final PostgresConf.Files files;
    private final Map<String, Entry> pgbouncer = new LinkedHashMap<>();
    private final Map<String, Entry> databases = new LinkedHashMap<>();
    private final List<PostgresConf.Problem> problems = new ArrayList<>();
    private final List<Path> read = new ArrayList<>();
    private String section = "";
    private boolean sawMain;

    Loader(PostgresConf.Files files) {
      this.files = files;
    }

    void file(Path file, Optional<SourcePosition> from, int depth) {
      String display = files.display(file);
      SourcePosition at = from.orElse(SourcePosition.startOf(display));
      Optional<String> refusal = files.refusal(file);
      if (refusal.isPresent()) {
        problems.add(new PostgresConf.Problem(display + " " + refusal.get(), at));
        return;
      }
      String text;
      try {
        text = text(file, display);
      } catch (IOException | RuntimeException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "missing" : e.getMessage();
        problems.add(new PostgresConf.Problem("could not load file " + display + ": " + why, at));
        return;
      }
      read.add(file);
      parse(text, display, file.getParent(), depth);
    }

    void parse(String text, String display, Path folder, int depth) {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int number = i + 1;
        String line = lines[i];
        String stripped = line.stripLeading();
        int column = line.length() - stripped.length() + 1;
        SourcePosition at = new SourcePosition(display, number, column);
        if (stripped.isBlank() || stripped.startsWith("#") || stripped.startsWith(";")) {
          continue;
        }
        if (stripped.startsWith("%include")
            && stripped.length() > 8
            && (stripped.charAt(8) == ' ' || stripped.charAt(8) == '\t')) {
          include(stripped.substring(9).strip(), folder, at, depth, display);
          continue;
        }
        if (stripped.startsWith("[")) {
          int close = stripped.indexOf(']');
          if (close < 0) {
            syntax(display, at);
            return;
          }
          section = stripped.substring(1, close);
          if (section.equals("pgbouncer")) {
            // libusual's load_handler fills a section's defaults at each of its headers: a
            // second [pgbouncer] forgets every setting above it.
            pgbouncer.clear();
            sawMain = true;
          }
          continue;
        }
        if (!keyValue(stripped, at, display)) {
          return; // PgBouncer stops loading at a syntax error
        }
      }
    }

    private boolean keyValue(String stripped, SourcePosition at, String display) {
      int p = 0;
      String key;
      if (stripped.charAt(0) == '\'') {
        int close = stripped.indexOf('\'', 1);
        if (close <= 1) {
          syntax(display, at);
          return false;
        }
        key = stripped.substring(1, close);
        p = close + 1;
      } else {
        while (p < stripped.length() && keyChar(stripped.charAt(p))) {
          p++;
        }
        key = stripped.substring(0, p);
      }
      while (p < stripped.length() && (stripped.charAt(p) == ' ' || stripped.charAt(p) == '\t')) {
        p++;
      }
      if (p >= stripped.length() || stripped.charAt(p) != '=') {
        syntax(display, at);
        return false;
      }
      if (section.isEmpty()) {
        problems.add(
            new PostgresConf.Problem(
                "load_init_file: value without section: "
                    + key
                    + " ("
                    + display
                    + ":"
                    + at.line()
                    + ")",
                at));
        return false;
      }
      String value = stripped.substring(p + 1).strip();
      Entry entry = new Entry(key, value, at);
      if (section.equals("pgbouncer")) {
        pgbouncer.put(key, entry);
      } else if (section.equals("databases")) {
        databases.remove(key);
        databases.put(key, entry);
      }
      return true;
    }

    private static boolean keyChar(char c) {
      return Character.isLetterOrDigit(c) && c < 128 || "_.-*".indexOf(c) >= 0;
    }

    private void syntax(String display, SourcePosition at) {
      problems.add(
          new PostgresConf.Problem(
              "syntax error in configuration (" + display + ":" + at.line() + ")", at));
    }

    private void include(String name, Path folder, SourcePosition at, int depth, String display) {
      if (files == null) {
        return;
      }
      if (depth >= MAX_INCLUDE) {
        problems.add(
            new PostgresConf.Problem(
                "include nesting level too deep (" + display + ":" + at.line() + ")", at));
        return;
      }
      file(folder.resolve(name).normalize(), Optional.of(at), depth + 1);
    }

    private static String text(Path file, String displayPath) throws IOException {
      // Named by poolguard.yaml or an include, which a pull request can change: never a FIFO or
      // a device, never more than a config file may hold.
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException(displayPath + " is not a regular file");
      }
      if (attributes.size() > Limits.DEFAULT.maxFileBytes()) {
        throw new IOException(
            displayPath + " is larger than " + Limits.DEFAULT.maxFileBytes() + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new String(
            in.readNBytes((int) Limits.DEFAULT.maxFileBytes()), StandardCharsets.UTF_8);
      }
    }

    PgBouncerIni result(Optional<SourcePosition> top) {
      if (!sawMain && problems.isEmpty() && top.isPresent()) {
        problems.add(
            new PostgresConf.Problem(
                "load_init_file: main section missing from config file (no [pgbouncer] section)",
                top.get()));
      }
      return new PgBouncerIni(pgbouncer, databases, problems, read);
    }
  }
}
