package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** -v, -q, help and one-line usage errors, in-process on the bundled example. */
class CliExperienceTest {

  static final Path ROOT = CliTest.EXAMPLES.getParent();

  @Test
  void verboseSaysWhatWasReadOnStderrOnly() {
    CliRun plain = CliRun.inProcess(ROOT, "lint", "examples/incident");
    CliRun verbose = CliRun.inProcess(ROOT, "lint", "-v", "examples/incident");
    assertThat(verbose.out()).isEqualTo(plain.out());
    assertThat(verbose.err())
        .contains("poolguard: service orders-api [prod] reads ")
        .contains("orders-api/src/main/resources/application-prod.yml")
        .contains("; deployed by examples/incident/deploy/orders-api.yaml");
  }

  @Test
  void quietPrintsFindingsWithoutTheSummary() {
    CliRun quiet = CliRun.inProcess(ROOT, "lint", "-q", "examples/incident");
    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.out()).contains("[pool-below-peak-demand]").doesNotContain("1 error,");
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    assertThat(CliRun.inProcess(ROOT, "lint", "--help").out())
        .contains("Examples:", "poolguard lint --staged", "Exit codes:");
    assertThat(CliRun.inProcess(ROOT, "--help").out())
        .contains("install-hook  Install a git pre-commit hook that runs lint --staged.");
  }

  @Test
  void usageErrorsAreOneLine() {
    CliRun run = CliRun.inProcess(ROOT, "lint", "--no-such-flag");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).endsWith("(see 'poolguard lint --help')\n");
  }
}
