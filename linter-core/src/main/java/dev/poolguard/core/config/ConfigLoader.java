package dev.poolguard.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads config files of every supported syntax into {@link ConfigFile}s with positions. */
public final class ConfigLoader {

  private ConfigLoader() {}

  /** The format a file name implies, if poolguard reads such files. */
  public static Optional<ConfigFile.Format> formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      return Optional.of(ConfigFile.Format.YAML);
    }
    if (name.endsWith(".properties")) {
      return Optional.of(ConfigFile.Format.PROPERTIES);
    }
    if (name.endsWith(".json")) {
      return Optional.of(ConfigFile.Format.JSON);
    }
    return Optional.empty();
  }

  /** Loads a file; problems (unreadable, too large, syntax) are recorded, never thrown. */
  public static ConfigFile load(Path file, String displayPath, Limits limits) {
    ConfigFile.Format format = formatOf(file).orElse(ConfigFile.Format.YAML);
    ConfigFile.Builder out = new ConfigFile.Builder(displayPath, format);
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return out.problem(
              LoadProblem.Kind.UNPARSEABLE,
              "cannot be read: " + e.getMessage(),
              SourcePosition.startOf(displayPath))
          .build();
    }
    return loadText(text, displayPath, format, 0, 0, limits);
  }

  /**
   * Loads text embedded in another file (a ConfigMap's {@code application.yml}); positions are
   * shifted so that they point into the embedding file.
   */
  public static ConfigFile loadText(
      String text,
      String displayPath,
      ConfigFile.Format format,
      int lineOffset,
      int columnOffset,
      Limits limits) {
    ConfigFile.Builder out = new ConfigFile.Builder(displayPath, format);
    SourceMapper at = new SourceMapper(displayPath, lineOffset, columnOffset);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return switch (format) {
      case PROPERTIES -> PropertiesLoader.load(body, at, out).build();
      case JSON -> YamlLoader.load(body, at, limits, "JSON", out).build();
      case YAML -> YamlLoader.load(body, at, limits, "YAML", out).build();
    };
  }
}
