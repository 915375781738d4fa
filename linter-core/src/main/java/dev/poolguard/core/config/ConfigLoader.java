package dev.poolguard.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads config files of every supported syntax into {@link ConfigFile}s with positions. */
public final class ConfigLoader {

  // Arrays cannot be larger; a limit above this is a limit nobody reaches.
  private static final long MAX_READABLE = Integer.MAX_VALUE - 8;

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

  /** A file that was not read at all, with the reason as its one problem. */
  public static ConfigFile notRead(Path file, String displayPath, String reason) {
    ConfigFile.Format format = formatOf(file).orElse(ConfigFile.Format.YAML);
    return new ConfigFile.Builder(displayPath, format)
        .problem(LoadProblem.Kind.UNPARSEABLE, reason, SourcePosition.startOf(displayPath))
        .build();
  }

  /**
   * Loads a file; problems (unreadable, too large, not text, syntax) are recorded, never thrown.
   * The size is checked before the file is read.
   */
  public static ConfigFile load(Path file, String displayPath, Limits limits) {
    ConfigFile.Format format = formatOf(file).orElse(ConfigFile.Format.YAML);
    ConfigFile.Builder out = new ConfigFile.Builder(displayPath, format);
    SourceMapper at = new SourceMapper(displayPath, 0, 0);
    byte[] bytes;
    try {
      bytes = read(file, limits.maxFileBytes(), at);
    } catch (LoadFailure e) {
      return out.problem(LoadProblem.Kind.UNPARSEABLE, e.getMessage(), e.position()).build();
    } catch (IOException e) {
      return out.problem(LoadProblem.Kind.UNPARSEABLE, "cannot be read: " + reason(e), at.start())
          .build();
    }
    return loadBytes(bytes, displayPath, format, limits);
  }

  /** Loads the bytes of a file: decoding, then parsing; problems are recorded, never thrown. */
  static ConfigFile loadBytes(
      byte[] bytes, String displayPath, ConfigFile.Format format, Limits limits) {
    TextDecoder.Result decoded = TextDecoder.decode(bytes, format);
    if (decoded instanceof TextDecoder.Failure failure) {
      return new ConfigFile.Builder(displayPath, format)
          .problem(
              LoadProblem.Kind.UNPARSEABLE,
              failure.message(),
              new SourceMapper(displayPath, 0, 0).at(failure.line() - 1, failure.column() - 1))
          .build();
    }
    TextDecoder.Text text = (TextDecoder.Text) decoded;
    ConfigFile file = loadText(text.text(), displayPath, format, 0, 0, limits);
    if (text.fallback().isEmpty()) {
      return file;
    }
    TextDecoder.Failure at = text.fallback().get();
    List<LoadProblem> problems = new ArrayList<>(file.problems());
    problems.add(
        new LoadProblem(
            LoadProblem.Kind.READ_AS_LATIN1,
            at.message() + "; read as ISO-8859-1, as Spring Boot reads .properties",
            new SourceMapper(displayPath, 0, 0).at(at.line() - 1, at.column() - 1)));
    return new ConfigFile(file.displayPath(), file.format(), file.documents(), problems);
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

  private static byte[] read(Path file, long maxBytes, SourceMapper at) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      // FIFOs and devices could block or never end; directories are not config.
      throw new LoadFailure("cannot be read: not a regular file", at.start());
    }
    long limit = Math.min(maxBytes, MAX_READABLE);
    if (attributes.size() > limit) {
      throw tooLarge(Long.toString(attributes.size()), limit, at);
    }
    try (InputStream in = Files.newInputStream(file)) {
      // The file may have grown since its size was read: never read more than the limit.
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw tooLarge("more than " + limit, limit, at);
      }
      return bytes;
    }
  }

  private static LoadFailure tooLarge(String size, long maxBytes, SourceMapper at) {
    return new LoadFailure(
        "file is "
            + size
            + " bytes, over the limit of "
            + maxBytes
            + " bytes (limits.maxFileBytes)",
        at.start());
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
