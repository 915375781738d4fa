package dev.poolguard.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The built-in rules see a run only through the rule SPI: the model, poolguard.yaml, the capacity
 * analysis and the baseline that {@code LintContext} hands them. They read no file and open no
 * connection: every input is loaded, with its position and its problems, before a rule runs.
 */
@AnalyzeClasses(
    packages = "dev.poolguard.rules",
    importOptions = {ImportOption.DoNotIncludeTests.class})
class RulesArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheSpiAndWhatItHandsOut =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.poolguard.core.engine..",
              "dev.poolguard.core.report..",
              "dev.poolguard.core.result..",
              "dev.poolguard.core.custom..",
              "dev.poolguard.core.docs..",
              "dev.poolguard.core.testing..",
              "dev.poolguard.cli..",
              "dev.poolguard.maven..");

  @ArchTest
  static final ArchRule noFilesOrNetwork =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(
              java.io.File.class,
              java.io.FileInputStream.class,
              java.io.FileOutputStream.class,
              java.io.FileReader.class,
              java.io.FileWriter.class,
              java.io.RandomAccessFile.class);

  @ArchTest
  static final ArchRule rulePackagesFreeOfCycles =
      slices().matching("dev.poolguard.rules.(*)..").should().beFreeOfCycles();
}
