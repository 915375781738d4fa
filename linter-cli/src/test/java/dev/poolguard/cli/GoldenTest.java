package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.report.Reporters;
import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output poolguard writes, byte for byte, for the bundled examples, the example rule pack and
 * the public corpus: a restructuring must leave all of them unchanged. The goldens live in {@code
 * src/test/resources/goldens}; after an intended change of output, regenerate them with {@code mvn
 * -pl linter-cli -am test -Dtest=GoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpoolguard.goldens.update=true} and review the diff.
 */
class GoldenTest {

  static final Path EXAMPLES = CliTest.EXAMPLES;
  static final Path GOLDENS = Path.of("src", "test", "resources", "goldens");
  static final boolean UPDATE = Boolean.getBoolean("poolguard.goldens.update");

  @TempDir Path dir;

  /**
   * A copy of examples/ outside any git repository: reports name the commit a run judged, and the
   * goldens must not change with every commit of this repository.
   */
  private Path root() throws IOException {
    Path root = dir.resolve("checkout");
    Trees.copy(EXAMPLES, root.resolve("examples"));
    return root;
  }

  @Test
  void incident() throws IOException {
    SortedMap<String, String> outputs = new TreeMap<>();
    Path root = root();
    runs(outputs, "incident", root, "examples/incident");
    diffs(outputs, "incident", root, "examples/incident", List.of());
    compare("incident", outputs);
  }

  @Test
  void rolloutOverflow() throws IOException {
    SortedMap<String, String> outputs = new TreeMap<>();
    runs(outputs, "rollout-overflow", root(), "examples/rollout-overflow");
    // No baseline ships with this example: record one of a copy of the tree and diff against it.
    Path copy = dir.resolve("examples/rollout-overflow");
    Trees.copy(EXAMPLES.resolve("rollout-overflow"), copy);
    CliRun baseline =
        CliRun.inProcess(dir, "baseline", "-o", "snapshot.json", "examples/rollout-overflow");
    outputs.put("baseline.exit", baseline.exitCode() + "\n" + baseline.err());
    outputs.put(
        "baseline.json", Files.readString(dir.resolve("snapshot.json"), StandardCharsets.UTF_8));
    Path billing = copy.resolve("billing-api/src/main/resources/application.yml");
    Files.writeString(
        billing,
        Files.readString(billing).replace("maximum-pool-size: 30", "maximum-pool-size: 12"));
    Path deploy = copy.resolve("deploy/orders-api.yaml");
    Files.writeString(deploy, Files.readString(deploy).replace("maxSurge: 25%", "maxSurge: 2"));
    diffs(
        outputs,
        "rollout-overflow",
        dir,
        "examples/rollout-overflow",
        List.of("--baseline", "snapshot.json"));
    compare("rollout-overflow", outputs);
  }

  @Test
  void rulePack() throws Exception {
    Path jar =
        RulePackJar.build(RulePackTest.EXAMPLE_PACK, Files.createDirectories(dir.resolve("build")));
    Path tree = dir.resolve("tree");
    Path application = tree.resolve("orders/src/main/resources/application.yml");
    Files.createDirectories(application.getParent());
    Files.writeString(
        application,
        "spring:\n  application:\n    name: orders\n  profiles:\n    active: prod\n"
            + "  datasource:\n    url: jdbc:postgresql://db/orders\n"
            + "    hikari:\n      maximum-pool-size: 80\n");
    SortedMap<String, String> outputs = new TreeMap<>();
    runs(outputs, "tree", dir, "tree", "--rules-jar", jar.toString());
    runs(outputs, "incident", root(), "examples/incident", "--rules-jar", jar.toString());
    compare("rule-pack", outputs);
  }

  @Test
  void publicCorpus() throws IOException {
    Optional<Path> corpus = SharedResources.locate("corpus/real");
    Assumptions.assumeTrue(corpus.isPresent(), SharedResources.skipMessage("corpus/real"));
    Path shared = corpus.get().getParent().getParent();
    SortedMap<String, String> outputs = new TreeMap<>();
    runs(outputs, "corpus", shared, "corpus/real");
    compare("corpus", outputs);
  }

  /** {@code lint} in every format and {@code model} in both, recorded under {@code name}. */
  private static void runs(
      SortedMap<String, String> outputs,
      String name,
      Path workingDirectory,
      String path,
      String... extra) {
    for (String format : Reporters.names()) {
      recordWith(
          outputs, name + ".lint." + format, workingDirectory, "lint", "-f", format, path, extra);
    }
    for (String format : List.of("text", "json")) {
      recordWith(outputs, name + ".model." + format, workingDirectory, "model", "-f", format, path);
    }
  }

  private static void diffs(
      SortedMap<String, String> outputs,
      String name,
      Path workingDirectory,
      String path,
      List<String> baseline) {
    for (String format : List.of("text", "markdown", "json")) {
      List<String> args = new ArrayList<>(List.of("diff", "-f", format));
      args.addAll(baseline);
      args.add(path);
      record(outputs, name + ".diff." + format, workingDirectory, args.toArray(String[]::new));
    }
  }

  private static void recordWith(
      SortedMap<String, String> outputs,
      String key,
      Path workingDirectory,
      String command,
      String flag,
      String format,
      String path,
      String... extra) {
    List<String> args = new ArrayList<>(List.of(command, flag, format));
    args.addAll(List.of(extra));
    args.add(path);
    record(outputs, key, workingDirectory, args.toArray(String[]::new));
  }

  private static void record(
      SortedMap<String, String> outputs, String key, Path workingDirectory, String... args) {
    CliRun run = CliRun.inProcess(workingDirectory, args);
    // SARIF names the folder it ran in; the goldens must not depend on where the checkout is.
    String here = workingDirectory.toAbsolutePath().toUri().toString();
    outputs.put(key, run.out().replace(here, "file:///RUN-FOLDER/"));
    outputs.put(key + ".exit", run.exitCode() + "\n" + run.err());
  }

  /** Compares (or, in update mode, rewrites) the goldens of one subject, stale files included. */
  private static void compare(String subject, SortedMap<String, String> outputs)
      throws IOException {
    Path folder = GOLDENS.resolve(subject);
    if (UPDATE) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> old = Files.walk(folder)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(folder);
      for (var e : outputs.entrySet()) {
        Files.writeString(folder.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(folder)
        .as("goldens of %s missing: record them with -Dpoolguard.goldens.update=true", subject)
        .isDirectory();
    List<String> recorded;
    try (Stream<Path> files = Files.list(folder)) {
      recorded = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(recorded).as("golden files of %s", subject).isEqualTo(List.copyOf(outputs.keySet()));
    for (var e : outputs.entrySet()) {
      String golden = Files.readString(folder.resolve(e.getKey()), StandardCharsets.UTF_8);
      assertThat(e.getValue()).as("%s/%s", subject, e.getKey()).isEqualTo(golden);
    }
  }
}
