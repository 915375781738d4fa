package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services resolved on several threads ({@code -Dpoolguard.threads=4}) give byte-identical reports,
 * notes and models to the same tree resolved on one ({@code -Dpoolguard.threads=1}), run after run:
 * a tree of 200 configured services (with notes, environment and startup diagnostics, a missing
 * config path, several workloads for one service), 30 services found only by their folder, and
 * workloads no service claims.
 */
class ParallelResolutionTest {

  private static final int CONFIGURED = 200;
  private static final int FOLDERS = 30;

  @TempDir static Path dir;

  @BeforeAll
  static void tree() throws IOException, GitAPIException {
    StringBuilder config = new StringBuilder("version: 1\nservices:\n");
    Files.createDirectories(dir.resolve("k8s"));
    for (int i = 0; i < CONFIGURED; i++) {
      String name = "svc-" + i;
      Path resources = Files.createDirectories(dir.resolve(name + "/src/main/resources"));
      Files.writeString(
          resources.resolve("application.yml"),
          "spring:\n  application:\n    name: "
              + name
              + "\n  datasource:\n    url: jdbc:postgresql://db-"
              + (i % 4)
              + "/app\n    password: ${DB_PASSWORD:s3cr3t-"
              + i
              + "}\n    hikari:\n      maximum-pool-size: "
              + (8 + i % 5)
              + "\n      minimum-idle: "
              + (i % 7 == 0 ? 30 : 2)
              + "\n      connection-timeout: "
              + (i % 11 == 0 ? 100 : 30000)
              + "\n  reporting:\n    datasource:\n      url: jdbc:postgresql://db-x/rep\n");
      Files.writeString(
          resources.resolve("application-prod.yml"),
          "spring:\n"
              + (i % 9 == 0 ? "  profiles:\n    active: other\n" : "")
              + "  datasource:\n    hikari:\n      maximum-pool-size: "
              + (10 + i % 6)
              + "\n");
      String env =
          "            - name: SPRING_PROFILES_ACTIVE\n              value: prod\n"
              + "            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n"
              + "              value: \""
              + (5 + i % 9)
              + "\"\n"
              + (i % 5 == 0
                  ? "            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOLSIZE\n"
                      + "              value: \"7\"\n"
                      + "            - name: SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT\n"
                      + "              value: \"2000\"\n"
                  : "");
      String manifest =
          i % 25 == 0 // two workloads, neither named after the service: both run it
              ? deployment(name + "-blue", 2, env) + "---\n" + deployment(name + "-green", 1, env)
              : deployment(name, 2 + i % 4, env);
      Files.writeString(dir.resolve("k8s/" + name + ".yaml"), manifest);
      config
          .append("  ")
          .append(name)
          .append(":\n    config:\n      - ")
          .append(name)
          .append("/src/main/resources\n");
      if (i % 40 == 3) {
        config.append("      - missing-").append(i).append("\n");
      }
      config
          .append("    deployment: k8s/")
          .append(name)
          .append(".yaml\n    database: db-")
          .append(i % 4)
          .append("\n    load: { peakRequestsPerSecond: ")
          .append(300 + i % 13 * 40)
          .append(", connectionHoldMillis: 20 }\n");
    }
    config.append("  ghost:\n    config: nowhere\n    deployment: k8s/none.yaml\n");
    config.append("databases:\n");
    for (int d = 0; d < 4; d++) {
      config.append("  db-").append(d).append(": { maxConnections: 400 }\n");
    }
    Files.writeString(dir.resolve("poolguard.yaml"), config.toString());
    for (int i = 0; i < FOLDERS; i++) {
      String name = "folder-" + i;
      Path resources = Files.createDirectories(dir.resolve(name + "/src/main/resources"));
      Files.writeString(
          resources.resolve("application.yml"),
          "spring:\n  datasource:\n    url: jdbc:postgresql://db-0/f"
              + i
              + "\n    hikari:\n      maximum-pool-size: "
              + (3 + i)
              + "\n");
      if (i % 2 == 0) {
        Files.writeString(
            dir.resolve("k8s/" + name + ".yaml"),
            deployment(
                name,
                2,
                "            - name: SPRING_DATASOURCE_HIKARI_MINIMUMIDLE\n"
                    + "              value: \"40\"\n"));
      }
    }
    for (int i = 0; i < 5; i++) {
      Files.writeString(
          dir.resolve("k8s/orphan-" + i + ".yaml"),
          deployment(
              "orphan-" + i,
              3,
              "            - name: SPRING_DATASOURCE_URL\n"
                  + "              value: jdbc:postgresql://db-1/o\n"
                  + "            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n"
                  + "              value: \"30\"\n"));
    }
    // Committed, then changed: a git baseline whose tree is mostly the same files.
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("tree")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
    }
    for (int i = 0; i < CONFIGURED; i += 17) {
      Path prod = dir.resolve("svc-" + i + "/src/main/resources/application-prod.yml");
      Files.writeString(
          prod, Files.readString(prod).replace("maximum-pool-size: 1", "maximum-pool-size: 4"));
    }
    Files.delete(dir.resolve("k8s/orphan-2.yaml"));
  }

  private static String deployment(String name, int replicas, String env) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
        + name
        + "\nspec:\n  replicas: "
        + replicas
        + "\n  template:\n    spec:\n      containers:\n        - name: app\n"
        + "          image: app:1\n          env:\n"
        + env;
  }

  @Test
  void parallelResolutionChangesNoByte() {
    Map<String, String> serial = outputs("1");
    assertThat(serial.get("json"))
        .contains("database-connections-exceeded")
        .contains("\"svc-199\"")
        .contains("\"folder-29\"")
        .contains("orphan-4")
        .contains("env-override-misbinds")
        .contains("config-fails-startup");
    assertThat(serial.get("text-err"))
        .contains("svc-0 runs as 2 workloads")
        .contains("config path missing-3 does not exist")
        .contains("service ghost: no Spring config files or manifests found");
    assertThat(serial.get("model")).contains("svc-199").contains("folder-29");
    assertThat(serial.get("baseline")).contains("\"baseline\"").contains("orphan-2");
    for (int run = 0; run < 3; run++) {
      assertThat(outputs("4")).as("run %d on 4 threads", run).isEqualTo(serial);
    }
    assertThat(outputs("1")).isEqualTo(serial);
  }

  /**
   * The JSON report (also against the committed tree, whose unchanged files a parallel run does not
   * parse again), the text report with its notes, and the model, on that many threads.
   */
  private static Map<String, String> outputs(String threads) {
    System.setProperty("poolguard.threads", threads);
    try {
      CliRun json = run("lint", ".", "-f", "json", "--fail-on", "never");
      CliRun text = run("lint", ".", "-v", "--fail-on", "never");
      CliRun model = run("model", ".");
      CliRun baseline = run("lint", ".", "-f", "json", "--fail-on", "never", "--baseline", "HEAD");
      return Map.of(
          "baseline", baseline.out(),
          "baseline-err", baseline.err(),
          "json", json.out(),
          "text", text.out(),
          "text-err", text.err(),
          "model", model.out(),
          "model-err", model.err());
    } finally {
      System.clearProperty("poolguard.threads");
    }
  }

  private static CliRun run(String... args) {
    CliRun run = CliRun.inProcess(dir, args);
    assertThat(run.exitCode()).as(run.err()).isIn(List.of(0, 1));
    return run;
  }
}
