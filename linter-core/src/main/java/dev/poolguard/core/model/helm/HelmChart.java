package dev.poolguard.core.model.helm;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Helm chart with Helm's own engine ({@code helm template}) and maps the result back to
 * the lines a person edits: a value taken from {@code .Values} points at the values file line that
 * set it (the last values file wins, as in Helm), anything else at its template line. A chart that
 * does not render is a problem of the chart with Helm's message; nothing is written into the chart.
 */
public final class HelmChart {

  private HelmChart() {}

  /** How the renderer reads files: the run's workspace, within its boundary. */
  public interface Inputs {
    /** The file loaded as YAML with positions (a values file; kept as an input of the run). */
    ConfigFile load(Path file);

    /** The path as shown to users. */
    String display(Path file);

    /** Why a path must not be read (outside the repository), or empty. */
    Optional<String> refusal(Path file);

    /** The run's limits: the rendered output counts as one file. */
    Limits limits();
  }

  /**
   * What to render: a chart folder, values files in order, {@code --set} values (with where each is
   * written), a release name and namespace.
   */
  public record Request(
      Path chart,
      List<Path> values,
      Map<String, String> set,
      Map<String, SourcePosition> setPositions,
      String release,
      Optional<String> namespace) {

    public Request {
      values = List.copyOf(values);
      set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
      setPositions = Map.copyOf(setPositions);
    }
  }

  /**
   * The rendered manifests, named after the chart folder; the files the render read, notes (missing
   * dependency archives), and for each values position found the template lines that read it.
   */
  public record Rendered(
      ConfigFile file,
      Set<Path> inputs,
      List<String> notes,
      Map<SourcePosition, ? extends Set<SourcePosition>> templates) {}

  /** True for a folder Helm renders as a chart. */
  public static boolean isChart(Path dir) {
    return Files.isRegularFile(dir.resolve("Chart.yaml"));
  }

  /** Why charts cannot be rendered in this process (no library for the platform), or empty. */
  public static Optional<String> unavailable() {
    return HelmEngine.unavailable();
  }

  public static Rendered render(Request request, Inputs inputs) {
    Path chart = request.chart().toAbsolutePath().normalize();
    String display = inputs.display(chart);
    Set<Path> read = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    Path work = null;
    try {
      if (!isChart(chart)) {
        return failed(
            display, SourcePosition.startOf(display), "no Chart.yaml in " + display, read, notes);
      }
      List<ConfigFile> valueFiles = new ArrayList<>();
      Path own = chart.resolve("values.yaml");
      if (Files.isRegularFile(own)) {
        valueFiles.add(inputs.load(own));
      }
      for (Path v : request.values()) {
        Path values = v.toAbsolutePath().normalize();
        read.add(values);
        if (!Files.isRegularFile(values)) {
          return failed(
              display,
              SourcePosition.startOf(display),
              "values file " + inputs.display(values) + " does not exist",
              read,
              notes);
        }
        valueFiles.add(inputs.load(values));
      }
      if (valueFiles.stream().anyMatch(f -> !f.parsed())) {
        // The values file that does not parse is a finding of its own.
        return new Rendered(empty(display, List.of()), read, notes, Map.of());
      }
      work = Files.createTempDirectory("poolguard-helm");
      ChartCopy copy = new ChartCopy(inputs);
      Path chartCopy = work.resolve("chart").resolve(chart.getFileName().toString());
      copy.copy(chart, chartCopy);
      read.addAll(copy.read());
      copy.dropMissingDependencies(chartCopy, display, inputs.limits());
      notes.addAll(copy.notes());
      List<Path> valuesCopies = new ArrayList<>();
      for (int i = 0; i < request.values().size(); i++) {
        Path target = work.resolve("values").resolve(i + ".yaml");
        copy.copyFile(request.values().get(i).toAbsolutePath().normalize(), target);
        valuesCopies.add(target);
      }
      String rendered;
      try {
        rendered =
            HelmEngine.template(
                chartCopy, valuesCopies, request.set(), request.release(), request.namespace());
      } catch (HelmEngine.Failure e) {
        String message = shown(e.getMessage(), work, chart, request, inputs);
        return failed(display, position(message, chart, inputs), message, read, notes);
      }
      long size = rendered.getBytes(StandardCharsets.UTF_8).length;
      if (size > inputs.limits().maxFileBytes()) {
        return failed(
            display,
            SourcePosition.startOf(display),
            "the rendered manifests are "
                + size
                + " bytes, over the limit of "
                + inputs.limits().maxFileBytes()
                + " (limits.maxFileBytes)",
            read,
            notes);
      }
      ConfigFile parsed =
          ConfigLoader.loadText(rendered, display, ConfigFile.Format.YAML, 0, 0, inputs.limits());
      if (!parsed.parsed()) {
        return failed(
            display,
            SourcePosition.startOf(display),
            "the rendered manifests do not parse: " + parsed.problems().get(0).message(),
            read,
            notes);
      }
      Provenance provenance =
          new Provenance(
              path -> text(chart.resolve(path)),
              path -> inputs.display(chart.resolve(path)),
              display,
              new ValuesIndex(
                  valueFiles,
                  request.set(),
                  request.setPositions(),
                  subchartValues(chart, inputs)));
      List<ConfigNode> docs = provenance.relocate(rendered, parsed.documents());
      return new Rendered(
          new ConfigFile(display, ConfigFile.Format.YAML, docs, List.of()),
          read,
          notes,
          provenance.templates());
    } catch (HelmEngine.Failure e) {
      return failed(display, SourcePosition.startOf(display), e.getMessage(), read, notes);
    } catch (IOException | RuntimeException e) {
      // Hostile input must never crash the run: the chart is a finding instead.
      return failed(
          display,
          SourcePosition.startOf(display),
          "unexpected input (" + e.getClass().getSimpleName() + ")",
          read,
          notes);
    } finally {
      if (work != null) {
        delete(work);
      }
    }
  }

  private static Map<String, ConfigFile> subchartValues(Path chart, Inputs inputs) {
    Map<String, ConfigFile> out = new LinkedHashMap<>();
    Path charts = chart.resolve("charts");
    if (!Files.isDirectory(charts)) {
      return out;
    }
    try (var entries = Files.list(charts)) {
      for (Path sub : entries.sorted().toList()) {
        Path values = sub.resolve("values.yaml");
        if (Files.isRegularFile(values)) {
          out.put(sub.getFileName().toString(), inputs.load(values));
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static Optional<String> text(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // "template: orders/templates/deployment.yaml:15:15: ..." or "parse error at (orders/x.yaml:15)"
  private static final Pattern TEMPLATE_AT =
      Pattern.compile("(?:^|[\\s(])[\\w.-]+/((?:[\\w.-]+/)*[\\w.-]+):(\\d+)(?::(\\d+))?");

  /** The template line Helm's message names, else the chart's Chart.yaml. */
  private static SourcePosition position(String message, Path chart, Inputs inputs) {
    Matcher m = TEMPLATE_AT.matcher(message);
    while (m.find()) {
      Path file = chart.resolve(m.group(1)).normalize();
      if (file.startsWith(chart) && Files.isRegularFile(file)) {
        int column = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        return new SourcePosition(inputs.display(file), Integer.parseInt(m.group(2)), column);
      }
    }
    return SourcePosition.startOf(inputs.display(chart.resolve("Chart.yaml")));
  }

  /** Helm's message with the private copy's paths replaced by the ones the user knows. */
  private static String shown(String message, Path work, Path chart, Request r, Inputs inputs) {
    String out = message;
    for (int i = 0; i < r.values().size(); i++) {
      out =
          out.replace(
              work.resolve("values").resolve(i + ".yaml").toString(),
              inputs.display(r.values().get(i).toAbsolutePath().normalize()));
    }
    out =
        out.replace(
            work.resolve("chart").resolve(chart.getFileName().toString()).toString(),
            inputs.display(chart));
    return out.replace(work.toString(), "<chart copy>");
  }

  private static Rendered failed(
      String display, SourcePosition at, String message, Set<Path> read, List<String> notes) {
    LoadProblem problem =
        new LoadProblem(LoadProblem.Kind.UNPARSEABLE, "chart not rendered: " + message, at);
    return new Rendered(empty(display, List.of(problem)), read, notes, Map.of());
  }

  private static ConfigFile empty(String display, List<LoadProblem> problems) {
    return new ConfigFile(display, ConfigFile.Format.YAML, List.of(), problems);
  }

  private static void delete(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // A leftover temporary folder is harmless; the lint result stands.
    }
  }
}
