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
 */
public record SpringFile(ConfigFile file, Path path, int location) {

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
    Matcher m = NAME.matcher(path.getFileName().toString());
    return m.matches() ? Optional.ofNullable(m.group(2)) : Optional.empty();
  }

  boolean isBootstrap() {
    return path.getFileName().toString().startsWith("bootstrap");
  }

  boolean isProperties() {
    return file.format() == ConfigFile.Format.PROPERTIES;
  }
}
