package dev.poolguard.core.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns composed snakeyaml-engine nodes into poolguard's node tree with the YAML 1.1 behaviour
 * Spring Boot gets from SnakeYAML: merge keys, 1.1 scalar values, later duplicate keys winning. One
 * instance per file: it holds the file's node budget and its duplicate-key reports.
 */
final class YamlConverter {

  /**
   * Aliases share nodes, so a file within the alias limit can still expand exponentially (a
   * "billion laughs" file); the converted tree of one file may hold at most this many nodes.
   */
  static final int MAX_NODES = 1_000_000;

  private final SourceMapper at;
  private final Limits limits;
  private final List<LoadProblem> duplicates = new ArrayList<>();
  // A mapping's merged view depends only on the mapping, and aliases reach the same mapping many
  // times: computing it once keeps merge chains linear.
  private final IdentityHashMap<MappingNode, Map<String, NodeTuple>> flattened =
      new IdentityHashMap<>();
  // Anchored nodes are converted once and shared by their aliases, as the composed nodes are:
  // the tree is immutable, so sharing is invisible except in time and memory.
  private final IdentityHashMap<Node, Converted> converted = new IdentityHashMap<>();
  private long budget = MAX_NODES;
  // The top-level entry being converted: where an alias bomb is reported, since the node that
  // exhausts the budget is a shared one somewhere else in the file.
  private SourcePosition topLevel;

  YamlConverter(SourceMapper at, Limits limits) {
    this.at = at;
    this.limits = limits;
  }

  /** The duplicate keys found so far, in file order. */
  List<LoadProblem> duplicates() {
    return duplicates.stream().sorted(Comparator.comparing(LoadProblem::position)).toList();
  }

  /** Converts one document and records its duplicate keys. */
  ConfigNode convert(Node root) {
    findDuplicates(root);
    return convert(root, 0).node();
  }

  /**
   * Records every repeated key of every mapping in the document, including mappings that lose to a
   * later duplicate and are never converted; each mapping once, however often it is aliased.
   */
  private void findDuplicates(Node root) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof SequenceNode seq) {
        seq.getValue().forEach(pending::push);
      } else if (node instanceof MappingNode map) {
        Map<String, Node> first = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
          Node keyNode = tuple.getKeyNode();
          if (!isMergeKey(keyNode)) {
            String key = keyText(keyNode, 0);
            Node firstKey = first.putIfAbsent(key, keyNode);
            if (firstKey != null) {
              duplicates.add(
                  new LoadProblem(
                      LoadProblem.Kind.DUPLICATE_KEY,
                      "duplicate key '"
                          + shownKey(key)
                          + "' (first at line "
                          + position(firstKey).line()
                          + ")",
                      position(keyNode)));
            }
          }
          pending.push(keyNode);
          pending.push(tuple.getValueNode());
        }
      }
    }
  }

  /**
   * A key as a one-line message shows it: a flow key can span lines and hold control characters,
   * and a problem message is one line (escaped, and cut after 80 characters).
   */
  private static String shownKey(String key) {
    String line = dev.poolguard.core.text.Escapes.terminalLine(key);
    return line.length() <= 80 ? line : line.substring(0, 80) + "…";
  }

  /** A converted node, the number of nodes it expands to, and how many levels it spans. */
  private record Converted(ConfigNode node, long size, int height) {}

  private Converted convert(Node node, int depth) {
    Converted shared = converted.get(node);
    if (shared != null) {
      // An alias: the same immutable subtree again, counted at its expanded size.
      checkDepth(node, depth + shared.height());
      spend(node, shared.size());
      return shared;
    }
    long before = budget;
    Converted built = build(node, depth);
    Converted result = new Converted(built.node(), before - budget, built.height());
    if (node.getAnchor().isPresent()) {
      converted.put(node, result);
    }
    return result;
  }

  private Converted build(Node node, int depth) {
    spend(node, 1);
    if (node instanceof MappingNode map) {
      checkDepth(node, depth + 1);
      List<MapNode.Entry> entries = new ArrayList<>();
      int height = 0;
      for (NodeTuple tuple : flatten(map, depth + 1).values()) {
        ScalarNode key = key(tuple.getKeyNode(), depth + 1);
        if (depth == 0) {
          topLevel = key.position();
        }
        Converted value = convert(tuple.getValueNode(), depth + 1);
        height = Math.max(height, value.height());
        entries.add(new MapNode.Entry(key, value.node()));
      }
      return new Converted(new MapNode(entries, position(node)), 0, height + 1);
    }
    if (node instanceof SequenceNode seq) {
      checkDepth(node, depth + 1);
      List<ConfigNode> items = new ArrayList<>();
      int height = 0;
      for (Node item : seq.getValue()) {
        if (depth == 0) {
          topLevel = position(item);
        }
        Converted value = convert(item, depth + 1);
        height = Math.max(height, value.height());
        items.add(value.node());
      }
      return new Converted(new ListNode(items, position(node)), 0, height + 1);
    }
    var scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
    Yaml11Scalars.Value value = Yaml11Scalars.construct(scalar.getTag(), scalar.getValue());
    return new Converted(
        new ScalarNode(
            value.text(),
            scalar.getValue(),
            value.isNull(),
            position(node),
            org.snakeyaml.engine.v2.nodes.Tag.FLOAT.equals(scalar.getTag())),
        0,
        0);
  }

  /**
   * The entries of {@code map} in SnakeYAML's order: explicit keys beat merged ones (keeping the
   * merged key's place), earlier merge sources beat later ones, a later duplicate beats an earlier
   * one and takes its own place.
   */
  private Map<String, NodeTuple> flatten(MappingNode map, int depth) {
    Map<String, NodeTuple> cached = flattened.get(map);
    if (cached != null) {
      return cached;
    }
    List<NodeTuple> tuples = map.getValue();
    Map<String, Integer> lastIndex = new HashMap<>();
    for (int i = 0; i < tuples.size(); i++) {
      Node keyNode = tuples.get(i).getKeyNode();
      spend(keyNode, 1);
      if (!isMergeKey(keyNode)) {
        lastIndex.put(keyText(keyNode, depth), i);
      }
    }
    Map<String, NodeTuple> result = new LinkedHashMap<>();
    for (int i = 0; i < tuples.size(); i++) {
      NodeTuple tuple = tuples.get(i);
      if (isMergeKey(tuple.getKeyNode())) {
        for (MappingNode source : mergeSources(tuple)) {
          checkDepth(source, depth + 1);
          flatten(source, depth + 1).forEach(result::putIfAbsent);
        }
      } else {
        String key = keyText(tuple.getKeyNode(), depth);
        if (lastIndex.get(key) == i) {
          result.put(key, tuple);
        }
      }
    }
    Map<String, NodeTuple> view = Collections.unmodifiableMap(result);
    flattened.put(map, view);
    return view;
  }

  private List<MappingNode> mergeSources(NodeTuple merge) {
    Node value = merge.getValueNode();
    if (value instanceof MappingNode map) {
      return List.of(map);
    }
    if (value instanceof SequenceNode seq) {
      List<MappingNode> sources = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (!(item instanceof MappingNode map)) {
          throw mergeFailure(merge, "a list holding " + kind(item));
        }
        sources.add(map);
      }
      return sources;
    }
    throw mergeFailure(merge, kind(value));
  }

  private LoadFailure mergeFailure(NodeTuple merge, String found) {
    return new LoadFailure(
        "merge key '<<' needs a mapping or a list of mappings, found " + found,
        position(merge.getKeyNode()));
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    return node instanceof SequenceNode ? "a list" : "a scalar";
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof org.snakeyaml.engine.v2.nodes.ScalarNode
        && Yaml11Scalars.MERGE_KEY.equals(key.getTag());
  }

  /** Keys keep their text: poolguard matches keys as written, never as 1.1-converted values. */
  private ScalarNode key(Node keyNode, int depth) {
    String text = keyText(keyNode, depth);
    return new ScalarNode(text, text, false, position(keyNode));
  }

  private String keyText(Node keyNode, int depth) {
    if (keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
      return scalar.getValue();
    }
    return render(keyNode, depth);
  }

  /** A complex key ({@code ? [a, b]}) as Java prints the collection SnakeYAML builds for it. */
  private String render(Node node, int depth) {
    spend(node, 1);
    if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
      return scalar.getValue();
    }
    checkDepth(node, depth + 1);
    if (node instanceof SequenceNode seq) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      seq.getValue().forEach(item -> out.add(render(item, depth + 1)));
      return out.toString();
    }
    StringJoiner out = new StringJoiner(", ", "{", "}");
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      out.add(
          render(tuple.getKeyNode(), depth + 1) + "=" + render(tuple.getValueNode(), depth + 1));
    }
    return out.toString();
  }

  private void spend(Node node, long nodes) {
    budget -= nodes;
    if (budget < 0) {
      throw new LoadFailure(
          "aliases expand this file to more than "
              + MAX_NODES
              + " nodes (an alias bomb?); Spring would exhaust memory loading it",
          topLevel != null ? topLevel : position(node));
    }
  }

  private void checkDepth(Node node, int depth) {
    if (depth > YamlEventCheck.maxDepth(limits)) {
      throw new LoadFailure(
          YamlEventCheck.depthMessage(limits) + " once aliases are expanded", position(node));
    }
  }

  private SourcePosition position(Node node) {
    return node.getStartMark().map(m -> at.at(m.getLine(), m.getColumn())).orElse(at.start());
  }
}
