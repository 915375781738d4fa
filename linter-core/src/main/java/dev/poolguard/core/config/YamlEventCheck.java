package dev.poolguard.core.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Checks a YAML event stream against the resource limits before anything is composed: the engine's
 * composer recurses once per nesting level and would overflow the stack on a deep file, and aliases
 * can make a small file expand without bound. It also measures how deep the document becomes once
 * aliases are expanded, which is how deep composing and converting will recurse.
 */
final class YamlEventCheck {

  /**
   * Nesting beyond this is refused whatever {@code limits.maxYamlDepth} says, so that the stack
   * that composing and converting need stays bounded (about 1 KiB per level).
   */
  static final int DEPTH_CAP = 1000;

  /** An open collection: its nesting level, the deepest level reached inside it, its anchor. */
  private static final class Frame {
    final int id;
    final int level;
    final String anchor;
    int deepest;

    Frame(int id, int level, String anchor) {
      this.id = id;
      this.level = level;
      this.anchor = anchor;
      this.deepest = level;
    }
  }

  /** An anchor: the node it names and how many collection levels that node spans. */
  private record Target(int id, int height) {}

  private final Limits limits;
  private final SourceMapper at;
  private final Deque<Frame> open = new ArrayDeque<>();
  private final Set<Integer> openIds = new HashSet<>();
  private final Map<String, Target> anchors = new HashMap<>();
  private int nextId;
  private int aliases;
  private int deepest;

  private YamlEventCheck(Limits limits, SourceMapper at) {
    this.limits = limits;
    this.at = at;
  }

  /**
   * Reads {@code parser} to its end and returns the deepest nesting with aliases expanded; throws
   * {@link LoadFailure} at the first exceeded limit.
   */
  static int check(Parser parser, Limits limits, SourceMapper at) {
    YamlEventCheck check = new YamlEventCheck(limits, at);
    while (parser.hasNext()) {
      check.accept(parser.next());
    }
    return check.deepest;
  }

  static int maxDepth(Limits limits) {
    return Math.min(limits.maxYamlDepth(), DEPTH_CAP);
  }

  static String depthMessage(Limits limits) {
    int max = maxDepth(limits);
    return max < limits.maxYamlDepth()
        ? "nesting deeper than " + max + " levels (limits.maxYamlDepth is capped at " + max + ")"
        : "nesting deeper than " + max + " levels (limits.maxYamlDepth)";
  }

  private void accept(Event event) {
    switch (event.getEventId()) {
      case DocumentStart -> {
        // Anchors and the alias count are per document, as the composer treats them.
        aliases = 0;
        anchors.clear();
      }
      case MappingStart, SequenceStart -> start(event);
      case MappingEnd, SequenceEnd -> end();
      case Scalar -> anchorOf(event).ifPresent(a -> anchors.put(a, new Target(++nextId, 0)));
      case Alias -> alias((AliasEvent) event);
      default -> {
        // stream and document boundaries, comments: nothing to bound
      }
    }
  }

  private void start(Event event) {
    int level = open.size() + 1;
    if (level > maxDepth(limits)) {
      throw new LoadFailure(depthMessage(limits), position(event));
    }
    Frame frame = new Frame(++nextId, level, anchorOf(event).orElse(null));
    open.push(frame);
    openIds.add(frame.id);
    if (frame.anchor != null) {
      anchors.put(frame.anchor, new Target(frame.id, 0)); // height known at its end
    }
    deepest = Math.max(deepest, level);
  }

  private void end() {
    Frame frame = open.pop();
    openIds.remove(frame.id);
    Target target = frame.anchor == null ? null : anchors.get(frame.anchor);
    if (target != null && target.id() == frame.id) {
      anchors.put(frame.anchor, new Target(frame.id, frame.deepest - frame.level + 1));
    }
    Frame parent = open.peek();
    if (parent != null) {
      parent.deepest = Math.max(parent.deepest, frame.deepest);
    }
  }

  private void alias(AliasEvent event) {
    if (++aliases > limits.maxAliases()) {
      throw new LoadFailure(
          "more than " + limits.maxAliases() + " aliases in one document (limits.maxAliases)",
          position(event));
    }
    String name = event.getAlias().getValue();
    Target target = anchors.get(name);
    if (target == null) {
      return; // the composer reports the undefined alias with its position
    }
    if (openIds.contains(target.id())) {
      throw new LoadFailure(
          "recursive alias *" + name + " refers to a collection that contains it", position(event));
    }
    int expanded = open.size() + target.height();
    if (expanded > maxDepth(limits)) {
      throw new LoadFailure(
          depthMessage(limits) + " once alias *" + name + " is expanded", position(event));
    }
    deepest = Math.max(deepest, expanded);
    Frame parent = open.peek();
    if (parent != null) {
      parent.deepest = Math.max(parent.deepest, expanded);
    }
  }

  private static Optional<String> anchorOf(Event event) {
    return ((NodeEvent) event).getAnchor().map(Anchor::getValue);
  }

  private SourcePosition position(Event event) {
    return event.getStartMark().map(m -> at.at(m.getLine(), m.getColumn())).orElse(at.start());
  }
}
