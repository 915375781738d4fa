package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Config files for tests. Properties documents are built with a tiny line splitter into the
 * loader's contract (a MapNode of flat keys, each value a ScalarNode at the value's position),
 * because the properties loader is being replaced on another branch.
 */
final class TestFiles {

  private TestFiles() {}

  static ConfigFile yaml(String path, String text) {
    return ConfigLoader.loadText(text, path, ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
  }

  /** java.util.Properties lines without continuations or escapes. */
  static ConfigFile properties(String path, String text) {
    List<MapNode.Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int start = 0;
      while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      if (start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
        continue;
      }
      int end = start;
      while (end < line.length() && "=: \t".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      int value = end;
      while (value < line.length() && " \t".indexOf(line.charAt(value)) >= 0) {
        value++;
      }
      if (value < line.length() && "=:".indexOf(line.charAt(value)) >= 0) {
        value++;
      }
      while (value < line.length() && " \t".indexOf(line.charAt(value)) >= 0) {
        value++;
      }
      entries.add(
          new MapNode.Entry(
              ScalarNode.of(line.substring(start, end), new SourcePosition(path, n + 1, start + 1)),
              ScalarNode.of(line.substring(value), new SourcePosition(path, n + 1, value + 1))));
    }
    MapNode document = new MapNode(entries, SourcePosition.startOf(path));
    return new ConfigFile(path, ConfigFile.Format.PROPERTIES, List.of(document), List.of());
  }
}
