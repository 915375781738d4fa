package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolguard alerts} output checked by the real {@code promtool} (Debian package {@code
 * prometheus}): the rules are valid, and the unit tests in {@code alerts/*-test.yaml} show each
 * alert firing on an exhausted pool and staying quiet on a healthy one.
 */
class PromtoolAlertsTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path dir;

  @BeforeEach
  void promtoolIsInstalled() {
    Tools.require("promtool (Debian package prometheus)", "promtool", "--version");
  }

  @Test
  void thePrometheusRuleOfTheIncidentExamplePassesPromtoolCheckRules() throws Exception {
    CliRun run =
        CliRun.process(EXAMPLES, Map.of(), "alerts", "incident", "--label", "release=prometheus");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n")
        .contains("    \"release\": \"prometheus\"\n");
    // promtool reads rules files; the operator reads the same groups from spec.
    Path rules = dir.resolve("spec.yaml");
    Files.writeString(rules, specOf(run.out()));
    CliRun check = promtool("check", "rules", rules.toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("SUCCESS: 4 rules found");
  }

  @Test
  void incidentAlertsFireOnAnExhaustedPoolAndStayQuietOnAHealthyOne() throws Exception {
    CliRun run = CliRun.process(EXAMPLES, Map.of(), "alerts", "incident", "--format", "rules");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertPromtoolTestPasses(run.out(), "incident-rules.yaml", "incident-alerts-test.yaml");
  }

  @Test
  void agroalAlertsFireOnAnExhaustedPoolAndStayQuietOnAHealthyOne() throws Exception {
    Path service = dir.resolve("project/inventory/src/main/resources");
    Files.createDirectories(service);
    Files.writeString(
        service.resolve("application.properties"),
        "quarkus.datasource.db-kind=postgresql\n"
            + "quarkus.datasource.jdbc.url=jdbc:postgresql://db/inventory\n"
            + "quarkus.datasource.jdbc.max-size=16\n");
    CliRun run = CliRun.process(dir.resolve("project"), Map.of(), "alerts", ".", "-f", "rules");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("agroal_awaiting_count{datasource=\\\"default\\\"}");
    assertPromtoolTestPasses(run.out(), "agroal-rules.yaml", "agroal-alerts-test.yaml");
  }

  private void assertPromtoolTestPasses(String rules, String rulesName, String testName)
      throws Exception {
    Files.writeString(dir.resolve(rulesName), rules);
    Path test = dir.resolve(testName);
    Files.writeString(test, resource("alerts/" + testName));
    CliRun check = promtool("check", "rules", dir.resolve(rulesName).toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    CliRun unit = promtool("test", "rules", test.toString());
    assertThat(unit.exitCode()).as(unit.out() + unit.err()).isZero();
    assertThat(unit.out()).contains("SUCCESS");
  }

  private CliRun promtool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    return CliRun.command(dir, Map.of(), command);
  }

  /**
   * The {@code spec.groups} of a PrometheusRule as a rules file: the lines under spec, dedented.
   */
  static String specOf(String prometheusRule) {
    String spec = prometheusRule.substring(prometheusRule.indexOf("\nspec:\n") + 7);
    return spec.lines().map(l -> l.substring(2)).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            PromtoolAlertsTest.class.getClassLoader().getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
