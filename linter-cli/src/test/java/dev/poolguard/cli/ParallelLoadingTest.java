package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree large enough to be parsed on several threads gives byte-identical reports to the same tree
 * parsed on one ({@code -Dpoolguard.serial=true}), run after run.
 */
class ParallelLoadingTest {

  @TempDir Path dir;

  @Test
  void parallelParsingChangesNoByte() throws IOException {
    StringBuilder services = new StringBuilder("version: 1\nservices:\n");
    for (int i = 0; i < 40; i++) {
      Path resources = Files.createDirectories(dir.resolve("svc-" + i + "/src/main/resources"));
      Files.writeString(
          resources.resolve("application.yml"),
          "spring:\n  datasource:\n    url: jdbc:postgresql://db-"
              + (i % 3)
              + "/app\n    hikari:\n      maximum-pool-size: "
              + (8 + i % 5)
              + "\n      minimum-idle: "
              + (i % 7 == 0 ? 30 : 2)
              + "\n");
      Files.createDirectories(dir.resolve("k8s"));
      Files.writeString(
          dir.resolve("k8s/svc-" + i + ".yaml"),
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-"
              + i
              + "\nspec:\n  replicas: "
              + (2 + i % 4)
              + "\n  template:\n    spec:\n      containers:\n        - name: app\n"
              + "          image: app:1\n          env:\n"
              + "            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n"
              + "              value: \"9\"\n");
      services
          .append("  svc-")
          .append(i)
          .append(":\n    config: svc-")
          .append(i)
          .append("/src/main/resources\n    deployment: k8s/svc-")
          .append(i)
          .append(".yaml\n    database: db-")
          .append(i % 3)
          .append("\n    load: { peakRequestsPerSecond: 400, connectionHoldMillis: 20 }\n");
    }
    services.append("databases:\n");
    for (int d = 0; d < 3; d++) {
      services.append("  db-").append(d).append(": { maxConnections: 150 }\n");
    }
    Files.writeString(dir.resolve("poolguard.yaml"), services.toString());

    String parallel = run();
    String again = run();
    String serial;
    System.setProperty("poolguard.serial", "true");
    try {
      serial = run();
    } finally {
      System.clearProperty("poolguard.serial");
    }

    assertThat(parallel).contains("\"ruleId\"").contains("database-connections-exceeded");
    assertThat(again).isEqualTo(parallel);
    assertThat(serial).isEqualTo(parallel);
  }

  private String run() {
    CliRun run = CliRun.inProcess(dir, "lint", ".", "-f", "json", "--fail-on", "never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }
}
