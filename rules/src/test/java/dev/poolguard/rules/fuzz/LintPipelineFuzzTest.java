package dev.poolguard.rules.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.poolguard.core.LintException;
import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.report.ModelReport;
import dev.poolguard.core.report.ReportOptions;
import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.report.Reporters;
import dev.poolguard.core.result.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target for the whole pipeline: discovery, loading, the Spring, Quarkus, Micronaut,
 * Kubernetes and docker-compose models, every rule and every report format. An input is a small
 * service tree: its parts, separated by lines of {@code %%%%}, become the files named in {@link
 * #FILES}. Nothing may escape but a {@link LintException} with one line (an invalid {@code
 * poolguard.yaml}).
 */
class LintPipelineFuzzTest {

  /** The roles of the input's parts, in order. */
  static final List<String> FILES =
      List.of(
          "svc/src/main/resources/application.yml",
          "svc/src/main/resources/application-prod.properties",
          "deploy/svc.yaml",
          "poolguard.yaml",
          "compose.yaml");

  private static final byte[] SEPARATOR = "\n%%%%\n".getBytes(StandardCharsets.US_ASCII);
  private static final Linter LINTER =
      new Linter(RuleSet.load(LintPipelineFuzzTest.class.getClassLoader()));
  private static final Path TREE = tempTree();

  private static Path tempTree() {
    try {
      Path tree = Files.createTempDirectory("poolguard-fuzz-tree");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tree)));
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void lintNeverCrashes(byte[] input) throws IOException {
    List<byte[]> parts = split(input);
    for (int i = 0; i < FILES.size(); i++) {
      Path file = TREE.resolve(FILES.get(i));
      Files.createDirectories(file.getParent());
      if (i < parts.size() && (i < 3 || parts.get(i).length > 0)) {
        Files.write(file, parts.get(i));
      } else {
        Files.deleteIfExists(file);
      }
    }
    LintResult result;
    try {
      result = LINTER.lint(LintRequest.of(TREE, List.of(TREE)));
    } catch (LintException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r").doesNotStartWith("internal error");
      return;
    }
    ReportOptions options =
        new ReportOptions("0", TREE.toUri().toString(), Optional.empty(), false);
    for (Reporter reporter : Reporters.all()) {
      reporter.write(result, options, new StringWriter());
    }
    ModelReport.text(result.model());
    ModelReport.json(result.model());
  }

  private static void delete(Path root) {
    try (java.util.stream.Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  static List<byte[]> split(byte[] input) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + SEPARATOR.length <= input.length && parts.size() < FILES.size() - 1; i++) {
      if (Arrays.equals(input, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
        parts.add(Arrays.copyOfRange(input, start, i + 1));
        start = i + SEPARATOR.length;
        i = start - 1;
      }
    }
    parts.add(Arrays.copyOfRange(input, start, input.length));
    return parts;
  }
}
