package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are legal but awkward, each with the behaviour docs/SECURITY.md documents, and the
 * limit flags. The hostile ones, which need a real process, are in {@link HostileInputTest}.
 */
class AwkwardInputTest {

  private static final String KEEPALIVE = "spring.datasource.hikari.keepalive-time: 10000";

  @TempDir Path dir;

  private void write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static byte[] concat(byte[] prefix, byte[] body) {
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }

  private CliRun lint(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "lint";
    all[1] = "--fail-on";
    all[2] = "warning";
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.inProcess(dir, all);
  }

  @Test
  void byteOrderMarksAreReadAndPositionsStayExact() throws IOException {
    String text = "# a comment\n" + KEEPALIVE + "\n";
    write(
        "utf8/application.yml",
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            text.getBytes(StandardCharsets.UTF_8)));
    write(
        "le/application.yml",
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
    write(
        "be/application.properties",
        concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            "# c\nspring.datasource.hikari.keepalive-time=10000\n"
                .getBytes(StandardCharsets.UTF_16BE)));
    CliRun run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("utf8/application.yml:2:42: warning:")
        .contains("le/application.yml:2:42: warning:")
        .contains("be/application.properties:2:41: warning:");
  }

  @Test
  void crlfNoTrailingNewlineAndEmptyFiles() throws IOException {
    write(
        "crlf/application.yml",
        ("a: 1\r\n\r\n" + KEEPALIVE + "\r\n").getBytes(StandardCharsets.UTF_8));
    write(
        "cr/application.properties",
        "a=1\rspring.datasource.hikari.keepalive-time=10000".getBytes(StandardCharsets.UTF_8));
    write("nonl/application.yml", KEEPALIVE.getBytes(StandardCharsets.UTF_8));
    write("empty/application.yml", new byte[0]);
    write("empty/application.properties", new byte[0]);
    CliRun run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("crlf/application.yml:3:42: warning:")
        .contains("cr/application.properties:2:41: warning:")
        .contains("nonl/application.yml:1:42: warning:")
        .doesNotContain("empty/")
        .contains("in 5 files");
  }

  @Test
  void veryLongLinesWithinTheLimitAreRead() throws IOException {
    String longValue = "x".repeat(4 << 20);
    write(
        "application.yml",
        ("a: " + longValue + "\n" + KEEPALIVE + "\n").getBytes(StandardCharsets.UTF_8));
    write("application.properties", ("b=" + longValue + "\n").getBytes(StandardCharsets.UTF_8));
    CliRun run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("application.yml:2:42: warning:").doesNotContain("unparseable");
  }

  @Test
  void limitFlagsBeatPoolguardYamlAndAreChecked() throws IOException {
    write(
        "poolguard.yaml",
        "version: 1\nlimits: {maxYamlDepth: 2, maxAliases: 0}\n".getBytes(StandardCharsets.UTF_8));
    write("application.yml", "a: &x {b: {c: 1}}\nd: *x\n".getBytes(StandardCharsets.UTF_8));
    CliRun configured = lint();
    assertThat(configured.out())
        .contains("application.yml:1:")
        .contains("nesting deeper than 2 levels (limits.maxYamlDepth)");
    CliRun deeper = lint("--max-yaml-depth", "10");
    assertThat(deeper.out()).contains("more than 0 aliases in one document (limits.maxAliases)");
    assertThat(lint("--max-yaml-depth", "10", "--max-aliases", "5").out())
        .doesNotContain("unparseable");
    for (String[] command :
        new String[][] {{"model"}, {"diff", "-b", "."}, {"baseline", "-o", "x.json"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 2);
      args[command.length] = "--max-files";
      args[command.length + 1] = "0";
      CliRun bad = CliRun.inProcess(dir, args);
      assertThat(bad.exitCode()).as(command[0]).isEqualTo(2);
      assertThat(bad.err().strip())
          .as(command[0])
          .isEqualTo("poolguard: error: --max-files must be at least 1, not 0");
    }
    assertThat(
            CliRun.inProcess(dir, "model", "--max-yaml-depth", "10", "--max-aliases", "5")
                .exitCode())
        .isZero();
    assertThat(dir.resolve("x.json")).doesNotExist();
  }

  @Test
  void helpDocumentsTheLimitsAndTheirDefaults() {
    CliRun help = CliRun.inProcess(dir, "lint", "--help");
    assertThat(help.out())
        .contains("--max-file-bytes=N", "10485760")
        .contains("--max-files=N", "20000")
        .contains("--max-yaml-depth=N", "200")
        .contains("--max-aliases=N", "100");
  }
}
