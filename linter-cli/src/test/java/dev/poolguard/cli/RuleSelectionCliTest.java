package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --enable} and {@code --disable}: they beat {@code rules:} in poolguard.yaml. */
class RuleSelectionCliTest {

  @TempDir Path dir;

  @BeforeEach
  void minimumIdleAboveThePool() throws IOException {
    Path app = dir.resolve("orders/src/main/resources/application.yml");
    Files.createDirectories(app.getParent());
    Files.writeString(
        app,
        "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
            + "      maximum-pool-size: 10\n      minimum-idle: 20\n");
  }

  @Test
  void disableSwitchesARuleOff() {
    assertThat(CliRun.inProcess(dir, "lint").out()).contains("[min-idle-exceeds-max]");
    CliRun run = CliRun.inProcess(dir, "lint", "--disable", "min-idle-exceeds-max");
    assertThat(run.out()).doesNotContain("[min-idle-exceeds-max]");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void enableBeatsOffInPoolguardYaml() throws IOException {
    Files.writeString(
        dir.resolve("poolguard.yaml"),
        "version: 1\nrules:\n  min-idle-exceeds-max: { severity: off }\n");
    assertThat(CliRun.inProcess(dir, "lint").out()).doesNotContain("[min-idle-exceeds-max]");
    CliRun run = CliRun.inProcess(dir, "lint", "--enable", "min-idle-exceeds-max");
    assertThat(run.out()).as(run.err()).contains("warning:", "[min-idle-exceeds-max]");
  }

  @Test
  void enableKeepsTheSeverityPoolguardYamlGives() throws IOException {
    Files.writeString(
        dir.resolve("poolguard.yaml"),
        "version: 1\nrules:\n  min-idle-exceeds-max: { severity: error }\n");
    CliRun run = CliRun.inProcess(dir, "lint", "--enable", "min-idle-exceeds-max");
    assertThat(run.out()).as(run.err()).contains("error:", "[min-idle-exceeds-max]");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aMistypedRuleIsRefusedWithDidYouMean() {
    CliRun run = CliRun.inProcess(dir, "lint", "--disable", "min-idle-exceed-max");
    assertThat(run.err())
        .contains("cannot disable rule 'min-idle-exceed-max': no such rule")
        .contains("did you mean 'min-idle-exceeds-max'?")
        .doesNotContain("Exception");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aRuleBothEnabledAndDisabledIsRefused() {
    CliRun run =
        CliRun.inProcess(
            dir, "lint", "--enable", "min-idle-exceeds-max", "--disable", "min-idle-exceeds-max");
    assertThat(run.err()).contains("both enabled and disabled");
    assertThat(run.exitCode()).isEqualTo(2);
  }
}
