package dev.poolguard.core.model.helm;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Moves the positions of rendered manifests back to what a person edits. Each rendered line belongs
 * to the template its {@code # Source:} comment names and to the template line {@link
 * TemplateLines} matches it with; a scalar whose template line reads {@code .Values.x.y} (directly
 * or through {@code quote}, {@code default}, {@code toYaml}, {@code tpl}) is placed where the last
 * values file (or {@code --set}) sets {@code x.y}, and that template line is kept as related.
 */
final class Provenance {

  private static final String SOURCE = "# Source: ";

  private final Function<String, Optional<String>> templateText;
  private final Function<String, String> display;
  private final String chartDisplay;
  private final ValuesIndex values;
  private final Map<SourcePosition, java.util.SortedSet<SourcePosition>> templates =
      new LinkedHashMap<>();

  // Per rendered line (1-based): the chart-relative template, its aligned 0-based line.
  private String[] sources = new String[0];
  private int[] lines = new int[0];
  private final Map<String, TemplateLines> parsed = new HashMap<>();

  /**
   * @param templateText a template's text by its path inside the chart
   * @param display the display path of a file by its path inside the chart
   */
  Provenance(
      Function<String, Optional<String>> templateText,
      Function<String, String> display,
      String chartDisplay,
      ValuesIndex values) {
    this.templateText = templateText;
    this.display = display;
    this.chartDisplay = chartDisplay;
    this.values = values;
  }

  /** Values positions found, each with the template lines that read the value. */
  Map<SourcePosition, java.util.SortedSet<SourcePosition>> templates() {
    return templates;
  }

  /** The documents of {@code rendered} with their positions moved to the chart and its values. */
  List<ConfigNode> relocate(String rendered, List<ConfigNode> documents) {
    index(rendered.split("\\R", -1));
    List<ConfigNode> out = new ArrayList<>();
    for (ConfigNode doc : documents) {
      out.add(node(doc, null));
    }
    return out;
  }

  private void index(String[] rendered) {
    sources = new String[rendered.length + 2];
    lines = new int[rendered.length + 2];
    java.util.Arrays.fill(lines, -1);
    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    String current = null;
    for (int i = 0; i < rendered.length; i++) {
      String text = rendered[i];
      if (text.startsWith(SOURCE)) {
        String path = text.substring(SOURCE.length()).strip();
        int slash = path.indexOf('/');
        current = slash < 0 ? path : path.substring(slash + 1);
        List<Integer> seen = bySource.computeIfAbsent(current, k -> new ArrayList<>());
        if (!seen.isEmpty()) {
          seen.add(-1); // a document separator between two documents of one template
        }
        continue;
      }
      if (current != null && !text.equals("---")) {
        sources[i + 1] = current;
        bySource.get(current).add(i);
      }
    }
    for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
      Optional<TemplateLines> template = template(e.getKey());
      if (template.isEmpty()) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (int i : e.getValue()) {
        texts.add(i < 0 ? "---" : rendered[i]);
      }
      int[] aligned = template.get().align(texts);
      for (int k = 0; k < aligned.length; k++) {
        int i = e.getValue().get(k);
        if (i >= 0) {
          lines[i + 1] = aligned[k];
        }
      }
    }
  }

  private Optional<TemplateLines> template(String path) {
    if (!parsed.containsKey(path)) {
      parsed.put(path, templateText.apply(path).map(TemplateLines::of).orElse(null));
    }
    return Optional.ofNullable(parsed.get(path));
  }

  private SourcePosition templatePosition(SourcePosition rendered) {
    int line = rendered.line();
    String source = line < sources.length ? sources[line] : null;
    if (source == null) {
      return SourcePosition.startOf(chartDisplay);
    }
    int at = lines[line];
    Optional<TemplateLines> template = template(source);
    if (at < 0 || template.isEmpty()) {
      return SourcePosition.startOf(display.apply(source));
    }
    return new SourcePosition(
        display.apply(source), at + 1, template.get().column(at, rendered.column()));
  }

  private ConfigNode node(ConfigNode node, String key) {
    if (node instanceof MapNode map) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (MapNode.Entry e : map.entries()) {
        ScalarNode k = e.key();
        entries.add(
            new MapNode.Entry(
                new ScalarNode(
                    k.value(), k.raw(), k.isNull(), templatePosition(k.position()), k.floating()),
                node(e.value(), k.value())));
      }
      return new MapNode(entries, templatePosition(map.position()));
    }
    if (node instanceof ListNode list) {
      List<ConfigNode> items = new ArrayList<>();
      for (ConfigNode item : list.items()) {
        items.add(node(item, null));
      }
      return new ListNode(items, templatePosition(list.position()));
    }
    ScalarNode s = (ScalarNode) node;
    SourcePosition template = templatePosition(s.position());
    SourcePosition at = valuesPosition(s, key).orElse(template);
    if (!at.equals(template)) {
      templates.computeIfAbsent(at, k -> new java.util.TreeSet<>()).add(template);
    }
    return new ScalarNode(s.value(), s.raw(), s.isNull(), at, s.floating());
  }

  /** Where the values set the scalar, when its template line reads exactly one fitting value. */
  private Optional<SourcePosition> valuesPosition(ScalarNode rendered, String key) {
    int line = rendered.position().line();
    String source = line < sources.length ? sources[line] : null;
    if (source == null || lines[line] < 0 || template(source).isEmpty()) {
      return Optional.empty();
    }
    List<List<String>> refs = template(source).get().line(lines[line]).values();
    List<String> scope = scope(source);
    for (List<String> ref : refs) {
      Optional<ConfigNode> node = values.lookup(scope, ref);
      if (node.isEmpty()) {
        continue;
      }
      Optional<ScalarNode> scalar = ValuesIndex.scalarFor(node.get(), key, rendered.value());
      if (scalar.isEmpty()) {
        continue;
      }
      String set = scalar.get().value();
      boolean fits =
          refs.size() == 1
              || set.equals(rendered.value())
              || (!set.isEmpty() && rendered.value().contains(set));
      if (fits) {
        return Optional.of(scalar.get().position());
      }
    }
    return Optional.empty();
  }

  /** The subcharts a template belongs to: {@code charts/db/templates/x.yaml} is in ["db"]. */
  private static List<String> scope(String source) {
    List<String> scope = new ArrayList<>();
    String[] parts = source.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("charts")) {
        scope.add(parts[i + 1]);
        i++;
      }
    }
    return scope;
  }
}
