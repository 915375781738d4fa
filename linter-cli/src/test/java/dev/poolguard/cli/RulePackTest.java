package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule packs through {@code --rules-jar}: the example pack under examples/, built from source. */
class RulePackTest {

  static final Path EXAMPLE_PACK = CliTest.EXAMPLES.resolve("rule-pack");

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private void prodService(int poolMax) throws IOException {
    write(
        "tree/orders/src/main/resources/application.yml",
        "spring:\n  application:\n    name: orders\n  profiles:\n    active: prod\n"
            + "  datasource:\n    url: jdbc:postgresql://db/orders\n"
            + "    hikari:\n      maximum-pool-size: "
            + poolMax
            + "\n");
  }

  @Test
  void theExamplePackReportsThroughTheCommandLine() throws Exception {
    Path jar = RulePackJar.build(EXAMPLE_PACK, Files.createDirectories(dir.resolve("build")));
    prodService(80);
    CliRun run = CliRun.process(dir, Map.of(), "lint", "--rules-jar", jar.toString(), "tree");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "tree/orders/src/main/resources/application.yml:9:26: error:"
                + " spring.datasource.hikari.maximum-pool-size 80 exceeds the prod cap of 50"
                + " [prod-pool-cap]");
    assertThat(CliRun.process(dir, Map.of(), "lint", "tree").exitCode()).isZero();
    // A pack's thresholds and severity are configured like any rule's.
    write("tree/poolguard.yaml", "version: 1\nrules:\n  prod-pool-cap: { maxPoolSize: 100 }\n");
    CliRun raised = CliRun.process(dir, Map.of(), "lint", "--rules-jar", jar.toString(), "tree");
    assertThat(raised.exitCode()).as(raised.out() + raised.err()).isZero();
  }

  @Test
  void rulesAndExplainDescribeAPacksRules() throws Exception {
    Path jar = RulePackJar.build(EXAMPLE_PACK, Files.createDirectories(dir.resolve("build")));
    CliRun listed = CliRun.inProcess(dir, "rules", "--rules-jar", jar.toString());
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("prod-pool-cap").contains("pool-below-peak-demand");
    CliRun explained =
        CliRun.inProcess(
            dir, "explain", "prod-pool-cap", "--rules-jar", "build/" + jar.getFileName());
    assertThat(explained.exitCode()).as(explained.err()).isZero();
    assertThat(explained.out()).startsWith("prod-pool-cap");
    // Without the pack the id is unknown, as for any misspelt id.
    CliRun unknown = CliRun.inProcess(dir, "explain", "prod-pool-cap");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown rule id 'prod-pool-cap'");
  }

  @Test
  void aPackRuleIdThatClashesIsRefusedNamingBothSources() throws Exception {
    write(
        "clash/src/main/java/com/example/Clash.java",
        "package com.example;\n"
            + "public final class Clash implements dev.poolguard.core.rule.Rule {\n"
            + "  public dev.poolguard.core.rule.RuleInfo info() {\n"
            + "    return dev.poolguard.core.rule.RuleInfo.of(\"pool-max-reduced\", \"Clash\",\n"
            + "        dev.poolguard.core.rule.Severity.ERROR,\n"
            + "        java.util.Set.of(dev.poolguard.core.rule.RuleInfo.Need.CONFIG), \"r\", \"f\", \"e\");\n"
            + "  }\n"
            + "  public java.util.List<dev.poolguard.core.rule.Violation> check(\n"
            + "      dev.poolguard.core.rule.LintContext c) { return java.util.List.of(); }\n"
            + "}\n");
    write(
        "clash/src/main/resources/META-INF/services/dev.poolguard.core.rule.Rule",
        "com.example.Clash\n");
    Path jar = RulePackJar.build(dir.resolve("clash"), Files.createDirectories(dir.resolve("b")));
    prodService(10);
    CliRun run = CliRun.process(dir, Map.of(), "lint", "--rules-jar", jar.toString(), "tree");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .hasLineCount(1)
        .contains(
            "rule id 'pool-max-reduced' is defined twice",
            "dev.poolguard.rules.change.PoolMaxReduced (built-in)",
            "com.example.Clash (rule pack clash.jar)");
  }

  @Test
  void aMissingOrBrokenJarIsExit2() throws IOException {
    prodService(10);
    CliRun missing = CliRun.inProcess(dir, "lint", "--rules-jar", "nope.jar", "tree");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).hasLineCount(1).contains("--rules-jar", "nope.jar", "no such file");
    write("broken.jar", "not a zip");
    CliRun broken = CliRun.inProcess(dir, "lint", "--rules-jar", "broken.jar", "tree");
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).hasLineCount(1).contains("broken.jar", "cannot be read as a jar");
  }
}
