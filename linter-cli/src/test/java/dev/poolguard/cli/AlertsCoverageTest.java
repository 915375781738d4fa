package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts `poolguard alerts` writes, kept in the repository, satisfy pool-alerts-missing; after
 * the pool is renamed they no longer select it, and lint says so at the pool-name line.
 */
class AlertsCoverageTest {

  @TempDir Path dir;

  @Test
  void writtenAlertsCoverThePoolUntilItIsRenamed() throws IOException {
    Path incident = dir.resolve("incident");
    Trees.copy(CliTest.EXAMPLES.resolve("incident"), incident);
    CliRun alerts = CliRun.inProcess(dir, "alerts", "incident", "-f", "rules");
    assertThat(alerts.exitCode()).as(alerts.err()).isZero();
    Files.createDirectories(incident.resolve("monitoring"));
    Files.writeString(incident.resolve("monitoring/pool-alerts.rules.yml"), alerts.out());

    CliRun covered = CliRun.inProcess(dir, "lint", "incident", "--fail-on", "never");
    assertThat(covered.out()).doesNotContain("[pool-alerts-missing]");

    Path app = incident.resolve("orders-api/src/main/resources/application.yml");
    Files.writeString(
        app, Files.readString(app).replace("pool-name: orders", "pool-name: orders-primary"));
    CliRun renamed = CliRun.inProcess(dir, "lint", "incident", "--fail-on", "never");

    assertThat(renamed.out())
        .contains(
            "incident/orders-api/src/main/resources/application.yml:9:18: warning: the alerts on"
                + " requests waiting for a connection select other pools by their pool label"
                + " (alert ")
        .contains("pool=\"orders\"), not orders-api's pool 'orders-primary'")
        .contains("the alerts on acquisition timeouts select other pools");
  }
}
