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
    this.settings = settings;
  }

  /** One parameter: its value as written and where. */
  public record Setting(String name, String value, SourcePosition position) {}

  public static PostgresConf read(Path file, String displayPath) throws IOException {
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
    return parse(new String(bytes, StandardCharsets.UTF_8), displayPath);
  }

  /** How many files this class has parsed in this JVM: tests count that a run parses each once. */
  public static long parses() {
    return PARSES.get();
  }

  public static PostgresConf parse(String text, String displayPath) {
    PARSES.incrementAndGet();
    Map<String, Setting> settings = new LinkedHashMap<>();
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
      if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
        rest = rest.substring(1, rest.length() - 1).replace("''", "'");
      }
      int column = lines.get(i).indexOf(rest.isEmpty() ? line : rest) + 1;
      settings.put(
          name,
          new Setting(name, rest, new SourcePosition(displayPath, i + 1, Math.max(1, column))));
    }
    return new PostgresConf(settings);
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

  /** A whole-number parameter, if it is set to one. */
  public OptionalInt integer(String name) {
    Optional<Setting> s = setting(name);
    if (s.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(s.get().value().strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
