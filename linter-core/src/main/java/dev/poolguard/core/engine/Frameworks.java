package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.spring.SpringFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Which framework reads a service's files: Spring Boot, Quarkus or Micronaut. */
final class Frameworks {

  private Frameworks() {}

  /**
   * The framework that reads the files: as configured, else from the build file beside them, else
   * from the keys (quarkus.* means Quarkus; micronaut.* or datasources.* without any spring.* key
   * means Micronaut).
   */
  static Framework of(List<SpringFile> files, Optional<Framework> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    for (SpringFile f : files) {
      for (Path dir = f.path().getParent(); dir != null; dir = dir.getParent()) {
        Optional<Framework> fromBuild = fromBuildFile(dir);
        if (fromBuild.isPresent()) {
          return fromBuild.get();
        }
        if (dir.getFileName() != null && dir.getFileName().toString().equals("src")) {
          break;
        }
      }
    }
    for (SpringFile f : files) {
      for (ConfigNode doc : f.file().documents()) {
        if (doc instanceof MapNode map
            && map.entries().stream()
                .anyMatch(
                    e -> {
                      String k = e.key().value();
                      return k.equals("quarkus")
                          || k.startsWith("quarkus.")
                          || k.matches("%[^.]+\\.quarkus\\..*")
                          || k.startsWith("\"%");
                    })) {
          return Framework.QUARKUS;
        }
      }
    }
    // A Spring application may bind a top-level datasources: of its own: spring.* keys decide.
    if (anyTopLevelKey(files, k -> k.equals("spring") || k.startsWith("spring."))) {
      return Framework.SPRING;
    }
    return anyTopLevelKey(files, Frameworks::isMicronautKey)
        ? Framework.MICRONAUT
        : Framework.SPRING;
  }

  private static boolean anyTopLevelKey(
      List<SpringFile> files, java.util.function.Predicate<String> key) {
    for (SpringFile f : files) {
      for (ConfigNode doc : f.file().documents()) {
        if (doc instanceof MapNode map
            && map.entries().stream().anyMatch(e -> key.test(e.key().value()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Keys only Micronaut reads: its own namespace and micronaut-sql's datasources. */
  private static boolean isMicronautKey(String key) {
    return key.equals("micronaut")
        || key.startsWith("micronaut.")
        || key.equals("datasources")
        || key.startsWith("datasources.");
  }

  private static final int BUILD_FILE_BYTES = 4 << 20;

  private static Optional<Framework> fromBuildFile(Path dir) {
    for (String name : List.of("pom.xml", "build.gradle", "build.gradle.kts")) {
      Path build = dir.resolve(name);
      if (Files.isRegularFile(build)) {
        try {
          String text;
          try (InputStream in = Files.newInputStream(build)) {
            // Only a marker is looked for: the first megabytes are enough, and bounded.
            text = new String(in.readNBytes(BUILD_FILE_BYTES), StandardCharsets.UTF_8);
          }
          if (text.contains("io.quarkus")) {
            return Optional.of(Framework.QUARKUS);
          }
          if (text.contains("io.micronaut")) {
            return Optional.of(Framework.MICRONAUT);
          }
          if (text.contains("spring-boot") || text.contains("HikariCP")) {
            return Optional.of(Framework.SPRING);
          }
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
