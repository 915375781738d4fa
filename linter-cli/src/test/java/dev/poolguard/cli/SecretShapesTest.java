package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-shapes corpus ({@code src/test/resources/secret-shapes}) plants a unique canary
 * ({@code Kq9x..Zp}) through every shape a secret can take: secret-like and near-miss keys, block
 * and flow scalars, a value on the next line, a YAML alias and a placeholder that carry a password
 * into other settings, URLs in every driver's form, JSON in an env value, JVM options, container
 * arguments, Kubernetes Secrets (block and flow), an embedded application.yml, unparseable YAML
 * whose error would quote the value, and a Quarkus service with property expressions and a named
 * datasource. No byte of any command's output, in any format, may show a canary, as written or
 * base64-encoded.
 */
class SecretShapesTest {

  private static final String MARK = "Kq9x";
  private static final Pattern CANARY = Pattern.compile("Kq9x[^\\s\"',}\\]]*?Zp");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");
  private static final List<String> FORMATS = dev.poolguard.core.report.Reporters.names();

  @TempDir static Path dir;
  private static Path tree;
  private static Path baselineTree;
  private static Set<String> forbidden;

  @BeforeAll
  static void plantTheCorpus() throws IOException, URISyntaxException {
    Path source = Path.of(SecretShapesTest.class.getResource("/secret-shapes").toURI());
    tree = dir.resolve("tree");
    copy(source, tree, text -> text);
    // A baseline whose secrets differ, so that every secret-derived setting shows as a change.
    baselineTree = dir.resolve("baseline-tree");
    copy(source, baselineTree, text -> text.replace("Zp", "Zq"));
    forbidden = new TreeSet<>();
    forbidden.add(MARK);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        Matcher m = CANARY.matcher(text);
        while (m.find()) {
          forbidden.add(encoded(m.group()));
          forbidden.add(encoded(m.group().replace("Zp", "Zq")));
        }
        // Secret data planted base64-encoded must not show as written either.
        Matcher b = BASE64.matcher(text);
        while (b.find()) {
          if (decodes(b.group()).contains(MARK)) {
            forbidden.add(b.group());
          }
        }
      }
    }
    assertThat(forbidden).hasSizeGreaterThan(60).contains(encoded("Kq9x37Zp"));
  }

  @Test
  void everyFormatOfLintMasksEveryShape() throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String format : FORMATS) {
      CliRun run = lint("-f", format);
      outputs.put("lint -f " + format, run.out() + run.err());
      assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
    }
    Path out = dir.resolve("reports");
    CliRun all = lint("-f", String.join(",", FORMATS), "-o", out.toString());
    assertThat(all.exitCode()).as(all.err()).isZero();
    outputs.put("lint -o", all.out() + all.err());
    outputs.putAll(files(out));
    assertNoCanary(outputs);

    String text = outputs.get("lint -f text");
    // The shapes were read and judged, not skipped: findings on the lines that carry them.
    assertThat(text)
        .contains("[unknown-pool-property]")
        .contains("[config-unparseable]")
        .contains("[pool-name-shown]")
        .contains("[invalid-pool-value]");
    assertThat(outputs.get("lint -f html")).contains("password: ******").contains("token: ******");
  }

  @Test
  void modelDiffAndSnapshotsMaskEveryShapeButNotPoolSettings() throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String format : List.of("text", "json")) {
      CliRun run = CliRun.inProcess(tree, "model", "-f", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs.put("model -f " + format, run.out() + run.err());
    }
    for (String format : List.of("text", "markdown", "json")) {
      CliRun run = CliRun.inProcess(tree, "diff", "-b", baselineTree.toString(), "-f", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs.put("diff -f " + format, run.out() + run.err());
    }
    Path snapshot = dir.resolve("snapshot.json");
    CliRun baseline = CliRun.inProcess(tree, "baseline", "-o", snapshot.toString(), "--force");
    assertThat(baseline.exitCode()).as(baseline.err()).isZero();
    outputs.put("baseline -o", baseline.out() + baseline.err());
    outputs.put("snapshot", Files.readString(snapshot));
    CliRun againstSnapshot =
        CliRun.inProcess(tree, "diff", "-b", snapshot.toString(), "-f", "json");
    outputs.put("diff -b snapshot", againstSnapshot.out() + againstSnapshot.err());
    Path out = dir.resolve("with-baseline");
    CliRun withBaseline =
        lint("-b", baselineTree.toString(), "-f", "json,markdown,html", "-o", out.toString());
    outputs.put("lint -b", withBaseline.out() + withBaseline.err());
    outputs.putAll(files(out));
    assertNoCanary(outputs);

    // Not over-masked: settings that are not secret still print, and so do secret references.
    assertThat(outputs.get("model -f text"))
        .contains("connection-timeout")
        .contains("2000")
        .contains("minimum-idle")
        .contains("jdbc:postgresql://app:******@db:5432/orders");
    // The alias carried the password into a setting that is not secret: the change shows, masked.
    assertThat(outputs.get("diff -f text")).contains("connection-init-sql: ****** (");
  }

  @Test
  void gitBaselinesAndTheIndexMaskEveryShape() throws Exception {
    Path repo = dir.resolve("repo");
    copy(baselineTree, repo, text -> text);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("baseline")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
      copy(tree, repo, text -> text);
      git.add().addFilepattern(".").call();
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (List<String> args :
        List.of(
            List.of("diff", "-b", "HEAD", "-f", "json"),
            List.of("diff", "-b", "HEAD", "-f", "markdown"),
            List.of("lint", "--fail-on", "never", "-b", "HEAD", "-f", "html"),
            List.of("lint", "--fail-on", "never", "--staged", "-b", "HEAD", "-f", "json"),
            List.of("model", "--staged", "-f", "json"))) {
      CliRun run = CliRun.inProcess(repo, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + run.err()).isZero();
      outputs.put(args.toString(), run.out() + run.err());
    }
    assertNoCanary(outputs);
    assertThat(outputs.get("[diff, -b, HEAD, -f, json]")).contains("connection-init-sql");
  }

  @Test
  void verboseAndDebugLogsMaskEveryShape() {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String flag : List.of("-v", "--debug")) {
      CliRun run = lint(flag, "-f", "text");
      outputs.put("lint " + flag, run.out() + run.err());
    }
    assertNoCanary(outputs);
    assertThat(outputs.get("lint -v")).contains("poolguard: service orders-api");
  }

  @Test
  void theRealProcessShowsNoCanaryOnAnyStream() throws IOException, InterruptedException {
    Map<String, String> outputs = new LinkedHashMap<>();
    CliRun lint =
        CliRun.process(
            tree, Map.of(), "lint", "-v", "--debug", "-f", "sarif", "--fail-on", "never");
    assertThat(lint.exitCode()).as(lint.err()).isZero();
    outputs.put("process lint", lint.out() + lint.err());
    CliRun model = CliRun.process(tree, Map.of(), "model", "-f", "json");
    outputs.put("process model", model.out() + model.err());
    assertNoCanary(outputs);
    assertThat(lint.out()).contains("******");
  }

  private static CliRun lint(String... args) {
    List<String> all = new ArrayList<>(List.of("lint", "--fail-on", "never"));
    all.addAll(List.of(args));
    return CliRun.inProcess(tree, all.toArray(String[]::new));
  }

  private static void assertNoCanary(Map<String, String> outputs) {
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      for (String secret : forbidden) {
        assertThat(e.getValue()).as(e.getKey() + " shows " + secret).doesNotContain(secret);
      }
    }
  }

  private static String decodes(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String encoded(String canary) {
    forbidden.add(canary);
    return Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static void copy(Path from, Path to, java.util.function.UnaryOperator<String> transform)
      throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        try (InputStream in = Files.newInputStream(f)) {
          Files.writeString(
              target, transform.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
  }
}
