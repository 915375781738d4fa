package dev.poolguard.core.model.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay fixture with {@code kubectl kustomize} and with poolguard, and compares
 * what poolguard reads: object names (hash suffixes included), replicas, strategy, containers'
 * image, args, env and envFrom, ConfigMap and Secret data. Skips without kubectl on a developer
 * machine; fails under CI=true.
 */
class KubectlCrossCheckTest {

  static final Path FIXTURES = Path.of("src/test/resources/kustomize/shop/overlays");

  @ParameterizedTest
  @ValueSource(strings = {"prod", "staging", "legacy", "dev"})
  void matchesKubectlKustomize(String overlay) throws Exception {
    Path dir = FIXTURES.resolve(overlay).toAbsolutePath();
    String expected = kubectl(dir);
    ConfigFile theirs =
        ConfigLoader.loadText(expected, "kubectl", ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
    Kustomize.Rendered ours = Kustomize.render(dir.resolve("kustomization.yaml"), inputs());
    assertThat(ours.file().problems()).isEmpty();
    assertThat(view(ours.file().documents())).isEqualTo(view(theirs.documents()));
  }

  static Kustomize.Inputs inputs() {
    return new Kustomize.Inputs() {
      @Override
      public ConfigFile load(Path file) {
        return ConfigLoader.load(file, display(file), Limits.DEFAULT);
      }

      @Override
      public Optional<String> text(Path file) {
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          return Optional.empty();
        }
      }

      @Override
      public String display(Path file) {
        return FIXTURES.toAbsolutePath().getParent().relativize(file).toString();
      }

      @Override
      public Optional<String> refusal(Path file) {
        return Optional.empty();
      }
    };
  }

  /** What poolguard reads of each object, by kind, namespace and name, without positions. */
  private static Map<String, Object> view(List<ConfigNode> docs) {
    Map<String, Object> out = new TreeMap<>();
    for (ConfigNode d : docs) {
      MapNode m = (MapNode) d;
      String key =
          m.text("kind").orElse("")
              + "/"
              + Nodes.text(m, "metadata", "namespace").orElse("")
              + "/"
              + Nodes.text(m, "metadata", "name").orElse("");
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("data", plain(m.get("data").orElse(null)));
      m.map("spec")
          .ifPresent(
              spec -> {
                fields.put("replicas", plain(spec.get("replicas").orElse(null)));
                fields.put("strategy", plain(spec.get("strategy").orElse(null)));
                fields.put("scaleTargetRef", plain(spec.get("scaleTargetRef").orElse(null)));
                List<Object> containers = new ArrayList<>();
                Nodes.editExisting(
                    spec,
                    List.of("template", "spec"),
                    pod -> {
                      Map<String, Object> p = new LinkedHashMap<>();
                      p.put("volumes", plain(((MapNode) pod).get("volumes").orElse(null)));
                      for (ConfigNode c : Nodes.items((MapNode) pod, "containers")) {
                        MapNode cm = (MapNode) c;
                        Map<String, Object> v = new LinkedHashMap<>();
                        for (String f : List.of("name", "image", "args", "env", "envFrom")) {
                          v.put(f, plain(cm.get(f).orElse(null)));
                        }
                        containers.add(v);
                      }
                      containers.add(p);
                      return pod;
                    });
                fields.put("containers", containers);
              });
      out.put(key, fields);
    }
    return out;
  }

  private static Object plain(ConfigNode node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.isNull() ? null : s.value();
    }
    if (node instanceof ListNode l) {
      return l.items().stream().map(KubectlCrossCheckTest::plain).toList();
    }
    Map<String, Object> out = new TreeMap<>();
    ((MapNode) node).entries().forEach(e -> out.put(e.key().value(), plain(e.value())));
    return out;
  }

  private static String kubectl(Path dir) throws IOException, InterruptedException {
    Optional<Path> kubectl = onPath("kubectl");
    if (kubectl.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("kubectl is missing: CI=true needs it (.ci/run installs it)");
      }
      assumeTrue(false, "kubectl is not installed: the Kustomize cross-check is skipped");
    }
    Process p =
        new ProcessBuilder(kubectl.get().toString(), "kustomize", dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  static Optional<Path> onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
