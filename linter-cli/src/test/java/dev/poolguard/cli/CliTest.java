package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  /** The repository's bundled example, from the module folder the tests run in. */
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void withoutASubcommandPrintsHelpWithExitCodes() {
    CliRun run = CliRun.inProcess(dir);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("lint", "model", "Exit codes:", "could not");
  }

  @Test
  void lintsTheBundledExampleWithCompilerStyleLines() {
    CliRun run = CliRun.inProcess(EXAMPLES.getParent(), "lint", "examples/incident");
    assertThat(run.out())
        .containsPattern(
            "(?m)^examples/incident/orders-api/src/main/resources/application-prod\\.yml:\\d+:\\d+: warning: .+ \\[max-lifetime-invalid\\]$");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    write("application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    assertThat(CliRun.inProcess(dir, "lint").exitCode()).isZero();
    assertThat(CliRun.inProcess(dir, "lint", "--fail-on", "warning").exitCode()).isEqualTo(1);
    write("application.yml", "spring.datasource.hikari.connection-timeout: 100\n");
    assertThat(CliRun.inProcess(dir, "lint").exitCode()).isEqualTo(1);
    assertThat(CliRun.inProcess(dir, "lint", "--fail-on", "never").exitCode()).isZero();
  }

  @Test
  void parserCrashInputIsAFindingNotAStackTrace() throws Exception {
    write("application.yml", "!%e");
    CliRun run = CliRun.process(dir, Map.of(), "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("application.yml:1:1: error:", "[config-unparseable]");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void hundredThousandLevelsOfNestingIsAFinding() throws Exception {
    write("application.yml", "a:\n" + "[".repeat(100_000));
    write("config/application.yml", "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    CliRun run = CliRun.process(dir, Map.of(), "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("application.yml", "nesting", "[config-unparseable]");
    assertThat(run.err()).doesNotContain("StackOverflowError", "Exception");
  }

  @Test
  void missingPathIsExitTwoWithOneLine() throws Exception {
    CliRun run = CliRun.process(dir, Map.of(), "lint", "no/such/folder");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("poolguard: error: cannot read no/such/folder: no such file or directory");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void mistypedOptionsAndCommandsGetSuggestions() {
    CliRun option = CliRun.inProcess(dir, "lint", "--fial-on", "warning");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("(did you mean '--fail-on'?)");
    CliRun command = CliRun.inProcess(dir, "lnt");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).contains("(did you mean 'lint'?)");
    CliRun format = CliRun.inProcess(dir, "lint", "--format", "sarf");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("did you mean 'sarif'");
  }

  @Test
  void laterFlagsAreNotAcceptedBeforeTheyWork() {
    assertThat(CliRun.inProcess(dir, "lint", "--baseline", "HEAD").exitCode()).isEqualTo(2);
  }

  @Test
  void invalidPoolguardYamlNamesLineAndField() throws IOException {
    write("poolguard.yaml", "version: 1\nservics: {}\n");
    CliRun run = CliRun.inProcess(dir, "lint");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("poolguard.yaml:2:1", "servics", "did you mean 'services'");
  }

  @Test
  void writesSeveralFormatsIntoAFolder() throws IOException {
    write("application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    CliRun run = CliRun.inProcess(dir, "lint", "--format", "text,sarif", "--output", "reports");
    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("reports/poolguard.txt")).content().contains("[keepalive-ineffective]");
    assertThat(dir.resolve("reports/poolguard.sarif"))
        .content()
        .contains("\"ruleId\": \"keepalive-ineffective\"");
  }

  @Test
  void noColorWithoutATerminal() throws Exception {
    write("application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    CliRun run = CliRun.process(dir, Map.of("NO_COLOR", "1"), "lint");
    assertThat(run.out()).doesNotContain("\u001b[");
  }

  @Test
  void modelShowsValueOriginAndWhatItOverrode() throws IOException {
    write(
        "application.yml",
        "spring:\n  profiles.active: prod\n  datasource:\n    password: hunter2\n    hikari:\n      maximum-pool-size: 40\n");
    write("application-prod.yml", "spring.datasource.hikari.maximum-pool-size: 10\n");
    CliRun run = CliRun.inProcess(dir, "model");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern(
            "maximum-pool-size\\s+10\\s+application-prod\\.yml:1\\s+overrides 40 at application\\.yml:6")
        .contains("connection-timeout", "default")
        .doesNotContain("hunter2");
    CliRun json = CliRun.inProcess(dir, "model", "--format", "json");
    assertThat(json.out())
        .contains("\"modelVersion\"", "\"maximum-pool-size\"")
        .doesNotContain("hunter2");
  }

  @Test
  void debugShowsTheStackTraceOfAnError() {
    CliRun run = CliRun.inProcess(dir, "lint", "--debug", "missing");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("poolguard: error:");
  }
}
