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
 * instance per file: it holds the file's duplicate-key reports.
 */
final class YamlConverter {

  private final SourceMapper at;
  private final List<LoadProblem> duplicates = new ArrayList<>();
  // A mapping's merged view depends only on the mapping, and aliases reach the same mapping many
  // times: computing it once keeps merge chains linear.
  private final IdentityHashMap<MappingNode, Map<String, NodeTuple>> flattened =
      new IdentityHashMap<>();

  YamlConverter(SourceMapper at) {
    this.at = at;
  }

  /** The duplicate keys found so far, in file order. */
  List<LoadProblem> duplicates() {
    return duplicates.stream().sorted(Comparator.comparing(LoadProblem::position)).toList();
  }

  /** Converts one document and records its duplicate keys. */
  ConfigNode convert(Node root) {
    findDuplicates(root);
    return convertNode(root);
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
            String key = keyText(keyNode);
            Node firstKey = first.putIfAbsent(key, keyNode);
            if (firstKey != null) {
              duplicates.add(
                  new LoadProblem(
                      LoadProblem.Kind.DUPLICATE_KEY,
                      "duplicate key '"
                          + key
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

  private ConfigNode convertNode(Node node) {
    if (node instanceof MappingNode map) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (NodeTuple tuple : flatten(map).values()) {
        entries.add(new MapNode.Entry(key(tuple.getKeyNode()), convertNode(tuple.getValueNode())));
      }
      return new MapNode(entries, position(node));
    }
    if (node instanceof SequenceNode seq) {
      List<ConfigNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        items.add(convertNode(item));
      }
      return new ListNode(items, position(node));
    }
    var scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
    Yaml11Scalars.Value value = Yaml11Scalars.construct(scalar.getTag(), scalar.getValue());
    return new ScalarNode(value.text(), scalar.getValue(), value.isNull(), position(node));
  }

  /**
   * The entries of {@code map} in SnakeYAML's order: explicit keys beat merged ones (keeping the
   * merged key's place), earlier merge sources beat later ones, a later duplicate beats an earlier
   * one and takes its own place.
   */
  private Map<String, NodeTuple> flatten(MappingNode map) {
    Map<String, NodeTuple> cached = flattened.get(map);
    if (cached != null) {
      return cached;
    }
    List<NodeTuple> tuples = map.getValue();
    Map<String, Integer> lastIndex = new HashMap<>();
    for (int i = 0; i < tuples.size(); i++) {
      Node keyNode = tuples.get(i).getKeyNode();
      if (!isMergeKey(keyNode)) {
        lastIndex.put(keyText(keyNode), i);
      }
    }
    Map<String, NodeTuple> result = new LinkedHashMap<>();
    for (int i = 0; i < tuples.size(); i++) {
      NodeTuple tuple = tuples.get(i);
      if (isMergeKey(tuple.getKeyNode())) {
        for (MappingNode source : mergeSources(tuple)) {
          flatten(source).forEach(result::putIfAbsent);
        }
      } else {
        String key = keyText(tuple.getKeyNode());
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
  private ScalarNode key(Node keyNode) {
    String text = keyText(keyNode);
    return new ScalarNode(text, text, false, position(keyNode));
  }

  private static String keyText(Node keyNode) {
    if (keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
      return scalar.getValue();
    }
    return render(keyNode);
  }

  /** A complex key ({@code ? [a, b]}) as Java prints the collection SnakeYAML builds for it. */
  private static String render(Node node) {
    if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode seq) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      seq.getValue().forEach(item -> out.add(render(item)));
      return out.toString();
    }
    StringJoiner out = new StringJoiner(", ", "{", "}");
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      out.add(render(tuple.getKeyNode()) + "=" + render(tuple.getValueNode()));
    }
    return out.toString();
  }

  private SourcePosition position(Node node) {
    return node.getStartMark().map(m -> at.at(m.getLine(), m.getColumn())).orElse(at.start());
  }
}
