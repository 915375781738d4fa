package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spring Boot line a build declares, and what poolguard model says about it. */
class BootLinesTest {

  @Test
  void mavenParentBomPropertyAndDependency() {
    assertThat(
            BootLines.declared(
                "<parent><groupId>org.springframework.boot</groupId>"
                    + "<artifactId>spring-boot-starter-parent</artifactId>"
                    + "<version>3.5.7</version></parent>",
                true))
        .contains("3.5.7");
    assertThat(
            BootLines.declared(
                "<properties><spring-boot.version>4.0.1</spring-boot.version></properties>"
                    + "<dependency><groupId>org.springframework.boot</groupId>"
                    + "<artifactId>spring-boot-dependencies</artifactId>"
                    + "<version>${spring-boot.version}</version></dependency>",
                true))
        .contains("4.0.1");
    assertThat(
            BootLines.declared(
                "<dependency>\n  <groupId>org.springframework.boot</groupId>\n"
                    + "  <artifactId>spring-boot-starter-jdbc</artifactId>\n"
                    + "  <version>3.4.2</version>\n</dependency>",
                true))
        .contains("3.4.2");
    assertThat(BootLines.declared("<parent><artifactId>acme</artifactId></parent>", true))
        .isEmpty();
  }

  @Test
  void gradlePluginBomAndProperty() {
    assertThat(
            BootLines.declared("plugins { id 'org.springframework.boot' version '3.5.6' }", false))
        .contains("3.5.6");
    assertThat(
            BootLines.declared(
                "plugins {\n  id(\"org.springframework.boot\") version \"4.0.0\"\n}", false))
        .contains("4.0.0");
    assertThat(
            BootLines.declared(
                "implementation(platform(\"org.springframework.boot:spring-boot-dependencies:4.0.2\"))",
                false))
        .contains("4.0.2");
    assertThat(BootLines.declared("ext { springBootVersion = '3.5.0' }", false)).contains("3.5.0");
  }

  @Test
  void linesFollowTheMajorVersion() {
    assertThat(BootLines.line("4.0.7")).isEqualTo("4.0");
    assertThat(BootLines.line("4.1.0-M1")).isEqualTo("4.0");
    assertThat(BootLines.line("3.5.7")).isEqualTo("3.5");
    assertThat(BootLines.line("3.3.1")).isEqualTo("3.5");
  }

  @Test
  void modelSaysWhichLineItFollows(@TempDir Path dir) throws IOException {
    Path declared = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        declared.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/orders\n");
    Files.writeString(
        dir.resolve("orders/pom.xml"),
        "<project><parent><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-parent</artifactId><version>3.5.7</version>"
            + "</parent></project>");
    Path undeclared = Files.createDirectories(dir.resolve("billing/src/main/resources"));
    Files.writeString(
        undeclared.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/billing\n");

    String model =
        ModelReport.text(
            new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir))));

    assertThat(model)
        .contains("follows Spring Boot 3.5 (orders/pom.xml declares 3.5.7)")
        .contains("follows Spring Boot 4.0 (the newest line; the build declares no version)");
  }
}
