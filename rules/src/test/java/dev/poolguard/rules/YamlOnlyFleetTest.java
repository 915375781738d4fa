package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.testing.FixtureRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet described only in poolguard.yaml ({@code replicas:}) gets the same verdicts as the same
 * fleet described by a Deployment manifest that states nothing but its replicas: without a manifest
 * poolguard assumes what Kubernetes defaults a Deployment to (RollingUpdate, 25 % surge, 25 %
 * unavailable), for the per-pod rollout check and the database's rollout budget alike.
 */
class YamlOnlyFleetTest {

  private static final String APP = "orders/src/main/resources/application.yml";

  @TempDir Path temp;

  @Test
  void sameFleetSameVerdicts() throws IOException {
    Linter linter = new Linter(RuleSet.load(getClass().getClassLoader()));
    int cases = 0;
    List<String> judged = new ArrayList<>();
    for (int replicas : new int[] {1, 2, 3, 6, 9}) {
      for (int pool : new int[] {6, 10, 12, 20}) {
        for (int maxConnections : new int[] {60, 120, 250}) {
          String load = "    load: { peakRequestsPerSecond: 1200, connectionHoldMillis: 25 }\n";
          String db =
              "    database: orders-db\ndatabases:\n  orders-db: { maxConnections: "
                  + maxConnections
                  + " }\n";
          String app =
              "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
                  + "      maximum-pool-size: "
                  + pool
                  + "\n";
          String name = replicas + "x" + pool + "-" + maxConnections;
          Path yamlOnly =
              tree(
                  name + "-yaml",
                  Map.of(
                      "poolguard.yaml",
                      service("    replicas: " + replicas + "\n" + load + db),
                      APP,
                      app));
          Path manifests =
              tree(
                  name + "-manifest",
                  Map.of(
                      "poolguard.yaml",
                      service("    deployment: deploy.yaml\n" + load + db),
                      APP,
                      app,
                      "deploy.yaml",
                      deployment(replicas)));
          List<String> fromYaml = verdicts(linter, yamlOnly);
          assertThat(fromYaml)
              .as("%s: poolguard.yaml only vs a Deployment manifest", name)
              .isEqualTo(verdicts(linter, manifests));
          judged.addAll(fromYaml);
          cases++;
        }
      }
    }
    assertThat(cases).isEqualTo(60);
    // The grid reaches every verdict it is about, so agreement is not agreement on silence.
    assertThat(judged)
        .anyMatch(v -> v.startsWith("pool-saturated-during-rollout"))
        .anyMatch(v -> v.startsWith("pool-below-peak-demand"))
        .anyMatch(
            v -> v.startsWith("database-connections-exceeded") && v.contains("rolling update"))
        .anyMatch(v -> v.startsWith("database-connections-near-limit"));
  }

  private static String service(String body) {
    return "version: 1\nservices:\n  orders:\n    config: orders/src/main/resources\n" + body;
  }

  private static String deployment(int replicas) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: "
        + replicas
        + "\n  selector:\n    matchLabels: { app: orders }\n  template:\n    metadata:\n"
        + "      labels: { app: orders }\n    spec:\n      containers:\n"
        + "        - name: orders\n          image: orders:1\n";
  }

  private Path tree(String name, Map<String, String> files) throws IOException {
    Path root = temp.resolve(name);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = root.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    return root;
  }

  /** Rule, severity and message of every capacity finding (positions differ by design). */
  private static List<String> verdicts(Linter linter, Path tree) {
    return linter
        .lint(
            LintRequest.of(tree, List.of(Path.of(".")))
                .withSuppression(new SuppressionOptions(true, FixtureRunner.DEFAULT_TODAY)))
        .active()
        .stream()
        .filter(f -> f.ruleId().startsWith("pool-") || f.ruleId().startsWith("database-"))
        .map(f -> f.ruleId() + " " + f.severity() + ": " + f.message())
        .sorted()
        .toList();
  }
}
