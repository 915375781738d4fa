package dev.poolguard.core.engine;

import dev.poolguard.core.model.spring.SpringFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot line a service runs on: the version its build declares (the parent, the BOM, a
 * {@code spring-boot.version} property, a Boot dependency in {@code pom.xml}; the plugin, the BOM
 * or a Boot dependency in {@code build.gradle[.kts]}), else the newest line poolguard models. The
 * 3.5 and 4.0 lines resolve configuration alike in everything the differential oracle covers, so
 * the line is stated in {@code poolguard model} rather than changing the answer.
 */
final class BootLines {

  /** The newest Spring Boot line poolguard models, assumed when the build declares none. */
  static final String NEWEST = "4.0";

  private static final int BUILD_FILE_BYTES = 4 << 20;
  private static final Pattern MAVEN_PARENT =
      Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);
  private static final Pattern MAVEN_VERSION =
      Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");
  private static final Pattern MAVEN_PROPERTY =
      Pattern.compile("<spring-boot\\.version>\\s*([^<\\s]+)\\s*</spring-boot\\.version>");
  private static final Pattern MAVEN_ARTIFACT =
      Pattern.compile(
          "<groupId>\\s*org\\.springframework\\.boot\\s*</groupId>\\s*<artifactId>\\s*spring-boot[\\w-]*"
              + "\\s*</artifactId>\\s*<version>\\s*([^<\\s]+)\\s*</version>");
  private static final Pattern GRADLE_PLUGIN =
      Pattern.compile(
          "id\\s*\\(?\\s*[\"']org\\.springframework\\.boot[\"']\\s*\\)?\\s*version\\s*[\"']([^\"']+)[\"']");
  private static final Pattern GRADLE_COORDINATES =
      Pattern.compile("org\\.springframework\\.boot:spring-boot[\\w-]*:([0-9][^\"'\\s)]*)");
  private static final Pattern GRADLE_PROPERTY =
      Pattern.compile("springBootVersion\\s*=\\s*[\"']([^\"']+)[\"']");

  private BootLines() {}

  /**
   * What {@code poolguard model} says about the line, e.g. {@code Spring Boot 3.5 (pom.xml declares
   * 3.5.7)}.
   *
   * @param display how a path is shown to users
   * @param mayRead whether the run may read a build file there
   */
  static String of(
      List<SpringFile> files, Function<Path, String> display, Predicate<Path> mayRead) {
    for (SpringFile f : files) {
      for (Path dir : moduleFolders(f.path())) {
        for (String name : List.of("pom.xml", "build.gradle", "build.gradle.kts")) {
          Path build = dir.resolve(name);
          if (mayRead.test(build) && Files.isRegularFile(build)) {
            Optional<String> version = declared(read(build), name.equals("pom.xml"));
            if (version.isPresent()) {
              return describe(version.get(), display.apply(build));
            }
          }
        }
      }
    }
    return "Spring Boot " + NEWEST + " (the newest line; the build declares no version)";
  }

  /** The config file's folder and, in a Maven or Gradle layout, the module folder above src/. */
  static List<Path> moduleFolders(Path file) {
    Path dir = file.getParent();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals("src")) {
        return p.getParent() == null ? List.of(dir) : List.of(dir, p.getParent());
      }
    }
    return dir == null ? List.of() : List.of(dir);
  }

  private static String describe(String version, String buildFile) {
    String line = line(version);
    return "Spring Boot "
        + line
        + " ("
        + buildFile
        + " declares "
        + version
        + (line.equals(version.replaceFirst("^(\\d+\\.\\d+).*", "$1"))
            ? ")"
            : "; modelled as the " + line + " line)");
  }

  /** The modelled line a declared version follows: 4.x follows 4.0, anything older 3.5. */
  static String line(String version) {
    Matcher m = Pattern.compile("^(\\d+)\\.").matcher(version);
    return m.find() && Integer.parseInt(m.group(1)) >= 4 ? NEWEST : "3.5";
  }

  static Optional<String> declared(String text, boolean maven) {
    if (maven) {
      Matcher parent = MAVEN_PARENT.matcher(text);
      if (parent.find() && parent.group(1).contains("spring-boot")) {
        Matcher v = MAVEN_VERSION.matcher(parent.group(1));
        if (v.find()) {
          return concrete(v.group(1), text);
        }
      }
      for (Pattern p : List.of(MAVEN_PROPERTY, MAVEN_ARTIFACT)) {
        Matcher m = p.matcher(text);
        if (m.find()) {
          return concrete(m.group(1), text);
        }
      }
      return Optional.empty();
    }
    for (Pattern p : List.of(GRADLE_PLUGIN, GRADLE_COORDINATES, GRADLE_PROPERTY)) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return concrete(m.group(1), text);
      }
    }
    return Optional.empty();
  }

  /** A version, with a {@code ${spring-boot.version}} reference looked up in the same file. */
  private static Optional<String> concrete(String version, String text) {
    if (version.matches("\\d+\\.\\d+.*")) {
      return Optional.of(version);
    }
    if (version.equals("${spring-boot.version}")) {
      Matcher m = MAVEN_PROPERTY.matcher(text);
      if (m.find() && m.group(1).matches("\\d+\\.\\d+.*")) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  private static String read(Path build) {
    try (InputStream in = Files.newInputStream(build)) {
      return new String(in.readNBytes(BUILD_FILE_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
