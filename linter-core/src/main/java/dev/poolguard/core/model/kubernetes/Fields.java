package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the fields of one manifest mapping leniently: a field of the wrong shape is treated as
 * absent and noted, a YAML null is simply absent. Manifests are hand-written and templated, so
 * reading must never fail on them.
 */
final class Fields {

  private final MapNode map;
  private final String context;
  private final Notes notes;

  private Fields(MapNode map, String context, Notes notes) {
    this.map = map;
    this.context = context;
    this.notes = notes;
  }

  static Fields of(MapNode map, String context, Notes notes) {
    return new Fields(map, context, notes);
  }

  /** The fields of {@code node} when it is a mapping; a note (unless null) and empty otherwise. */
  static Optional<Fields> of(ConfigNode node, String context, Notes notes) {
    if (node instanceof MapNode m) {
      return Optional.of(new Fields(m, context, notes));
    }
    if (!isNull(node)) {
      notes.add(node.position(), context + " is " + shape(node) + ", expected a mapping; ignored");
    }
    return Optional.empty();
  }

  MapNode node() {
    return map;
  }

  SourcePosition position() {
    return map.position();
  }

  String context() {
    return context;
  }

  Notes notes() {
    return notes;
  }

  Optional<Fields> map(String key) {
    return present(key).flatMap(n -> of(n, context + "." + key, notes));
  }

  /** The items of a list field; a wrong shape is noted and reads as no items. */
  List<ConfigNode> list(String key) {
    Optional<ConfigNode> node = present(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof ListNode list) {
      return list.items();
    }
    notes.add(
        node.get().position(),
        context + "." + key + " is " + shape(node.get()) + ", expected a list; ignored");
    return List.of();
  }

  /** The mappings of a list field; items of another shape are noted and skipped. */
  List<Fields> mapList(String key) {
    List<Fields> out = new ArrayList<>();
    List<ConfigNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      of(items.get(i), context + "." + key + "[" + i + "]", notes).ifPresent(out::add);
    }
    return out;
  }

  Optional<ScalarNode> scalar(String key) {
    Optional<ConfigNode> node = present(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof ScalarNode s) {
      return Optional.of(s);
    }
    notes.add(
        node.get().position(),
        context + "." + key + " is " + shape(node.get()) + ", expected a single value; ignored");
    return Optional.empty();
  }

  Optional<String> text(String key) {
    return scalar(key).map(ScalarNode::value);
  }

  /** A boolean field as Kubernetes decodes it; anything but {@code true} is false. */
  boolean flag(String key) {
    return text(key)
        .map(t -> t.strip().toLowerCase(Locale.ROOT))
        .filter("true"::equals)
        .isPresent();
  }

  /** Where the value of {@code key} is written, else where the key would go: this mapping. */
  SourcePosition positionOf(String key) {
    return present(key).map(ConfigNode::position).orElse(map.position());
  }

  boolean has(String key) {
    return present(key).isPresent();
  }

  private Optional<ConfigNode> present(String key) {
    return map.get(key).filter(n -> !isNull(n));
  }

  static boolean isNull(ConfigNode node) {
    return node instanceof ScalarNode s && s.isNull();
  }

  static String shape(ConfigNode node) {
    if (node instanceof MapNode) {
      return "a mapping";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    // Never the value itself: the field may belong to a Secret.
    return "a single value";
  }
}
