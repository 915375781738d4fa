package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.project.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which discovered files belong together: the files a service's {@code config:} names, the folder a
 * config file's service is named after, and the files that are not YAML until Helm renders them.
 */
final class ServiceFiles {

  private ServiceFiles() {}

  /**
   * A Helm chart template is not YAML until rendered: a file under {@code templates/} beside a
   * {@code Chart.yaml}, or one with a template action outside comments and quoted strings. Helm
   * {@code values*.yaml} files are plain YAML.
   */
  static boolean isHelmTemplate(Path file, Optional<String> text) {
    String name = file.getFileName().toString();
    if (name.startsWith("values")) {
      return false;
    }
    Path dir = file.getParent();
    if (dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("templates")
        && dir.getParent() != null
        && Files.isRegularFile(dir.getParent().resolve("Chart.yaml"))) {
      return true;
    }
    return text.map(t -> t.lines().anyMatch(ServiceFiles::hasBareAction)).orElse(false);
  }

  /** A {@code {{ }}} action that is neither in a comment nor inside a quoted string. */
  private static boolean hasBareAction(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return false;
      } else if (c == '{' && line.startsWith("{{", i) && line.indexOf("}}", i) > 0) {
        return true;
      }
    }
    return false;
  }

  static List<Path> filesUnder(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(p, 4)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> ConfigLoader.formatOf(f).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Files named by a service's {@code config:}: a file, or a folder and its {@code config/}. */
  static List<SpringFile> configuredFiles(
      ServiceConfig service, Workspace workspace, List<String> notes) {
    List<SpringFile> files = new ArrayList<>();
    int rank = 0;
    for (Path entry : service.config()) {
      Path path = entry.toAbsolutePath().normalize();
      if (Files.isRegularFile(path)) {
        files.add(new SpringFile(workspace.load(path), path, rank));
      } else if (Files.isDirectory(path)) {
        for (Path file : springFilesIn(path)) {
          files.add(new SpringFile(workspace.load(file), file, rank));
        }
        for (Path file : springFilesIn(path.resolve("config"))) {
          files.add(new SpringFile(workspace.load(file), file, rank + 1));
        }
      } else {
        notes.add(
            "service "
                + service.name()
                + ": config path "
                + workspace.display().of(path)
                + " does not exist");
      }
      rank += 2;
    }
    return files;
  }

  private static List<Path> springFilesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> SpringFile.isSpringConfigName(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The folder a discovered config file belongs to: its own, or the parent of a {@code config/}.
   */
  static Path root(Path file) {
    Path dir = file.getParent();
    if (dir.getFileName() != null
        && dir.getFileName().toString().equals("config")
        && dir.getParent() != null) {
      return dir.getParent();
    }
    return dir;
  }

  /** A service name from its folder: the module of {@code src/main/resources}, else the folder. */
  static String name(Path root, LintRequest request) {
    Path module = root;
    String suffix = "";
    if (root.endsWith(Path.of("src", "main", "resources"))) {
      module = root.getParent().getParent().getParent();
    } else if (root.endsWith(Path.of("src", "test", "resources"))) {
      module = root.getParent().getParent().getParent();
      suffix = "-test";
    }
    Path named =
        module == null || module.getFileName() == null ? request.workingDirectory() : module;
    if (named.equals(request.workingDirectory())) {
      // A copy of the tree (a git revision, the index) is named like the work tree it came from.
      named = request.workTreeDirectory();
    }
    return Optional.ofNullable(named.getFileName()).map(Path::toString).orElse("service") + suffix;
  }
}
