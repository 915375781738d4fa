package dev.poolguard.benchmarks;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.result.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process cost of a generated monorepo once the JVM is warm: the model alone (discovery,
 * parsing, resolution) and the whole lint (plus capacity and rules). The tree comes from {@code
 * SIZES=1000 benchmarks/scale.sh --generate-only}; {@code -p tree=...} names another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScaleBenchmark {

  @Param({"benchmarks/.scale/n1000"})
  public String tree;

  private Linter linter;
  private LintRequest request;

  @Setup
  public void setUp() {
    Path root = Path.of(tree).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("poolguard.yaml"))) {
      throw new IllegalStateException(
          root + " has no poolguard.yaml: run SIZES=1000 benchmarks/scale.sh --generate-only");
    }
    linter = new Linter(RuleSet.load(ScaleBenchmark.class.getClassLoader()));
    request = new LintRequest(List.of(Path.of(".")), Optional.empty(), Optional.empty(), root);
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
