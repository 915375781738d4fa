package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident example with the postmortem's rollback problem introduced into a copy (the bundled
 * example and its goldens stay as they are): {@code revisionHistoryLimit: 0} is reported with the
 * line to fix.
 */
class IncidentRollbackTest {

  @TempDir Path dir;

  @Test
  void revisionHistoryLimitZeroInTheIncidentExampleIsReportedAtItsLine() throws IOException {
    Path incident = dir.resolve("incident");
    Trees.copy(CliTest.EXAMPLES.resolve("incident"), incident);
    Path manifest = incident.resolve("deploy/orders-api.yaml");
    String text = Files.readString(manifest);
    Files.writeString(
        manifest, text.replace("  replicas: 6\n", "  replicas: 6\n  revisionHistoryLimit: 0\n"));
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
        .contains("[no-rollback-target]");
  }
}
