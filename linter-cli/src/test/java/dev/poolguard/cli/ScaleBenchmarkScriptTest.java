package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator of {@code benchmarks/scale.sh} (its {@code --generate-only} mode) and its parse
 * floor, so that the benchmark cannot rot: a 3-service tree is written by the script, linted by the
 * CLI as a real process, with and without a git baseline, and parsed by the floor program. Times
 * nothing.
 */
class ScaleBenchmarkScriptTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCRIPT = ROOT.resolve("benchmarks/scale.sh");
  static final Path FLOOR =
      ROOT.resolve("benchmarks/src/main/java/dev/poolguard/benchmarks/ParseFloor.java");

  @TempDir static Path scale;
  static Path tree;

  @BeforeAll
  static void generated() throws Exception {
    Tools.require("bash", "bash", "--version");
    Tools.require("git", "git", "--version");
    CliRun run =
        CliRun.command(
            ROOT,
            Map.of("SCALE_DIR", scale.toString(), "SIZES", "3"),
            List.of("bash", SCRIPT.toString(), "--generate-only"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    tree = scale.resolve("n3");
    assertThat(run.out()).contains(tree + ": 3 services, 10 YAML files");
  }

  @Test
  void everyServiceIsWiredToItsConfigManifestAndProfile() throws Exception {
    CliRun run = CliRun.process(tree, Map.of(), "lint", "-v", "--fail-on", "never", ".");
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (int i = 1; i <= 3; i++) {
      String resources = "svc-" + i + "/src/main/resources/";
      assertThat(run.err())
          .contains(
              "service svc-"
                  + i
                  + " [prod] reads "
                  + resources
                  + "application.yml, "
                  + resources
                  + "application-prod.yml; deployed by k8s/svc-"
                  + i
                  + ".yaml");
    }
    // The first service's pool is too small for its load, so the report is not empty.
    assertThat(run.out())
        .contains("k8s/svc-1.yaml:")
        .contains("[pool-below-peak-demand]")
        .contains("1 error, 0 warnings, 0 notes");
  }

  @Test
  void lintsAgainstTheTreesOwnGitCommit() throws Exception {
    CliRun run = CliRun.process(tree, Map.of(), "lint", "--baseline", "HEAD", ".");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("[pool-below-peak-demand]");
  }

  @Test
  void theParseFloorReadsEveryYamlFileOfTheTree() throws Exception {
    Path classes = Files.createDirectories(scale.resolve("floor-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("java.class.path");
    int compiled =
        javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, FLOOR.toString());
    assertThat(compiled).isZero();
    CliRun run =
        CliRun.command(
            tree,
            Map.of(),
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes + File.pathSeparator + classPath,
                "dev.poolguard.benchmarks.ParseFloor",
                tree.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    // poolguard.yaml, two Spring files per service, and a Deployment and an HPA per manifest.
    assertThat(run.out()).isEqualTo("10 YAML files, 13 documents parsed\n");
  }
}
