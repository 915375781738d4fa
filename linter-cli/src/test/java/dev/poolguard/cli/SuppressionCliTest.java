package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline ignores, waivers and rule settings as the command line sees them. */
class SuppressionCliTest {

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void belowMinimum(String comment) throws IOException {
    write(
        "application.yml",
        "spring:\n  datasource:\n    hikari:\n      connection-timeout: 100" + comment + "\n");
  }

  @Test
  void anInlineIgnoreSuppressesUnlessStrict() throws IOException {
    belowMinimum("  # poolguard:ignore connection-timeout-below-minimum -- test rig, CHG-1");
    CliRun run = CliRun.inProcess(dir, "lint", "-v");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("connection-timeout-below-minimum");
    assertThat(run.err())
        .contains(
            "poolguard: suppressed application.yml:4:27 [connection-timeout-below-minimum] by"
                + " inline at application.yml:4:32: test rig, CHG-1");
    CliRun strict = CliRun.inProcess(dir, "lint", "--no-inline-ignores");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out())
        .contains("application.yml:4:27: error:", "[connection-timeout-below-minimum]")
        .doesNotContain("unused-suppression");
  }

  @Test
  void aWaiverHoldsThroughItsExpiryDayThenFails() throws IOException {
    belowMinimum("");
    write(
        "poolguard.yaml",
        "version: 1\nwaivers:\n  - rule: connection-timeout-below-minimum\n"
            + "    path: application.yml\n    reason: \"test rig, CHG-1\"\n    expires: 2026-12-15\n");
    assertThat(CliRun.inProcess(dir, "lint", "--today", "2026-12-15").exitCode()).isZero();
    CliRun late = CliRun.inProcess(dir, "lint", "--today", "2026-12-16");
    assertThat(late.exitCode()).isEqualTo(1);
    assertThat(late.out())
        .contains(
            "poolguard.yaml:3:5: error: waiver of connection-timeout-below-minimum (path"
                + " application.yml) expired on 2026-12-15 (today is 2026-12-16)",
            "[waiver-expired]",
            "application.yml:4:27: error:");
    // SOURCE_DATE_EPOCH (seconds) stands in for --today: 1797379200 is 2026-12-16T00:00Z.
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1797379200");
    assertThat(CliRun.inProcess(dir, env, "lint").out()).contains("today is 2026-12-16");
    assertThat(CliRun.inProcess(dir, env, "lint", "--today", "2026-12-01").exitCode()).isZero();
  }

  @Test
  void aBadDayIsExit2OnOneLine() throws IOException {
    belowMinimum("");
    CliRun flag = CliRun.inProcess(dir, "lint", "--today", "2026-02-30");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).hasLineCount(1).contains("--today", "YYYY-MM-DD", "2026-02-30");
    CliRun env = CliRun.inProcess(dir, Map.of("SOURCE_DATE_EPOCH", "soon"), "lint");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(env.err()).hasLineCount(1).contains("SOURCE_DATE_EPOCH", "soon");
  }

  @Test
  void waiversAndRuleSettingsMustNameRealRulesAndThresholds() throws IOException {
    belowMinimum("");
    write(
        "poolguard.yaml",
        "version: 1\nwaivers:\n  - rule: connection-timeout-below-minimun\n"
            + "    reason: \"x\"\n    expires: 2026-12-15\n");
    CliRun waiver = CliRun.inProcess(dir, "lint");
    assertThat(waiver.exitCode()).isEqualTo(2);
    assertThat(waiver.err())
        .hasLineCount(1)
        .contains(
            "poolguard.yaml:3:5: waivers: unknown rule id 'connection-timeout-below-minimun'"
                + " (did you mean 'connection-timeout-below-minimum'?)");
    write(
        "poolguard.yaml",
        "version: 1\nwaivers:\n  - rule: waiver-unused\n    reason: \"x\"\n    expires: 2026-12-15\n");
    assertThat(CliRun.inProcess(dir, "lint").err()).contains("cannot be waived");
    write("poolguard.yaml", "version: 1\nrules:\n  pool-utilisation-hi: { severity: note }\n");
    CliRun rule = CliRun.inProcess(dir, "lint");
    assertThat(rule.exitCode()).isEqualTo(2);
    assertThat(rule.err())
        .hasLineCount(1)
        .contains("poolguard.yaml:3:3", "did you mean 'pool-utilisation-high'?");
    write(
        "poolguard.yaml",
        "version: 1\nrules:\n  pool-utilisation-high:\n    maxUtilization: 0.7\n");
    CliRun threshold = CliRun.inProcess(dir, "lint");
    assertThat(threshold.exitCode()).isEqualTo(2);
    assertThat(threshold.err())
        .hasLineCount(1)
        .contains(
            "poolguard.yaml:4:5",
            "unknown threshold 'maxUtilization' (did you mean 'maxUtilisation'?)");
  }

  @Test
  void aSeverityOverrideAppliesToTheSuppressionRulesToo() throws IOException {
    belowMinimum("  # poolguard:ignore connection-timeout-below-minimum");
    assertThat(CliRun.inProcess(dir, "lint", "--fail-on", "warning").exitCode()).isEqualTo(1);
    write(
        "poolguard.yaml", "version: 1\nrules:\n  suppression-without-reason: { severity: off }\n");
    assertThat(CliRun.inProcess(dir, "lint", "--fail-on", "warning").exitCode()).isZero();
  }
}
