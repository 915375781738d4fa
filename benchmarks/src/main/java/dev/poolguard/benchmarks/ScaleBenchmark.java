package dev.poolguard.benchmarks;

import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.report.ReportOptions;
import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.report.Reporters;
import dev.poolguard.core.result.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process cost of a generated monorepo once the JVM is warm, stage by stage: {@code load}
 * (reading and parsing every YAML file), {@code model} (discovery, parsing, resolution), {@code
 * lint} (the model plus capacity and rules) and {@code report} (every report format of one lint
 * result). Resolution is {@code model} minus {@code load}, capacity and rules {@code lint} minus
 * {@code model}. The tree comes from {@code SIZES=1000 benchmarks/scale.sh --generate-only}; {@code
 * -p tree=...} names another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScaleBenchmark {

  @Param({"benchmarks/.scale/n1000"})
  public String tree;

  private Linter linter;
  private LintRequest request;
  private List<Path> yamlFiles;
  private LintResult result;

  @Setup
  public void setUp() {
    Path root = Path.of(tree).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("poolguard.yaml"))) {
      throw new IllegalStateException(
          root + " has no poolguard.yaml: run SIZES=1000 benchmarks/scale.sh --generate-only");
    }
    linter = new Linter(RuleSet.load(ScaleBenchmark.class.getClassLoader()));
    request = new LintRequest(List.of(Path.of(".")), Optional.empty(), Optional.empty(), root);
    try (Stream<Path> files = Files.walk(root)) {
      yamlFiles =
          files
              .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result = linter.lint(request);
  }

  @Benchmark
  public int load() {
    int documents = 0;
    for (Path file : yamlFiles) {
      documents += ConfigLoader.load(file, file.toString(), Limits.DEFAULT).documents().size();
    }
    return documents;
  }

  @Benchmark
  public long report() throws IOException {
    ReportOptions options =
        new ReportOptions(
            "0", request.workingDirectory().toUri().toString(), Optional.empty(), false);
    long chars = 0;
    for (Reporter reporter : Reporters.all()) {
      StringWriter out = new StringWriter();
      reporter.write(result, options, out);
      chars += out.getBuffer().length();
    }
    return chars;
  }

  @Benchmark
  public LintResult lint() {
    return linter.lint(request);
  }

  @Benchmark
  public DeploymentModel model() {
    return linter.model(request);
  }
}
