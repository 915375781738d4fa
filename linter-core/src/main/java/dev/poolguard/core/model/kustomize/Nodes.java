package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Edits of immutable node trees: each returns a new tree and keeps every untouched position. */
final class Nodes {

  private Nodes() {}

  static ScalarNode scalar(String value, SourcePosition at) {
    return ScalarNode.of(value, at);
  }

  /** {@code map} with {@code key} set to {@code value} (added at the end when missing). */
  static MapNode with(MapNode map, String key, ConfigNode value) {
    List<MapNode.Entry> entries = new ArrayList<>();
    boolean set = false;
    for (MapNode.Entry e : map.entries()) {
      if (e.key().value().equals(key)) {
        if (!set) {
          entries.add(new MapNode.Entry(e.key(), value));
          set = true;
        }
      } else {
        entries.add(e);
      }
    }
    if (!set) {
      entries.add(new MapNode.Entry(scalar(key, value.position()), value));
    }
    return new MapNode(entries, map.position());
  }

  static MapNode without(MapNode map, String key) {
    return new MapNode(
        map.entries().stream().filter(e -> !e.key().value().equals(key)).toList(), map.position());
  }

  /** Applies {@code edit} to the mapping at {@code path}, creating empty mappings on the way. */
  static MapNode edit(MapNode map, List<String> path, UnaryOperator<MapNode> edit) {
    if (path.isEmpty()) {
      return edit.apply(map);
    }
    MapNode child = map.map(path.get(0)).orElseGet(() -> new MapNode(List.of(), map.position()));
    return with(map, path.get(0), edit(child, path.subList(1, path.size()), edit));
  }

  /** Applies {@code edit} to the mapping at {@code path} only when every step exists. */
  static MapNode editExisting(MapNode map, List<String> path, UnaryOperator<ConfigNode> edit) {
    Optional<ConfigNode> child = map.get(path.get(0));
    if (child.isEmpty()) {
      return map;
    }
    if (path.size() == 1) {
      return with(map, path.get(0), edit.apply(child.get()));
    }
    return child.get() instanceof MapNode m
        ? with(map, path.get(0), editExisting(m, path.subList(1, path.size()), edit))
        : map;
  }

  /** Each item of a list node edited; other nodes unchanged. */
  static ConfigNode eachItem(ConfigNode node, UnaryOperator<ConfigNode> edit) {
    if (node instanceof ListNode list) {
      return new ListNode(list.items().stream().map(edit).toList(), list.position());
    }
    return node;
  }

  static Optional<String> text(ConfigNode node, String... path) {
    ConfigNode at = node;
    for (String key : path) {
      if (!(at instanceof MapNode m) || m.get(key).isEmpty()) {
        return Optional.empty();
      }
      at = m.get(key).get();
    }
    return at instanceof ScalarNode s && !s.isNull() ? Optional.of(s.value()) : Optional.empty();
  }

  static List<ConfigNode> items(MapNode map, String key) {
    return map.list(key).map(ListNode::items).orElse(List.of());
  }

  /** A scalar list entry or a mapping's {@code path}: the strings a field lists. */
  static List<ScalarNode> scalars(MapNode map, String key) {
    return items(map, key).stream()
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .toList();
  }
}
