package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strategic merge patch as Kubernetes applies it: mappings merge, a null deletes, lists with a
 * merge key (containers and env by name, ports by containerPort, volumeMounts by mountPath) merge
 * item by item, other lists are replaced; {@code $patch: delete} and {@code $patch: replace} are
 * honoured. Values from the patch keep the patch file's positions.
 */
final class StrategicMerge {

  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("env", "name"),
          Map.entry("volumes", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("hostAliases", "ip"),
          Map.entry("ports", "containerPort"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"));

  private StrategicMerge() {}

  /** {@code base} patched, or empty when the patch deletes it. */
  static Optional<MapNode> apply(MapNode base, MapNode patch) {
    if (directive(patch).filter("delete"::equals).isPresent()) {
      return Optional.empty();
    }
    return Optional.of((MapNode) merge(base, patch));
  }

  private static Optional<String> directive(MapNode map) {
    return map.text("$patch");
  }

  static ConfigNode merge(ConfigNode base, ConfigNode patch) {
    if (base instanceof MapNode b && patch instanceof MapNode p) {
      if (directive(p).filter("replace"::equals).isPresent()) {
        return clean(p);
      }
      MapNode out = b;
      for (MapNode.Entry e : p.entries()) {
        String key = e.key().value();
        if (key.startsWith("$")) {
          continue;
        }
        if (e.value() instanceof ScalarNode s && s.isNull()) {
          out = Nodes.without(out, key);
        } else if (e.value() instanceof MapNode m
            && directive(m).filter("delete"::equals).isPresent()) {
          out = Nodes.without(out, key);
        } else {
          Optional<ConfigNode> old = out.get(key);
          ConfigNode value =
              old.isPresent() ? mergeField(key, old.get(), e.value()) : clean(e.value());
          out = Nodes.with(out, key, value);
        }
      }
      return out;
    }
    return clean(patch);
  }

  private static ConfigNode mergeField(String key, ConfigNode base, ConfigNode patch) {
    String mergeKey = MERGE_KEYS.get(key);
    if (mergeKey != null && base instanceof ListNode b && patch instanceof ListNode p) {
      return mergeList(b, p, mergeKey);
    }
    return merge(base, patch);
  }

  /**
   * Items the patch names come first, in the patch's order, then the base's other items in theirs:
   * the order {@code kubectl kustomize} prints.
   */
  private static ListNode mergeList(ListNode base, ListNode patch, String mergeKey) {
    List<ConfigNode> rest = new ArrayList<>(base.items());
    List<ConfigNode> out = new ArrayList<>();
    for (ConfigNode item : patch.items()) {
      Optional<String> key = Nodes.text(item, mergeKey);
      int at = key.isEmpty() ? -1 : indexOf(rest, mergeKey, key.get());
      boolean delete =
          item instanceof MapNode m && directive(m).filter("delete"::equals).isPresent();
      if (at >= 0) {
        ConfigNode old = rest.remove(at);
        if (!delete) {
          out.add(merge(old, item));
        }
      } else if (!delete) {
        out.add(clean(item));
      }
    }
    out.addAll(rest);
    return new ListNode(out, base.position());
  }

  private static int indexOf(List<ConfigNode> items, String mergeKey, String key) {
    for (int i = 0; i < items.size(); i++) {
      if (Nodes.text(items.get(i), mergeKey).filter(key::equals).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  /** A patch value without its {@code $} directives, as it lands in the result. */
  static ConfigNode clean(ConfigNode node) {
    if (node instanceof MapNode m) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (MapNode.Entry e : m.entries()) {
        if (!e.key().value().startsWith("$")) {
          entries.add(new MapNode.Entry(e.key(), clean(e.value())));
        }
      }
      return new MapNode(entries, m.position());
    }
    if (node instanceof ListNode l) {
      return new ListNode(l.items().stream().map(StrategicMerge::clean).toList(), l.position());
    }
    return node;
  }
}
