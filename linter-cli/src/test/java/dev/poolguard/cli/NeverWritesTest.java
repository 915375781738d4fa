package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * poolguard never writes into what it reads: the input tree's bytes, modification times and file
 * list are unchanged after every command with every option, and reports appear only where asked,
 * without temporary files left behind (SPEC 8).
 */
class NeverWritesTest {

  @TempDir Path dir;

  /** What a file is: its bytes (or "dir"/the link target) and its modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String what;
        if (Files.isSymbolicLink(p)) {
          what = "link " + Files.readSymbolicLink(p);
        } else if (Files.isDirectory(p)) {
          what = "dir";
        } else {
          what = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(p)));
        }
        state.put(
            root.relativize(p).toString(),
            what + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
      }
    }
    return state;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void noCommandWritesIntoItsInputsAndReportsGoOnlyWhereAsked() throws IOException {
    Path tree = dir.resolve("tree");
    Trees.copy(CliTest.EXAMPLES.resolve("incident"), tree);
    Files.writeString(
        tree.resolve("orders-api/src/main/resources/application-dev.properties"),
        "spring.datasource.hikari.maximum-pool-size=${POOL:3}\n");
    Files.createSymbolicLink(tree.resolve("link.yml"), Path.of("poolguard.yaml"));
    Path reports = dir.resolve("reports");
    Map<String, String> before = snapshot(tree);

    List<List<String>> runs =
        List.of(
            List.of("lint"),
            List.of("lint", "-v", "--debug", "--no-color", "--fail-on", "note", "."),
            List.of("lint", "-q", "--profile", "prod,dev", "--no-baseline"),
            List.of("lint", "-b", "baseline/poolguard-baseline.json", "-c", "poolguard.yaml"),
            List.of(
                "lint", "--max-file-bytes", "100", "--max-yaml-depth", "2", "--max-aliases", "0"),
            List.of(
                "lint",
                "-f",
                String.join(",", dev.poolguard.core.report.Reporters.names()),
                "-o",
                reports.toString()),
            List.of("lint", "-f", "sarif", "-o", reports.resolve("one.sarif").toString()),
            List.of("model"),
            List.of("model", "-f", "json", "-v", "--profile", "dev"),
            List.of("diff"),
            List.of("diff", "-f", "markdown", "-b", "baseline/poolguard-baseline.json"),
            List.of("diff", "-f", "json", "--max-files", "100"),
            List.of("baseline", "-o", reports.resolve("snapshot.json").toString()),
            List.of("explain", "pool-below-peak-demand"),
            List.of("rules", "-f", "markdown"));
    for (List<String> args : runs) {
      CliRun run = CliRun.inProcess(tree, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + ": " + run.err()).isBetween(0, 1);
      assertThat(snapshot(tree)).as("the inputs after " + args).isEqualTo(before);
    }

    List<String> written;
    try (Stream<Path> all = Files.list(reports)) {
      written = all.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> expected = new java.util.ArrayList<>();
    dev.poolguard.core.report.Reporters.all().forEach(r -> expected.add(r.fileName()));
    expected.add("one.sarif");
    expected.add("snapshot.json");
    // Exactly the reports asked for: no temporary files from the atomic writes.
    assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
  }
}
