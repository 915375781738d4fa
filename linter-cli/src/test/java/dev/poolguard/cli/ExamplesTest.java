package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled examples behave as the README says. */
class ExamplesTest {

  static final Path ROOT = CliTest.EXAMPLES.getParent();

  @TempDir Path dir;

  @Test
  void incidentFailsAtTheChangedLineWithTheOldValue() {
    CliRun run = CliRun.inProcess(ROOT, "lint", "examples/incident");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "examples/incident/orders-api/src/main/resources/application-prod.yml:7:26: error: pool max 10 (was 40)"
                + " cannot carry the offered load of 10.0 connections per pod (2,400 req/s over 6 pods × 25 ms);"
                + " needs ≥ 11, ≥ 13 for ≤ 80 % utilisation [pool-below-peak-demand]");
  }

  @Test
  void composeFleetOverflowsTheCommandLineLimitWithoutPoolguardYaml() {
    CliRun run = CliRun.inProcess(ROOT, "lint", "examples/compose-fleet");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "examples/compose-fleet/orders-api/src/main/resources/application.yml:6:26: error:"
                + " database db: at today's replicas (steady state) the fleet opens 90 connections"
                + " (billing-api 2 pods × 15, orders-api 3 pods × 20) but accepts 77"
                + " (max_connections 80 (compose service db, -c in command) − 3 reserved by the"
                + " server) [database-connections-exceeded]");
  }

  @Test
  void mixedFleetCountsTheSecondPoolOnlyWhileItsFlagIsOn() throws IOException {
    CliRun run = CliRun.inProcess(ROOT, "lint", "examples/mixed-fleet");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "examples/mixed-fleet/orders/src/main/resources/application.yml:7:26: error:"
                + " database main: at today's replicas (steady state) the fleet opens 120"
                + " connections (orders 3 pods × 20, orders (events) 3 pods × 10, reports 2 pods ×"
                + " 15) but accepts 115 (maxConnections 115) [database-connections-exceeded]");
    Path copy = copy(ROOT.resolve("examples/mixed-fleet"));
    Path manifest = copy.resolve("k8s/orders.yaml");
    Files.writeString(
        manifest, Files.readString(manifest).replace("value: \"true\"", "value: \"false\""));
    CliRun off = CliRun.inProcess(copy, "lint", ".");
    assertThat(off.exitCode()).as(off.out()).isZero();
  }

  @Test
  void restoringThePoolPasses() throws IOException {
    Path copy = copy(ROOT.resolve("examples/incident"));
    Path prod = copy.resolve("orders-api/src/main/resources/application-prod.yml");
    Files.writeString(
        prod, Files.readString(prod).replace("maximum-pool-size: 10", "maximum-pool-size: 40"));
    CliRun run = CliRun.inProcess(copy, "lint");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain(": error:").contains("0 errors");
  }

  @Test
  void rolloutExampleOverflowsOnlyDuringARollingUpdate() {
    CliRun run = CliRun.inProcess(ROOT, "lint", "examples/rollout-overflow");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("during a rolling update of orders-api the fleet can open 380 connections")
        .contains("[database-connections-exceeded]")
        .doesNotContain("at full scale the fleet");
  }

  @Test
  void snapshotOfAnUnchangedTreeGivesNoChangeFindingsAndIdenticalOutput() throws IOException {
    Path copy = copy(ROOT.resolve("examples/incident"));
    Files.delete(copy.resolve("baseline/poolguard-baseline.json"));
    assertThat(CliRun.inProcess(copy, "baseline", "-o", "snap.json").exitCode()).isZero();
    assertThat(CliRun.inProcess(copy, "baseline", "-o", "snap.json").exitCode()).isEqualTo(2);
    CliRun first = CliRun.inProcess(copy, "lint", "--baseline", "snap.json", "--format", "sarif");
    CliRun second = CliRun.inProcess(copy, "lint", "--baseline", "snap.json", "--format", "sarif");
    assertThat(first.out())
        .isEqualTo(second.out())
        .doesNotContain(
            "\"ruleId\": \"pool-max-reduced\"",
            "\"ruleId\": \"pool-setting-removed\"",
            "\"ruleId\": \"connection-timeout-reduced\"");
    assertThat(CliRun.inProcess(copy, "diff", "--baseline", "snap.json").out())
        .startsWith("changes against snap.json: 0");
  }

  @Test
  void theIncidentScaledToZeroIsReportedNotAnInternalError() throws IOException {
    // replicas: 0 with an HPA: the HPA leaves it alone, so no pod serves the declared peak.
    Path copy = copy(ROOT.resolve("examples/incident"));
    Path manifest = copy.resolve("deploy/orders-api.yaml");
    Files.writeString(
        manifest, Files.readString(manifest).replace("  replicas: 6\n", "  replicas: 0\n"));
    CliRun run = CliRun.inProcess(copy, "lint");
    assertThat(run.err()).doesNotContain("internal error");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "deploy/orders-api.yaml:8:13: warning: service orders-api runs no pod at peak"
                + " (replicas 0: scaled to zero)")
        .contains("a cut of 75 %; complete the capacity model of orders-api")
        .contains("[pool-max-reduced]");
  }

  @Test
  void withoutACapacityModelAnUnprovenCutByHalfOrMoreIsAnError() throws IOException {
    Path copy = copy(ROOT.resolve("examples/incident"));
    Path config = copy.resolve("poolguard.yaml");
    String text = Files.readString(config);
    String withoutLoad = text.substring(0, text.indexOf("    database: orders-db")) + "\n";
    Files.writeString(config, withoutLoad);
    CliRun run = CliRun.inProcess(copy, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("error: spring.datasource.hikari.maximum-pool-size lowered to 10 (was 40")
        .contains("a cut of 75 %; add load: for orders-api in poolguard.yaml")
        .contains("[pool-max-reduced]");

    Files.writeString(
        config, withoutLoad + "rules:\n  pool-max-reduced: { errorAtReductionPercent: 80 }\n");
    CliRun raised = CliRun.inProcess(copy, "lint");
    assertThat(raised.exitCode()).as(raised.out()).isZero();
    assertThat(raised.out()).contains("warning: spring.datasource.hikari.maximum-pool-size");
    assertThat(CliRun.inProcess(copy, "lint", "--fail-on", "warning").exitCode()).isEqualTo(1);
  }

  @Test
  void initWritesAStarterConfigThatValidatesAndNeverOverwrites() throws IOException {
    Path copy = copy(ROOT.resolve("examples/incident"));
    Files.delete(copy.resolve("poolguard.yaml"));
    CliRun init = CliRun.inProcess(copy, "init");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(copy.resolve("poolguard.yaml"))
        .content()
        .contains(
            "orders-api:", "config: orders-api/src/main/resources", "peakRequestsPerSecond: TODO");
    assertThat(CliRun.inProcess(copy, "lint").exitCode()).isNotEqualTo(2);
    CliRun again = CliRun.inProcess(copy, "init");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists; use --force");
    assertThat(CliRun.inProcess(copy, "init", "--force").exitCode()).isZero();
  }

  private Path copy(Path source) throws IOException {
    Path target = dir.resolve(source.getFileName().toString());
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
