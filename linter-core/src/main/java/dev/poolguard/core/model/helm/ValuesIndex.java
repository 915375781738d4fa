package dev.poolguard.core.model.helm;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a chart's values are set, in Helm's order: the chart's values.yaml, each values file, then
 * {@code --set}; the last that sets a path wins. A subchart sees its own values.yaml under the
 * parent's values at its name.
 */
final class ValuesIndex {

  /** The values files, first applied first; the chart's own values.yaml leads. */
  private final List<ConfigFile> files;

  private final Map<String, String> set;
  private final Map<String, SourcePosition> setPositions;
  private final Map<String, ConfigFile> subchartValues;

  ValuesIndex(
      List<ConfigFile> files,
      Map<String, String> set,
      Map<String, SourcePosition> setPositions,
      Map<String, ConfigFile> subchartValues) {
    this.files = List.copyOf(files);
    this.set = set;
    this.setPositions = setPositions;
    this.subchartValues = subchartValues;
  }

  /** The node that sets {@code path} (as seen by the chart or subchart {@code scope}). */
  Optional<ConfigNode> lookup(List<String> scope, List<String> path) {
    List<String> full = new ArrayList<>(scope);
    full.addAll(path);
    String dotted = String.join(".", full);
    if (set.containsKey(dotted)) {
      return Optional.of(ScalarNode.of(set.get(dotted), setPositions.get(dotted)));
    }
    for (int i = files.size() - 1; i >= 0; i--) {
      Optional<ConfigNode> found = at(files.get(i), full);
      if (found.isPresent()) {
        return found;
      }
    }
    if (scope.size() == 1 && subchartValues.containsKey(scope.get(0))) {
      return at(subchartValues.get(scope.get(0)), path);
    }
    return Optional.empty();
  }

  private static Optional<ConfigNode> at(ConfigFile file, List<String> path) {
    if (file.documents().isEmpty()) {
      return Optional.empty();
    }
    ConfigNode node = file.documents().get(0);
    for (String key : path) {
      if (!(node instanceof MapNode map)) {
        return Optional.empty();
      }
      Optional<ConfigNode> next = map.get(key);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return node instanceof ScalarNode s && s.isNull() ? Optional.empty() : Optional.of(node);
  }

  /**
   * The scalar in {@code node} that rendered as {@code value}: {@code node} itself, or within a
   * mapping or list ({@code toYaml}) the one scalar with that value (under {@code key}, when the
   * rendered scalar is a mapping value), if exactly one is.
   */
  static Optional<ScalarNode> scalarFor(ConfigNode node, String key, String value) {
    if (node instanceof ScalarNode s) {
      return Optional.of(s);
    }
    List<ScalarNode> found = new ArrayList<>();
    collect(node, null, key, value, found);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static void collect(
      ConfigNode node, String under, String key, String value, List<ScalarNode> found) {
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        collect(e.value(), e.key().value(), key, value, found);
      }
    } else if (node instanceof ListNode list) {
      for (ConfigNode item : list.items()) {
        collect(item, null, key, value, found);
      }
    } else if (node instanceof ScalarNode s
        && s.value().equals(value)
        && (key == null || key.equals(under))) {
      found.add(s);
    }
  }
}
