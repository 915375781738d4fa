package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring config file and its place in Spring's search order.
 *
 * @param file the loaded file
 * @param path where it is on disk (to follow {@code spring.config.import})
 * @param location its config location's rank: higher ranks beat lower ones (classpath root 0,
 *     classpath {@code config/} 1, external locations above)
 * @param configName the config name it is read under ({@code application}, {@code bootstrap}, or a
 *     name {@code spring.config.name} gives)
 * @param nameRank the place of that name in {@code spring.config.name}: a later name's file beats
 *     an earlier one's in the same location
 */
public record SpringFile(
    ConfigFile file, Path path, int location, String configName, int nameRank) {

  /** A file read under its own name: {@code application} or {@code bootstrap}. */
  public SpringFile(ConfigFile file, Path path, int location) {
    this(
        file,
        path,
        location,
        path.getFileName().toString().startsWith("bootstrap") ? "bootstrap" : "application",
        0);
  }

  /** The lowest location rank outside the application (a mounted or named folder). */
  public static final int FIRST_EXTERNAL_LOCATION = 100;

  private static final Pattern NAME =
      Pattern.compile("(application|bootstrap)(?:-(.+))?\\.(yml|yaml|properties)");

  /**
   * Whether the file lies outside the application (Spring Boot reads those after packaged ones).
   */
  public boolean external() {
    return location >= FIRST_EXTERNAL_LOCATION;
  }

  /** True for file names Spring Boot reads as config data or bootstrap config. */
  public static boolean isSpringConfigName(String fileName) {
    return NAME.matcher(fileName).matches();
  }

  Optional<String> profile() {
    String fileName = path.getFileName().toString();
    if (configName.equals("application") || configName.equals("bootstrap")) {
      Matcher m = NAME.matcher(fileName);
      return m.matches() ? Optional.ofNullable(m.group(2)) : Optional.empty();
    }
    Matcher m = named(configName).matcher(fileName);
    return m.matches() ? Optional.ofNullable(m.group(1)) : Optional.empty();
  }

  /** {@code <name>[-<profile>].yml|yaml|properties}: the files Spring reads for a config name. */
  public static Pattern named(String configName) {
    return Pattern.compile(Pattern.quote(configName) + "(?:-(.+))?\\.(yml|yaml|properties)");
  }

  boolean isBootstrap() {
    return path.getFileName().toString().startsWith("bootstrap");
  }

  boolean isProperties() {
    return file.format() == ConfigFile.Format.PROPERTIES;
  }
}
