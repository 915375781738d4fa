package dev.poolguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the loaders of untrusted config files. In a normal build they run in regression
 * mode over the seeds in {@code src/test/resources/.../ConfigLoaderFuzzTestInputs/}; {@code
 * scripts/fuzz.sh} runs them in fuzzing mode. Any exception or error escaping a loader is a bug:
 * bad input must end as a problem with a one-line message and a position in the file.
 */
class ConfigLoaderFuzzTest {

  // Small limits, so that the fuzzer reaches the size, depth and alias limits with short inputs.
  private static final Limits LIMITS = new Limits(64 * 1024, 100, 20, 10);

  @FuzzTest(maxDuration = "10m")
  void yamlLoaderNeverThrows(FuzzedDataProvider data) {
    check(
        ConfigLoader.loadBytes(
            data.consumeRemainingAsBytes(), "app.yml", ConfigFile.Format.YAML, LIMITS));
  }

  @FuzzTest(maxDuration = "10m")
  void propertiesLoaderNeverThrows(FuzzedDataProvider data) {
    check(
        ConfigLoader.loadBytes(
            data.consumeRemainingAsBytes(),
            "app.properties",
            ConfigFile.Format.PROPERTIES,
            LIMITS));
  }

  private static void check(ConfigFile file) {
    for (LoadProblem problem : file.problems()) {
      assertThat(problem.message()).doesNotContain("\n", "\r").isNotBlank();
      assertThat(problem.position().path()).isEqualTo(file.displayPath());
      assertThat(problem.position().line()).isPositive();
      assertThat(problem.position().column()).isPositive();
    }
    if (!file.parsed()) {
      assertThat(file.documents()).isEmpty();
    }
  }
}
