package dev.poolguard.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules bite: the core's own classes plus a test-only probe that adds one
 * forbidden import fail them, naming the probe. (Without the probes the same rules pass, in {@link
 * ArchitectureTest}.)
 */
class ForbiddenImportTest {

  private static final ImportOption MAIN_AND_PROBES =
      location ->
          new ImportOption.DoNotIncludeTests().includes(location)
              || location.contains("ArchitectureProbe");

  private static final JavaClasses CORE_AND_PROBES =
      new ClassFileImporter()
          .withImportOption(MAIN_AND_PROBES)
          .importPackages("dev.poolguard.core");

  @Test
  void aLoaderReachingUpToTheReportsBreaksTheLayersAndMakesACycle() {
    assertFails(ArchitectureTest.layers.evaluate(CORE_AND_PROBES), "config.ArchitectureProbe");
    assertFails(
        ArchitectureTest.packagesFreeOfCycles.evaluate(CORE_AND_PROBES),
        "config.ArchitectureProbe");
  }

  @Test
  void aWorkloadNamingTheModelMakesAPackageLoop() {
    assertFails(
        ArchitectureTest.eachPackageFreeOfCycles.evaluate(CORE_AND_PROBES),
        "model.workload.ArchitectureProbe");
  }

  private static void assertFails(EvaluationResult result, String probe) {
    assertThat(result.hasViolation()).as("violations found").isTrue();
    assertThat(result.getFailureReport().toString()).contains(probe);
  }
}
