package dev.poolguard.core.model.helm;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A chart copied into a private folder for Helm to render: only files the run may read (a symlink
 * leading outside the repository stops the render), within a bound, so that Helm never reads beyond
 * the boundary nor writes into the inputs. Dependencies whose archives are missing from {@code
 * charts/} are dropped from the copy's Chart.yaml with a note, so the chart's own templates still
 * render.
 */
final class ChartCopy {

  /** Most files and bytes a chart (with its subcharts) may have. */
  static final int MAX_FILES = 2_000;

  static final long MAX_BYTES = 32L * 1024 * 1024;

  private final HelmChart.Inputs inputs;
  private final Set<Path> read = new TreeSet<>();
  private final List<String> notes = new ArrayList<>();
  private long bytes;

  ChartCopy(HelmChart.Inputs inputs) {
    this.inputs = inputs;
  }

  Set<Path> read() {
    return read;
  }

  List<String> notes() {
    return notes;
  }

  /** Copies {@code chart} to {@code target}. */
  void copy(Path chart, Path target) throws HelmEngine.Failure {
    try {
      Files.walkFileTree(
          chart,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              copyFile(file, target.resolve(chart.relativize(file).toString()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (Stop e) {
      throw new HelmEngine.Failure(e.getMessage());
    } catch (IOException e) {
      throw new HelmEngine.Failure("cannot copy the chart: " + e.getMessage());
    }
  }

  /** Copies one values file to {@code target}. */
  void copyFile(Path file, Path target) throws IOException {
    Path source = file.toAbsolutePath().normalize();
    var refusal = inputs.refusal(source);
    if (refusal.isPresent()) {
      throw new Stop(inputs.display(source) + ": " + refusal.get());
    }
    if (!Files.isRegularFile(source)) {
      return; // a symlinked folder or a device: Helm would not need it for templates
    }
    if (read.size() >= MAX_FILES) {
      throw new Stop("more than " + MAX_FILES + " files in the chart");
    }
    bytes += Files.size(source);
    if (bytes > MAX_BYTES) {
      throw new Stop("the chart is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    read.add(source);
    Files.createDirectories(target.getParent());
    Files.copy(source, target);
  }

  /**
   * Drops the dependencies of {@code copy}'s Chart.yaml (requirements.yaml for apiVersion v1
   * charts) whose archive or folder is not in {@code charts/}, with a note naming each.
   */
  void dropMissingDependencies(Path copy, String chartDisplay, Limits limits) throws IOException {
    for (String name : List.of("Chart.yaml", "requirements.yaml")) {
      Path file = copy.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String text = Files.readString(file);
      ConfigFile parsed =
          ConfigLoader.loadText(
              text, chartDisplay + "/" + name, ConfigFile.Format.YAML, 0, 0, limits);
      if (!parsed.parsed() || parsed.documents().isEmpty()) {
        continue; // Helm says what is wrong with it
      }
      List<String> missing = missing(parsed.documents().get(0), copy.resolve("charts"));
      if (missing.isEmpty()) {
        continue;
      }
      for (String dependency : missing) {
        notes.add(
            chartDisplay
                + ": dependency "
                + dependency
                + " is declared in "
                + name
                + " but its archive is not in charts/ (run helm dependency build); the chart is"
                + " rendered without it");
      }
      Object data = new Load(LoadSettings.builder().build()).loadFromString(text);
      if (data instanceof Map<?, ?> map && map.get("dependencies") instanceof List<?> deps) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> top = (Map<Object, Object>) map;
        top.put(
            "dependencies",
            deps.stream()
                .filter(
                    d ->
                        !(d instanceof Map<?, ?> m
                            && missing.contains(String.valueOf(m.get("name")))))
                .toList());
        Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(top));
      }
    }
  }

  private static List<String> missing(ConfigNode top, Path charts) throws IOException {
    List<String> out = new ArrayList<>();
    if (!(top instanceof MapNode map) || map.list("dependencies").isEmpty()) {
      return out;
    }
    List<String> present = new ArrayList<>();
    if (Files.isDirectory(charts)) {
      try (var entries = Files.list(charts)) {
        entries.map(p -> p.getFileName().toString()).forEach(present::add);
      }
    }
    for (ConfigNode d : map.list("dependencies").get().items()) {
      if (d instanceof MapNode dep && dep.text("name").isPresent()) {
        String name = dep.text("name").get();
        boolean found =
            present.stream()
                .anyMatch(p -> p.equals(name) || (p.startsWith(name + "-") && p.endsWith(".tgz")));
        if (!found) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Stops the walk with a message for the finding. */
  private static final class Stop extends IOException {
    private static final long serialVersionUID = 1L;

    Stop(String message) {
      super(message);
    }
  }
}
