package dev.poolguard.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A mapping in source order. Keys are kept as written; a merged ({@code <<}) entry keeps the
 * position of the mapping it came from.
 */
public record MapNode(List<Entry> entries, SourcePosition position) implements ConfigNode {

  public MapNode {
    entries = List.copyOf(entries);
  }

  /** One key and its value. */
  public record Entry(ScalarNode key, ConfigNode value) {}

  /** The value of the last entry whose key is exactly {@code key}. */
  public Optional<ConfigNode> get(String key) {
    ConfigNode found = null;
    for (Entry entry : entries) {
      if (key.equals(entry.key().value())) {
        found = entry.value();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The scalar text of {@code key}, when it is a non-null scalar. */
  public Optional<String> text(String key) {
    return get(key)
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .filter(s -> !s.isNull())
        .map(ScalarNode::value);
  }

  /** The mapping under {@code key}, when there is one. */
  public Optional<MapNode> map(String key) {
    return get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }

  /** The list under {@code key}, when there is one. */
  public Optional<ListNode> list(String key) {
    return get(key).filter(ListNode.class::isInstance).map(ListNode.class::cast);
  }
}
