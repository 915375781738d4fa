package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declarative rules from {@code customRules:} (CEL conditions), through the command line. */
class CustomRulesCliTest {

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void prodService(int poolMax) throws IOException {
    write(
        "orders/src/main/resources/application.yml",
        "spring:\n  application:\n    name: orders\n  profiles:\n    active: prod\n"
            + "  datasource:\n    url: jdbc:postgresql://db/orders\n    password: hunter2\n"
            + "    hikari:\n      maximum-pool-size: "
            + poolMax
            + "\n");
  }

  private void rule(String condition, String message) throws IOException {
    write(
        "poolguard.yaml",
        "version: 1\nservices:\n  orders:\n    replicas: 6\ncustomRules:\n"
            + "  - id: prod-pool-limit\n    severity: error\n"
            + "    message: \""
            + message
            + "\"\n    condition: '"
            + condition
            + "'\n");
  }

  @Test
  void aConditionThatHoldsIsAFindingAtTheFirstPoolValueItRead() throws IOException {
    prodService(80);
    rule(
        "service.profile == \"prod\" && pool.maximumPoolSize > 50",
        "{service.name}: pool {pool.maximumPoolSize} is above 50 in {service.profile}");
    CliRun run = CliRun.inProcess(dir, "lint");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "orders/src/main/resources/application.yml:10:26: error: orders: pool 80 is above 50"
                + " in prod [prod-pool-limit]");
    prodService(40);
    assertThat(CliRun.inProcess(dir, "lint").exitCode()).isZero();
  }

  @Test
  void customFindingsCanBeWaivedAndConfiguredLikeAnyRule() throws IOException {
    prodService(80);
    rule("pool.maximumPoolSize > 50 && service.replicas >= 6", "{service.replicas} pods of 80");
    Files.writeString(
        dir.resolve("poolguard.yaml"),
        Files.readString(dir.resolve("poolguard.yaml"))
            + "rules:\n  prod-pool-limit: { severity: note }\n");
    CliRun noted = CliRun.inProcess(dir, "lint");
    assertThat(noted.exitCode()).isZero();
    assertThat(noted.out()).contains("note: 6 pods of 80 [prod-pool-limit]");
    Files.writeString(
        dir.resolve("poolguard.yaml"),
        Files.readString(dir.resolve("poolguard.yaml"))
            + "waivers:\n  - rule: prod-pool-limit\n    reason: \"CHG-1\"\n"
            + "    expires: 2030-01-01\n");
    CliRun waived = CliRun.inProcess(dir, "lint", "--today", "2029-12-31");
    assertThat(waived.out()).doesNotContain("[prod-pool-limit]", "[waiver-unused]");
  }

  @Test
  void anInvalidConditionIsExit2WithItsLine() throws IOException {
    prodService(80);
    rule("pool.maximumPoolSize >", "x");
    CliRun parse = CliRun.inProcess(dir, "lint");
    assertThat(parse.exitCode()).isEqualTo(2);
    assertThat(parse.err())
        .hasLineCount(1)
        .startsWith(
            "poolguard: error: poolguard.yaml:9:16: customRules: prod-pool-limit:"
                + " condition column 23:");
    rule("pool.maximumPoolSize + 1", "x");
    assertThat(CliRun.inProcess(dir, "lint").err())
        .hasLineCount(1)
        .contains("poolguard.yaml:9:16", "expected type 'bool' but found 'int'");
    rule("pool.maximumPoolSise > 50", "x");
    assertThat(CliRun.inProcess(dir, "lint").err())
        .hasLineCount(1)
        .contains("pool has no field 'maximumPoolSise' (did you mean 'maximumPoolSize'?)");
    rule("pool.maximumPoolSize > 50", "{pool.maxPoolSize}");
    assertThat(CliRun.inProcess(dir, "lint").err())
        .contains("poolguard.yaml:8:5: customRules: prod-pool-limit: message: pool has no field");
  }

  @Test
  void secretsAreNoVariablesAndIdsStayUnique() throws IOException {
    prodService(80);
    rule("pool.password == \"hunter2\"", "x");
    CliRun secret = CliRun.inProcess(dir, "lint");
    assertThat(secret.exitCode()).isEqualTo(2);
    assertThat(secret.err()).contains("pool has no field 'password'").doesNotContain("hunter2'");
    write(
        "poolguard.yaml",
        "version: 1\ncustomRules:\n  - id: pool-max-reduced\n    severity: error\n"
            + "    message: x\n    condition: 'true'\n");
    CliRun clash = CliRun.inProcess(dir, "lint");
    assertThat(clash.exitCode()).isEqualTo(2);
    assertThat(clash.err())
        .hasLineCount(1)
        .contains("poolguard.yaml:3:5: customRules: id 'pool-max-reduced' is taken by the rule");
  }

  @Test
  void celIsLoadedOnlyWhenCustomRulesExist() throws Exception {
    prodService(80);
    assertThat(loadedClasses())
        .contains("dev.poolguard.core.engine.Linter")
        .doesNotContain("dev.cel.");
    rule("pool.maximumPoolSize > 50", "x");
    assertThat(loadedClasses()).contains("dev.cel.");
  }

  /** The class-loading log of a real lint process. */
  private String loadedClasses() throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:file=" + log);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("lint");
    command.add("orders");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log);
    Files.delete(log);
    return text;
  }
}
