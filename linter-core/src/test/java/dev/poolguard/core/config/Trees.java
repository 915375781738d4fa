package dev.poolguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Small helpers for reading loaded node trees in tests. */
final class Trees {

  private Trees() {}

  static ConfigFile yaml(String text) {
    return yaml(text, Limits.DEFAULT);
  }

  static ConfigFile yaml(String text, Limits limits) {
    return ConfigLoader.loadText(text, "app.yml", ConfigFile.Format.YAML, 0, 0, limits);
  }

  static ConfigFile properties(String text) {
    return ConfigLoader.loadText(
        text, "app.properties", ConfigFile.Format.PROPERTIES, 0, 0, Limits.DEFAULT);
  }

  /** The only document of a file that loaded without problems (a decoding note is no problem). */
  static MapNode single(ConfigFile file) {
    assertThat(file.problems()).allMatch(p -> p.kind() == LoadProblem.Kind.READ_AS_LATIN1);
    assertThat(file.documents()).hasSize(1);
    return (MapNode) file.documents().get(0);
  }

  /** The node at {@code path}: map keys, or list indexes as numbers. */
  static ConfigNode node(ConfigNode root, String... path) {
    ConfigNode current = root;
    for (String step : path) {
      if (current instanceof ListNode list) {
        current = list.items().get(Integer.parseInt(step));
      } else {
        current = ((MapNode) current).get(step).orElseThrow(() -> new AssertionError(step));
      }
    }
    return current;
  }

  static ScalarNode scalar(ConfigNode root, String... path) {
    return (ScalarNode) node(root, path);
  }

  static String value(ConfigNode root, String... path) {
    return scalar(root, path).value();
  }

  /** {@code line:column}. */
  static String at(ConfigNode node) {
    return at(node.position());
  }

  static String at(SourcePosition position) {
    return position.line() + ":" + position.column();
  }

  /** The keys of a mapping in order. */
  static List<String> keys(ConfigNode map) {
    return ((MapNode) map).entries().stream().map(e -> e.key().value()).toList();
  }

  /** The entry of {@code key} (the last one, as lookups see it). */
  static MapNode.Entry entry(ConfigNode map, String key) {
    return ((MapNode) map)
        .entries().stream()
            .filter(e -> e.key().value().equals(key))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError(key));
  }

  /** The only problem of a file. */
  static LoadProblem problem(ConfigFile file) {
    assertThat(file.problems()).hasSize(1);
    return file.problems().get(0);
  }

  /** Asserts the file is unparseable with one problem containing {@code fragment} at {@code at}. */
  static void assertUnparseable(ConfigFile file, String fragment, String at) {
    LoadProblem problem = problem(file);
    assertThat(problem.kind()).isEqualTo(LoadProblem.Kind.UNPARSEABLE);
    assertThat(problem.message()).contains(fragment).doesNotContain("\n");
    assertThat(at(problem.position())).isEqualTo(at);
    assertThat(file.documents()).isEmpty();
    assertThat(file.parsed()).isFalse();
  }
}
