package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident example with the postmortem's other problems introduced into a copy (the bundled
 * example and its goldens stay as they are): {@code revisionHistoryLimit: 0} and a build without
 * Micrometer's Prometheus registry are both reported, each with the line to fix.
 */
class IncidentRollbackTest {

  @TempDir Path dir;

  @Test
  void revisionHistoryLimitZeroAndAMissingRegistryAreReportedAtTheirLines() throws IOException {
    Path incident = dir.resolve("incident");
    Trees.copy(CliTest.EXAMPLES.resolve("incident"), incident);
    Path manifest = incident.resolve("deploy/orders-api.yaml");
    String text = Files.readString(manifest);
    Files.writeString(
        manifest, text.replace("  replicas: 6\n", "  replicas: 6\n  revisionHistoryLimit: 0\n"));
    Path pom = incident.resolve("orders-api/pom.xml");
    String build = Files.readString(pom);
    String registry =
        "    <dependency>\n      <groupId>io.micrometer</groupId>\n"
            + "      <artifactId>micrometer-registry-prometheus</artifactId>\n    </dependency>\n";
    assertThat(build).contains(registry);
    Files.writeString(pom, build.replace(registry, ""));
    int dependencies =
        (int)
                build
                    .substring(0, build.indexOf("  <dependencies>"))
                    .chars()
                    .filter(c -> c == '\n')
                    .count()
            + 1;
    int line =
        (int)
                text.substring(0, text.indexOf("  replicas: 6\n"))
                    .chars()
                    .filter(c -> c == '\n')
                    .count()
            + 2;

    CliRun run = CliRun.inProcess(dir, "lint", "incident", "-f", "text");

    assertThat(run.out())
        .contains("deploy/orders-api.yaml:" + line)
        .contains("revisionHistoryLimit: 0")
        .contains("[no-rollback-target]")
        .contains(
            "incident/orders-api/pom.xml:"
                + dependencies
                + ":1: warning: orders-api's pool metrics are not published: incident/orders-api/pom.xml"
                + " declares no Micrometer registry (io.micrometer:micrometer-registry-prometheus)")
        .contains("[pool-not-observable]");
  }
}
