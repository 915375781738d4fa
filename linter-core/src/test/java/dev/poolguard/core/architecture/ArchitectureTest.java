package dev.poolguard.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph of poolguard-core, one way only (docs/ARCHITECTURE.md draws it): files are
 * loaded ({@code config}) into the effective model ({@code model}); poolguard.yaml ({@code
 * project}) names services of that model; the capacity analysis and the baseline are worked out
 * from both; rules see them through the rule SPI; the engine runs the rules into results; reports
 * render results. A lower layer never reaches up.
 */
@AnalyzeClasses(
    packages = "dev.poolguard.core",
    importOptions = {ImportOption.DoNotIncludeTests.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Shared")
          .definedBy(
              "dev.poolguard.core", "dev.poolguard.core.text..", "dev.poolguard.core.secret..")
          .layer("Config")
          .definedBy("dev.poolguard.core.config..")
          .layer("Model")
          .definedBy("dev.poolguard.core.model..")
          .layer("Project")
          .definedBy("dev.poolguard.core.project..")
          .layer("Capacity")
          .definedBy("dev.poolguard.core.capacity..")
          .layer("Baseline")
          .definedBy("dev.poolguard.core.baseline..")
          .layer("RuleSpi")
          .definedBy("dev.poolguard.core.rule..")
          .layer("Result")
          .definedBy("dev.poolguard.core.result..")
          .layer("Custom")
          .definedBy("dev.poolguard.core.custom..")
          .layer("Docs")
          .definedBy("dev.poolguard.core.docs..")
          .layer("Engine")
          .definedBy("dev.poolguard.core.engine..")
          .layer("Report")
          .definedBy("dev.poolguard.core.report..")
          .layer("Testing")
          .definedBy("dev.poolguard.core.testing..")
          .whereLayer("Testing")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Report")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Docs")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Engine")
          .mayOnlyBeAccessedByLayers("Testing")
          .whereLayer("Custom")
          .mayOnlyBeAccessedByLayers("Engine")
          .whereLayer("Result")
          .mayOnlyBeAccessedByLayers("Engine", "Report", "Testing")
          .whereLayer("RuleSpi")
          .mayOnlyBeAccessedByLayers("Result", "Custom", "Docs", "Engine", "Report", "Testing")
          .whereLayer("Baseline")
          .mayOnlyBeAccessedByLayers("RuleSpi", "Result", "Engine", "Report")
          .whereLayer("Capacity")
          .mayOnlyBeAccessedByLayers("RuleSpi", "Result", "Engine", "Report")
          .whereLayer("Project")
          .mayOnlyBeAccessedByLayers("Capacity", "RuleSpi", "Result", "Custom", "Engine", "Report")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers(
              "Project",
              "Capacity",
              "Baseline",
              "RuleSpi",
              "Result",
              "Custom",
              "Engine",
              "Report",
              "Testing")
          .whereLayer("Config")
          .mayOnlyBeAccessedByLayers(
              "Model",
              "Project",
              "Capacity",
              "Baseline",
              "RuleSpi",
              "Result",
              "Custom",
              "Engine",
              "Report",
              "Testing");

  /** Every top-level package of core, sub-packages included, is free of cycles with the others. */
  @ArchTest
  static final ArchRule packagesFreeOfCycles =
      slices().matching("dev.poolguard.core.(*)..").should().beFreeOfCycles();

  /**
   * Every single package is free of cycles too: {@code model} holds a {@code model.workload} that
   * needs nothing of the model, and the Kubernetes readers in {@code model.kubernetes} build both.
   */
  @ArchTest
  static final ArchRule eachPackageFreeOfCycles =
      slices().matching("dev.poolguard.core.(**)").should().beFreeOfCycles();

  /** The core runs under the CLI, the Maven plugin and as a library: it knows none of them. */
  @ArchTest
  static final ArchRule noCliOrMavenTypes =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("picocli..", "org.apache.maven..", "dev.poolguard.cli..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.poolguard.maven..");

  /** Helm's native engine is reached through one package, which keeps its class loading in hand. */
  @ArchTest
  static final ArchRule helmJavaOnlyInModelHelm =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.poolguard.core.model.helm")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.marcnuri..", "com.sun.jna..");
}
