package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.testing.FixtureRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's documented {@code example} (what {@code poolguard explain}, the rule docs and SARIF
 * show) is linted, and the rule reports it.
 *
 * <p>An example is a configuration file as a user writes it: by default the application's {@code
 * application.yml}. Where an example states its context in a comment ({@code # poolguard.yaml:
 * load: ..., 6 pods}, {@code # baseline: key: value}, {@code # orders-api: 9 pods, ...}) or is a
 * fragment of a manifest or of poolguard.yaml, {@link #tree} builds that context from what the
 * comment says and places the example, verbatim (indented where it is nested), where it belongs. A
 * new rule whose example needs context gets a case there.
 */
class RuleExamplesTest {

  private static final String APP = "orders-api/src/main/resources/application.yml";
  private static final String PROPERTIES = "orders-api/src/main/resources/application.properties";
  private static final String URL = "spring.datasource.url=jdbc:postgresql://db/orders\n";
  private static final String SERVICE = "version: 1\nservices:\n  orders-api:\n";
  private static final String CONFIG = "    config: orders-api/src/main/resources\n";
  private static final String LOAD =
      "    load: { peakRequestsPerSecond: 2400, connectionHoldMillis: 25 }\n";
  private static final String POOL_10 =
      "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n";

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyRulesExampleProducesItsFinding() {
    RuleSet rules = RuleSet.load(getClass().getClassLoader());
    Linter linter = new Linter(rules);
    assertThat(rules.rules()).hasSizeGreaterThan(20);
    return rules.rules().stream()
        .map(Rule::info)
        .map(
            info ->
                DynamicTest.dynamicTest(
                    info.id(),
                    () -> {
                      Path tree = Files.createDirectories(temp.resolve(info.id()));
                      for (Map.Entry<String, String> file :
                          tree(info.id(), info.example()).entrySet()) {
                        Path target = tree.resolve(file.getKey());
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, file.getValue());
                      }
                      LintResult result = lint(linter, tree);
                      assertThat(result.active())
                          .as(
                              "%s: its example reports it; reported:%n%s",
                              info.id(),
                              result.active().stream()
                                  .map(Finding::line)
                                  .collect(Collectors.joining("\n")))
                          .anyMatch(f -> f.ruleId().equals(info.id()));
                    }));
  }

  private static LintResult lint(Linter linter, Path tree) {
    return linter.lint(
        LintRequest.of(tree, List.of(Path.of(".")))
            .withSuppression(new SuppressionOptions(true, FixtureRunner.DEFAULT_TODAY)));
  }

  /** The files of the smallest tree in which {@code example} means what it says. */
  static Map<String, String> tree(String id, String example) {
    Map<String, String> files = new LinkedHashMap<>();
    switch (id) {
      case "capacity-model-incomplete" -> {
        // The example is poolguard.yaml's services: load figures, but no pod count.
        files.put("poolguard.yaml", "version: 1\n" + example);
        files.put(APP, POOL_10);
      }
      case "pool-lifetime-exceeds-server-timeout" -> files.put("compose.yaml", example);
      case "database-connections-exceeded", "database-connections-near-limit" ->
          fleet(id, example, files);
      case "pooler-client-connections-exceeded", "pooler-prepared-statements-unsupported" -> {
        // The example is the pgbouncer.ini of database orders-db; its first line says which pods
        // connect through it (default: 2 pods with HikariCP's default pool of 10).
        Matcher pods =
            Pattern.compile("(\\d+) pods").matcher(example.lines().findFirst().orElse(""));
        String replicas = pods.find() ? pods.group(1) : "2";
        Matcher pool =
            Pattern.compile("maximum-pool-size (\\d+)")
                .matcher(example.lines().findFirst().orElse(""));
        files.put(
            "poolguard.yaml",
            SERVICE
                + CONFIG
                + "    replicas: "
                + replicas
                + "\n    database: orders-db\n"
                + "databases:\n  orders-db:\n    maxConnections: 500\n"
                + "    pooler: { config: pgbouncer.ini }\n");
        files.put("pgbouncer.ini", example);
        files.put(APP, pool.find() ? POOL_10.replace("10", pool.group(1)) : POOL_10);
      }
      case "pooler-server-connections-exceeded" -> {
        // The example is a CloudNativePG Pooler manifest; the database accepts 100 connections.
        files.put(
            "poolguard.yaml",
            SERVICE
                + CONFIG
                + "    replicas: 2\n    database: orders-db\n"
                + "databases:\n  orders-db:\n    maxConnections: 100\n"
                + "    pooler: { manifest: pooler.yaml }\n");
        files.put("pooler.yaml", example);
        files.put(APP, POOL_10);
      }
      case "pool-below-peak-demand", "pool-utilisation-high" -> {
        // "# poolguard.yaml: load: { ... }, N pods": the service's load as written, N replicas.
        String context = after(example.lines().findFirst().orElseThrow(), "# poolguard.yaml: ");
        int end = context.indexOf("}, ");
        String load = context.substring(0, end + 1);
        String replicas = context.substring(end + 3).replace(" pods", "");
        files.put(
            "poolguard.yaml",
            SERVICE + CONFIG + "    replicas: " + replicas + "\n    " + load + "\n");
        files.put(APP, example);
      }
      case "pool-saturated-during-rollout", "no-rollback-target", "rollout-deadline-too-long" -> {
        // The example is the Deployment's spec (for the rollout rule: the pool carries the peak on
        // 4 pods, not on 2).
        files.put("poolguard.yaml", SERVICE + CONFIG + "    deployment: deploy.yaml\n" + LOAD);
        files.put(APP, "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 20\n");
        files.put(
            "deploy.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\n"
                + example
                + "  template:\n    spec:\n      containers:\n"
                + "        - name: orders-api\n          image: orders-api:1\n");
      }
      case "connection-timeout-reduced", "pool-max-reduced", "pool-setting-removed" -> {
        // "# baseline: key: value": the same setting in the baseline's configuration.
        String was = after(example.lines().findFirst().orElseThrow(), "# baseline: ");
        files.put(
            "poolguard.yaml",
            "version: 1\nbaseline: baseline\nservices:\n  orders-api:\n" + CONFIG);
        files.put(APP, example);
        files.put("baseline/" + APP, "spring:\n  datasource:\n    hikari:\n      " + was + "\n");
        // The datasource itself, which the example leaves out, in both.
        files.put(PROPERTIES, URL);
        files.put("baseline/" + PROPERTIES, URL);
      }
      case "env-override-misbinds" -> {
        // The example is a container's env.
        files.put("poolguard.yaml", SERVICE + CONFIG + "    deployment: deploy.yaml\n");
        files.put(APP, POOL_10);
        files.put("deploy.yaml", deployment("  replicas: 2\n") + example.indent(10));
      }
      case "waiver-expired", "waiver-unused" -> {
        // The example is poolguard.yaml's waivers.
        files.put("poolguard.yaml", SERVICE + CONFIG + example);
        files.put(APP, POOL_10);
      }
      case "liveness-probe-checks-database" -> {
        // The example is the application container's probe.
        files.put("poolguard.yaml", SERVICE + CONFIG + "    deployment: deploy.yaml\n");
        files.put(APP, POOL_10);
        files.put("deploy.yaml", deployment("  replicas: 2\n") + example.indent(10));
      }
      case "config-change-not-rolled-out" -> {
        // "# baseline: ConfigMap NAME data KEY: VALUE": the ConfigMap's data in the baseline; the
        // example is its data now; the Deployment reads KEY by configMapKeyRef, unchanged.
        String was = after(example.lines().findFirst().orElseThrow(), "# baseline: ConfigMap ");
        String name = was.substring(0, was.indexOf(' '));
        String data = was.substring(was.indexOf(" data ") + 6);
        String key = data.substring(0, data.indexOf(':'));
        String app =
            "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
                + "      maximum-pool-size: ${"
                + key
                + ":20}\n";
        String deployment =
            "---\n"
                + deployment("  replicas: 2\n")
                + "          env:\n            - name: "
                + key
                + "\n              valueFrom:\n                configMapKeyRef: { name: "
                + name
                + ", key: "
                + key
                + " }\n";
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
        files.put(
            "poolguard.yaml",
            "version: 1\nbaseline: baseline\nservices:\n  orders-api:\n"
                + CONFIG
                + "    deployment: deploy.yaml\n");
        files.put(APP, app);
        files.put("baseline/" + APP, app);
        files.put("deploy.yaml", configMap + example + deployment);
        files.put("baseline/deploy.yaml", configMap + "data:\n  " + data + "\n" + deployment);
      }
      case "pool-alerts-missing" -> {
        // "# alerts.yaml: NAME on EXPR": the repository's Prometheus rules file holds that alert.
        String alert = after(example.lines().findFirst().orElseThrow(), "# alerts.yaml: ");
        int on = alert.indexOf(" on ");
        files.put(
            "alerts.yaml",
            "groups:\n  - name: pools\n    rules:\n      - alert: "
                + alert.substring(0, on)
                + "\n        expr: '"
                + alert.substring(on + 4)
                + " > 0'\n");
        files.put(APP, example);
      }
      case "pool-not-observable" -> {
        // "# pom.xml: a, b": the service's build declares these dependencies.
        String declared = after(example.lines().findFirst().orElseThrow(), "# pom.xml: ");
        StringBuilder pom = new StringBuilder("<project>\n  <dependencies>\n");
        for (String artifact : declared.split(",\\s*")) {
          pom.append("    <dependency><artifactId>")
              .append(artifact)
              .append("</artifactId></dependency>\n");
        }
        files.put("orders-api/pom.xml", pom.append("  </dependencies>\n</project>\n").toString());
        files.put(APP, example);
      }
      default -> files.put(APP, example);
    }
    return files;
  }

  /**
   * "# poolguard.yaml: databases: {...}" then "# orders-api: N pods | HPA maxReplicas N,
   * maximum-pool-size N": the databases as written, the fleet as described.
   */
  private static void fleet(String id, String example, Map<String, String> files) {
    List<String> lines = example.lines().toList();
    String databases = after(lines.get(0), "# poolguard.yaml: ");
    String fleet = after(lines.get(1), "# orders-api: ");
    Matcher hpa = Pattern.compile("HPA maxReplicas (\\d+)").matcher(fleet);
    Matcher pods = Pattern.compile("(\\d+) pods").matcher(fleet);
    Matcher pool = Pattern.compile("maximum-pool-size (\\d+)").matcher(fleet);
    assertThat(pool.find()).as("%s names the pool size", id).isTrue();
    String runs;
    if (hpa.find()) {
      runs = "    deployment: deploy.yaml\n";
      files.put(
          "deploy.yaml",
          deployment("  replicas: 2\n") + autoscaler(2, Integer.parseInt(hpa.group(1))));
    } else if (fleet.contains("maxSurge 0")) {
      // "N pods rolling with maxSurge 0": a Deployment that starts no extra pod in a rollout.
      assertThat(pods.find()).as("%s names the pods", id).isTrue();
      runs = "    deployment: deploy.yaml\n";
      files.put(
          "deploy.yaml",
          deployment(
              "  replicas: "
                  + pods.group(1)
                  + "\n  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }\n"));
    } else {
      assertThat(pods.find()).as("%s names the pods", id).isTrue();
      runs = "    replicas: " + pods.group(1) + "\n";
    }
    files.put(
        "poolguard.yaml", SERVICE + CONFIG + runs + "    database: orders-db\n" + databases + "\n");
    files.put(
        APP,
        example
            + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: "
            + pool.group(1)
            + "\n");
  }

  private static String after(String line, String prefix) {
    assertThat(line).startsWith(prefix);
    return line.substring(prefix.length());
  }

  private static String deployment(String replicas) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n"
        + replicas
        + "  template:\n    spec:\n      containers:\n"
        + "        - name: orders-api\n          image: orders-api:1\n";
  }

  private static String autoscaler(int min, int max) {
    return "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
        + "  name: orders-api\nspec:\n"
        + "  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: orders-api }\n"
        + "  minReplicas: "
        + min
        + "\n  maxReplicas: "
        + max
        + "\n";
  }
}
