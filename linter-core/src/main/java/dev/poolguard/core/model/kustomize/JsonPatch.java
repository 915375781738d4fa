package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RFC 6902 JSON patch operations on a node tree; added values keep the patch's positions. */
final class JsonPatch {

  private JsonPatch() {}

  /** Thrown for an operation that cannot apply; the message says which and why. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  static ConfigNode apply(ConfigNode doc, MapNode op) throws Failure {
    String kind = op.text("op").orElse("");
    String path = op.text("path").orElseThrow(() -> new Failure("operation without path"));
    List<String> pointer = pointer(path);
    return switch (kind) {
      case "add" -> set(doc, pointer, value(op), true);
      case "replace" -> set(doc, pointer, value(op), false);
      case "remove" -> remove(doc, pointer);
      case "copy", "move" -> {
        List<String> from =
            pointer(op.text("from").orElseThrow(() -> new Failure(kind + " without from")));
        ConfigNode moved =
            get(doc, from).orElseThrow(() -> new Failure("no value at " + op.text("from").get()));
        ConfigNode base = kind.equals("move") ? remove(doc, from) : doc;
        yield set(base, pointer, moved, true);
      }
      case "test" -> doc;
      default -> throw new Failure("unknown operation '" + kind + "'");
    };
  }

  private static ConfigNode value(MapNode op) throws Failure {
    return op.get("value").orElseThrow(() -> new Failure("operation without value"));
  }

  static List<String> pointer(String path) throws Failure {
    if (path.isEmpty()) {
      return List.of();
    }
    if (!path.startsWith("/")) {
      throw new Failure("path '" + path + "' does not start with /");
    }
    List<String> out = new ArrayList<>();
    for (String part : path.substring(1).split("/", -1)) {
      out.add(part.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static Optional<ConfigNode> get(ConfigNode node, List<String> pointer) {
    ConfigNode at = node;
    for (String step : pointer) {
      if (at instanceof MapNode m) {
        Optional<ConfigNode> next = m.get(step);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        at = next.get();
      } else if (at instanceof ListNode l) {
        int i = index(step, l.items().size() - 1);
        if (i < 0) {
          return Optional.empty();
        }
        at = l.items().get(i);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  private static int index(String step, int max) {
    try {
      int i = Integer.parseInt(step);
      return i >= 0 && i <= max ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ConfigNode set(
      ConfigNode node, List<String> pointer, ConfigNode value, boolean add) throws Failure {
    if (pointer.isEmpty()) {
      return value;
    }
    String step = pointer.get(0);
    List<String> rest = pointer.subList(1, pointer.size());
    if (node instanceof MapNode m) {
      Optional<ConfigNode> child = m.get(step);
      if (rest.isEmpty()) {
        if (child.isEmpty() && !add) {
          throw new Failure("no value at /" + step + " to replace");
        }
        return Nodes.with(m, step, value);
      }
      if (child.isEmpty()) {
        throw new Failure("no field '" + step + "'");
      }
      return Nodes.with(m, step, set(child.get(), rest, value, add));
    }
    if (node instanceof ListNode l) {
      List<ConfigNode> items = new ArrayList<>(l.items());
      int size = items.size();
      int i = step.equals("-") ? size : index(step, add && rest.isEmpty() ? size : size - 1);
      if (i < 0) {
        throw new Failure("index " + step + " out of range");
      }
      if (!rest.isEmpty()) {
        items.set(i, set(items.get(i), rest, value, add));
      } else if (add) {
        items.add(i, value);
      } else {
        items.set(i, value);
      }
      return new ListNode(items, l.position());
    }
    throw new Failure("cannot descend into a scalar at '" + step + "'");
  }

  private static ConfigNode remove(ConfigNode node, List<String> pointer) throws Failure {
    if (pointer.isEmpty()) {
      throw new Failure("cannot remove the whole object");
    }
    String step = pointer.get(0);
    List<String> rest = pointer.subList(1, pointer.size());
    if (node instanceof MapNode m) {
      ConfigNode child = m.get(step).orElseThrow(() -> new Failure("no field '" + step + "'"));
      return rest.isEmpty() ? Nodes.without(m, step) : Nodes.with(m, step, remove(child, rest));
    }
    if (node instanceof ListNode l) {
      List<ConfigNode> items = new ArrayList<>(l.items());
      int i = index(step, items.size() - 1);
      if (i < 0) {
        throw new Failure("index " + step + " out of range");
      }
      if (rest.isEmpty()) {
        items.remove(i);
      } else {
        items.set(i, remove(items.get(i), rest));
      }
      return new ListNode(items, l.position());
    }
    throw new Failure("cannot descend into a scalar at '" + step + "'");
  }
}
