package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code poolguard.yaml}, {@code poolguard.yml}, {@code .poolguard.yaml}, {@code .poolguard.yml}.
 */
class ConfigNamesTest {

  /** A warning that the config raises to an error: the exit code shows the config was read. */
  private static final String RAISE =
      "version: 1\nrules:\n  keepalive-ineffective:\n    severity: error\n";

  @TempDir Path dir;

  private void project() throws IOException {
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"), "spring.datasource.hikari.keepalive-time: 10000\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"poolguard.yaml", "poolguard.yml", ".poolguard.yaml", ".poolguard.yml"})
  void everyNameIsReadFromBelow(String name) throws IOException {
    project();
    assertThat(CliRun.inProcess(dir, "lint", "orders").exitCode()).isZero();
    Files.writeString(dir.resolve(name), RAISE);
    CliRun run = CliRun.inProcess(dir, "lint", "orders");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("error:", "[keepalive-ineffective]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"poolguard.yml", ".poolguard.yaml", ".poolguard.yml"})
  void twoNamesInOneFolderIsExitTwoNamingBoth(String name) throws Exception {
    project();
    Files.writeString(dir.resolve("poolguard.yaml"), RAISE);
    Files.writeString(dir.resolve(name), RAISE);
    CliRun run = CliRun.process(dir, java.util.Map.of(), "lint", "orders");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .hasLineCount(1)
        .startsWith("poolguard: error: two poolguard config files in ")
        .contains("poolguard.yaml and " + name + "; keep one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"poolguard.yml", ".poolguard.yaml"})
  void initSeesAnyNameAndForceOverwritesThatFile(String name) throws IOException {
    project();
    Files.writeString(dir.resolve(name), RAISE);
    CliRun refused = CliRun.inProcess(dir, "init");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(name + " exists; use --force");
    assertThat(dir.resolve(name)).hasContent(RAISE);

    assertThat(CliRun.inProcess(dir, "init", "--force").exitCode()).isZero();
    assertThat(dir.resolve("poolguard.yaml")).doesNotExist();
    assertThat(dir.resolve(name)).content().contains("version: 1", "services:");
  }
}
