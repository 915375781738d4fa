package dev.poolguard.core.config;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Loads YAML with positions. The only class that knows snakeyaml-engine. */
final class YamlLoader {

  private YamlLoader() {}

  static ConfigFile.Builder load(
      String text,
      String displayPath,
      int lineOffset,
      int columnOffset,
      Limits limits,
      ConfigFile.Builder out) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(displayPath)
            .setAllowDuplicateKeys(true)
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
            .build();
    List<ConfigNode> documents = new ArrayList<>();
    try {
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        documents.add(convert(node, displayPath, lineOffset, columnOffset));
      }
    } catch (MarkedYamlEngineException e) {
      return out.problem(
          LoadProblem.Kind.UNPARSEABLE,
          e.getProblem(),
          e.getProblemMark()
              .map(m -> position(m, displayPath, lineOffset, columnOffset))
              .orElse(SourcePosition.startOf(displayPath)));
    } catch (RuntimeException e) {
      return out.problem(
          LoadProblem.Kind.UNPARSEABLE,
          String.valueOf(e.getMessage()),
          SourcePosition.startOf(displayPath));
    }
    return out.documents(documents);
  }

  private static ConfigNode convert(Node node, String path, int lineOffset, int columnOffset) {
    SourcePosition pos =
        node.getStartMark()
            .map(m -> position(m, path, lineOffset, columnOffset))
            .orElse(SourcePosition.startOf(path));
    if (node instanceof MappingNode map) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (NodeTuple tuple : map.getValue()) {
        ConfigNode key = convert(tuple.getKeyNode(), path, lineOffset, columnOffset);
        ScalarNode keyScalar =
            key instanceof ScalarNode s ? s : ScalarNode.of(String.valueOf(key), key.position());
        entries.add(
            new MapNode.Entry(
                keyScalar, convert(tuple.getValueNode(), path, lineOffset, columnOffset)));
      }
      return new MapNode(entries, pos);
    }
    if (node instanceof SequenceNode seq) {
      List<ConfigNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        items.add(convert(item, path, lineOffset, columnOffset));
      }
      return new ListNode(items, pos);
    }
    org.snakeyaml.engine.v2.nodes.ScalarNode scalar =
        (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
    boolean isNull = scalar.getTag().equals(Tag.NULL);
    return new ScalarNode(isNull ? "" : scalar.getValue(), scalar.getValue(), isNull, pos);
  }

  private static SourcePosition position(Mark mark, String path, int lineOffset, int columnOffset) {
    return new SourcePosition(
        path, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1 + columnOffset);
  }
}
