package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens a document the way Spring's YAML processor does: nested keys joined with dots, list
 * items as {@code [i]}, null as an empty string. Properties documents are already flat.
 */
final class Flattener {

  private static final int MAX_PROPERTIES = 100_000;

  private Flattener() {}

  static List<Property> flatten(ConfigNode document, Origin.Kind kind) {
    List<Property> out = new ArrayList<>();
    walk("", document, kind, out);
    return out;
  }

  private static void walk(String prefix, ConfigNode node, Origin.Kind kind, List<Property> out) {
    if (out.size() >= MAX_PROPERTIES) {
      return;
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry entry : map.entries()) {
        walk(join(prefix, entry.key().value()), entry.value(), kind, out);
      }
    } else if (node instanceof ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        walk(prefix + "[" + i + "]", list.items().get(i), kind, out);
      }
    } else if (!prefix.isEmpty()) {
      out.add(new Property(prefix, (ScalarNode) node, kind));
    }
  }

  private static String join(String prefix, String key) {
    if (prefix.isEmpty()) {
      return key;
    }
    return key.startsWith("[") ? prefix + key : prefix + "." + key;
  }
}
