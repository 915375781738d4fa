package dev.poolguard.core.project;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Typed reads from one mapping of a validated {@code poolguard.yaml}. Keys are matched as written
 * ({@link Scalars#text}), exactly as the validator saw them; the last of duplicate keys wins.
 */
final class Fields {

  private final MapNode map;
  private final Map<String, MapNode.Entry> entries = new LinkedHashMap<>();

  private Fields(MapNode map) {
    this.map = map;
    for (MapNode.Entry entry : map.entries()) {
      entries.put(Scalars.text(entry.key()), entry);
    }
  }

  /** The fields of {@code node}; a node that is not a mapping (an empty file) has none. */
  static Fields of(ConfigNode node) {
    return new Fields(node instanceof MapNode m ? m : new MapNode(List.of(), node.position()));
  }

  MapNode map() {
    return map;
  }

  Map<String, MapNode.Entry> entries() {
    return entries;
  }

  /** The key position of every entry, for the records' {@code positions}. */
  Map<String, SourcePosition> positions() {
    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    entries.forEach((k, e) -> positions.put(k, e.key().position()));
    return positions;
  }

  Optional<ConfigNode> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(MapNode.Entry::value);
  }

  Optional<String> string(String key) {
    return scalar(key).map(Scalars::text);
  }

  OptionalInt integer(String key) {
    return scalar(key).map(s -> OptionalInt.of(number(s).intValue())).orElse(OptionalInt.empty());
  }

  OptionalDouble decimal(String key) {
    return scalar(key)
        .map(s -> OptionalDouble.of(number(s).doubleValue()))
        .orElse(OptionalDouble.empty());
  }

  /** A string or a list of strings, as a list. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    get(key)
        .ifPresent(
            node -> {
              if (node instanceof ListNode list) {
                list.items().stream()
                    .filter(ScalarNode.class::isInstance)
                    .map(i -> Scalars.text((ScalarNode) i))
                    .forEach(out::add);
              } else if (node instanceof ScalarNode s && !s.isNull()) {
                out.add(Scalars.text(s));
              }
            });
    return out;
  }

  /** The mapping under {@code key}; empty when absent. */
  Fields fields(String key) {
    return get(key)
        .map(Fields::of)
        .orElseGet(() -> Fields.of(new MapNode(List.of(), map.position())));
  }

  private Optional<ScalarNode> scalar(String key) {
    return get(key)
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .filter(s -> !s.isNull());
  }

  private static Number number(ScalarNode scalar) {
    // Validation has run, so the scalar is a number; anything else is a bug, not user input.
    if (Scalars.toJson(scalar, false) instanceof Number n) {
      return n;
    }
    throw new IllegalStateException("not a number after validation: " + scalar);
  }
}
