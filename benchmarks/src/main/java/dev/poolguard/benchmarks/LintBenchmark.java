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
 * The in-process cost of linting an example repository once the JVM is warm: what is left of a
 * command-line run after start-up (docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LintBenchmark {

  /** A folder under examples/, found from the working directory or above it. */
  @Param({"incident", "rollout-overflow"})
  public String example;

  private Linter linter;
  private LintRequest request;

  @Setup
  public void setUp() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("examples").resolve(example))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException(
          "run from the repository: examples/" + example + " not found");
    }
    linter = new Linter(RuleSet.load(LintBenchmark.class.getClassLoader()));
    request =
        new LintRequest(
            List.of(Path.of("examples", example)), Optional.empty(), Optional.empty(), root);
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
