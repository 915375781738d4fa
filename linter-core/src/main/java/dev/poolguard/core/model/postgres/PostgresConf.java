package dev.poolguard.core.model.postgres;

import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connection settings of a {@code postgresql.conf}: {@code name = value} lines ({@code =}
 * optional), {@code #} comments, single-quoted values; a later line wins, as in PostgreSQL.
 */
public final class PostgresConf {

  private static final AtomicLong PARSES = new AtomicLong();

  private final Map<String, Setting> settings;

  private PostgresConf(Map<String, Setting> settings) {
    this(settings, List.of());
  }

  private PostgresConf(Map<String, Setting> settings, List<Directive> directives) {
    this.settings = settings;
    this.directives = directives;
  }

  /** One parameter: its value as written and where. */
  public record Setting(String name, String value, SourcePosition position) {}

  /**
   * Reads {@code file} as PostgreSQL does at start: its {@code include}, {@code include_if_exists}
   * and {@code include_dir} directives in place (paths relative to the including file; a
   * directory's {@code .conf} files in name order, dot files skipped), then {@code
   * postgresql.auto.conf} beside it (ALTER SYSTEM's file, read last). A later setting wins and
   * keeps its own file and line. Included files must stay inside {@code root} (no {@code ..} or
   * symlink out of it, nothing inside {@code .git}); nesting stops at depth 10, as in PostgreSQL.
   *
   * @param display how a path is shown to users
   * @throws IOException naming the file and line of a missing {@code include}, a cycle or a path
   *     outside {@code root}
   */
  public static PostgresConf readWithIncludes(
      Path file, Path root, java.util.function.Function<Path, String> display) throws IOException {
    PARSES.incrementAndGet();
    Map<String, Setting> settings = new LinkedHashMap<>();
    Path realRoot = root.toRealPath();
    include(file, realRoot, display, settings, 0, display.apply(file));
    Path auto = file.toAbsolutePath().normalize().resolveSibling("postgresql.auto.conf");
    if (Files.isRegularFile(auto)) {
      include(auto, realRoot, display, settings, 0, display.apply(auto));
    }
    return new PostgresConf(settings);
  }

  private static void include(
      Path file,
      Path realRoot,
      java.util.function.Function<Path, String> display,
      Map<String, Setting> settings,
      int depth,
      String from)
      throws IOException {
    if (depth > 10) {
      throw new IOException(
          from + ": could not open configuration file: maximum nesting depth (10) exceeded");
    }
    Path real = file.toRealPath();
    if (!real.startsWith(realRoot) || realRoot.relativize(real).toString().contains(".git")) {
      throw new IOException(
          from + ": " + display.apply(file) + " is outside the repository; not read");
    }
    String shown = display.apply(file);
    PostgresConf one = parseCounted(text(file, shown), shown, false);
    for (Directive d : one.directives) { // in file order: an include sits where it is written
      if (d.kind().equals(SET)) {
        settings.remove(d.name());
        settings.put(d.name(), new Setting(d.name(), d.path(), d.position()));
        continue;
      }
      Path target = file.toAbsolutePath().normalize().resolveSibling(d.path());
      String at = d.position().path() + ":" + d.position().line();
      switch (d.kind()) {
        case SYNTAX_ERROR ->
            throw new IOException(
                at + ": syntax error near \"" + d.path() + "\" (PostgreSQL refuses to start)");
        case "include_if_exists" -> {
          if (Files.exists(target)) {
            include(target, realRoot, display, settings, depth + 1, at);
          }
        }
        case "include_dir" -> {
          if (!Files.isDirectory(target)) {
            throw new IOException(
                at + ": could not open configuration directory " + display.apply(target));
          }
          List<Path> confs;
          try (var list = Files.list(target)) {
            confs =
                list.filter(f -> f.getFileName().toString().endsWith(".conf"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted(java.util.Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
          }
          for (Path c : confs) {
            include(c, realRoot, display, settings, depth + 1, at);
          }
        }
        default -> {
          if (!Files.exists(target)) {
            throw new IOException(
                at + ": could not open configuration file " + display.apply(target));
          }
          include(target, realRoot, display, settings, depth + 1, at);
        }
      }
    }
  }

  /** One line: a setting ({@link #SET}), an include directive or a syntax error, and where. */
  private record Directive(String kind, String path, SourcePosition position, String name) {}

  private static final String SET = "set";

  /**
   * An unquoted value PostgreSQL's configuration lexer (src/backend/utils/misc/guc-file.l) reads as
   * one token: INTEGER ({@code [-+]?(digits|0x hexdigits)} then unit letters), REAL (with a '.',
   * optional exponent) or UNQUOTED_STRING. Anything else, such as {@code 1e2} (INTEGER {@code 1e},
   * then {@code 2}) or {@code 100 connections}, is a syntax error that stops the server.
   */
  private static final java.util.regex.Pattern UNQUOTED_VALUE =
      java.util.regex.Pattern.compile(
          "[-+]?([0-9]+|0x[0-9a-fA-F]+)[a-zA-Z]*"
              + "|[-+]?[0-9]*\\.[0-9]*([Ee][-+]?[0-9]+)?"
              + "|[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z_0-9\\x{80}-\\x{10FFFF}\\-.:/]*");

  private static final String SYNTAX_ERROR = "syntax error";

  private static final java.util.Set<String> INCLUDES =
      java.util.Set.of("include", "include_if_exists", "include_dir");

  private final List<Directive> directives;

  public static PostgresConf read(Path file, String displayPath) throws IOException {
    return parse(text(file, displayPath), displayPath);
  }

  private static String text(Path file, String displayPath) throws IOException {
    // Named by poolguard.yaml, which a pull request can change: never a FIFO or a device, never
    // more than a config file may hold.
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new IOException(displayPath + " is not a regular file");
    }
    if (attributes.size() > Limits.DEFAULT.maxFileBytes()) {
      throw new IOException(
          displayPath + " is larger than " + Limits.DEFAULT.maxFileBytes() + " bytes");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Limits.DEFAULT.maxFileBytes());
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** How many files this class has parsed in this JVM: tests count that a run parses each once. */
  public static long parses() {
    return PARSES.get();
  }

  public static PostgresConf parse(String text, String displayPath) {
    return parseCounted(text, displayPath, true);
  }

  private static PostgresConf parseCounted(String text, String displayPath, boolean count) {
    if (count) {
      PARSES.incrementAndGet();
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    List<Directive> directives = new java.util.ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      int split = 0;
      while (split < line.length()
          && (Character.isLetterOrDigit(line.charAt(split))
              || line.charAt(split) == '_'
              || line.charAt(split) == '.')) {
        split++;
      }
      if (split == 0) {
        continue;
      }
      String name = line.substring(0, split).toLowerCase(Locale.ROOT);
      String rest = line.substring(split).strip();
      if (rest.startsWith("=")) {
        rest = rest.substring(1).strip();
      }
      boolean quoted = rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'");
      if (quoted) {
        rest = rest.substring(1, rest.length() - 1).replace("''", "'");
      }
      int column = lines.get(i).indexOf(rest.isEmpty() ? line : rest) + 1;
      SourcePosition at = new SourcePosition(displayPath, i + 1, Math.max(1, column));
      if (!quoted && !UNQUOTED_VALUE.matcher(rest).matches()) {
        directives.add(new Directive(SYNTAX_ERROR, rest, at, name));
        continue;
      }
      if (INCLUDES.contains(name)) {
        directives.add(new Directive(name, rest, at, name));
        continue;
      }
      settings.remove(name); // a later line wins and keeps its place last
      settings.put(name, new Setting(name, rest, at));
      directives.add(new Directive(SET, rest, at, name));
    }
    return new PostgresConf(settings, List.copyOf(directives));
  }

  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** A whole-number parameter without a unit, read as PostgreSQL reads it ({@link #parseInt}). */
  public OptionalInt integer(String name) {
    return setting(name).map(s -> parseInt(s.value())).orElse(OptionalInt.empty());
  }

  /**
   * Why PostgreSQL would refuse to start with this whole-number parameter, in its own words; empty
   * when it is absent or valid.
   */
  public Optional<String> refusal(String name, int min, int max) {
    Optional<Setting> s = setting(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt v = parseInt(s.get().value());
    if (v.isEmpty()) {
      return Optional.of(
          "invalid value for parameter \"" + name + "\": \"" + s.get().value() + "\"");
    }
    if (v.getAsInt() < min || v.getAsInt() > max) {
      return Optional.of(
          v.getAsInt()
              + " is outside the valid range for parameter \""
              + name
              + "\" ("
              + min
              + " .. "
              + max
              + ")");
    }
    return Optional.empty();
  }

  /**
   * A whole number without a unit as PostgreSQL's {@code parse_int} (src/backend/utils/misc/guc.c)
   * reads it: {@code strtol} with base 0 (so {@code 0x64} is hexadecimal and {@code 0144} octal,
   * both 100), re-read as a floating-point number when that stops at {@code .}, {@code e} or {@code
   * E} or overflows ({@code 1e2}, {@code 100.4}), then rounded half to even ({@code rint}) and
   * checked to fit an int; trailing spaces are allowed, anything else (a unit) is not.
   */
  public static OptionalInt parseInt(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && Character.isWhitespace(value.charAt(i))) {
      i++;
    }
    int start = i;
    int j = i;
    if (j < n && (value.charAt(j) == '+' || value.charAt(j) == '-')) {
      j++;
    }
    int radix = 10;
    if (j + 1 < n
        && value.charAt(j) == '0'
        && (value.charAt(j + 1) == 'x' || value.charAt(j + 1) == 'X')
        && j + 2 < n
        && Character.digit(value.charAt(j + 2), 16) >= 0) {
      radix = 16;
      j += 2;
    } else if (j < n && value.charAt(j) == '0') {
      radix = 8;
    }
    int digitsFrom = j;
    java.math.BigInteger whole = java.math.BigInteger.ZERO;
    while (j < n && Character.digit(value.charAt(j), radix) >= 0) {
      whole =
          whole
              .multiply(java.math.BigInteger.valueOf(radix))
              .add(java.math.BigInteger.valueOf(Character.digit(value.charAt(j), radix)));
      j++;
    }
    if (j == digitsFrom) {
      j = start; // no conversion
    }
    boolean negative = start < n && value.charAt(start) == '-';
    double val = negative ? -whole.doubleValue() : whole.doubleValue();
    boolean overflow = whole.bitLength() > 63;
    if ((j < n && ".eE".indexOf(value.charAt(j)) >= 0) || overflow) {
      java.util.regex.Matcher m = DECIMAL.matcher(value).region(start, n);
      if (m.lookingAt()) {
        val = Double.parseDouble(m.group());
        j = m.end();
      } else {
        j = start;
      }
    }
    if (j == start) {
      return OptionalInt.empty();
    }
    while (j < n && Character.isWhitespace(value.charAt(j))) {
      j++;
    }
    if (j < n || Double.isNaN(val)) {
      return OptionalInt.empty();
    }
    val = Math.rint(val);
    if (val > Integer.MAX_VALUE || val < Integer.MIN_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) val);
  }

  /** What C's {@code strtod} reads of a decimal number (hexadecimal floats left out). */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
}
