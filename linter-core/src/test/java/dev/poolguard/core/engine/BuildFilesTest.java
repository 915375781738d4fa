package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.BuildFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build files read for their dependencies: Maven with parents, Gradle, and hostile XML. */
class BuildFilesTest {

  @TempDir Path dir;

  private Optional<BuildFile> near(Path module) throws IOException {
    Path config = module.resolve("src/main/resources/application.yml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "spring: {}\n");
    return BuildFiles.near(config, p -> dir.relativize(p).toString(), p -> p.startsWith(dir));
  }

  private static List<String> artifacts(BuildFile build) {
    return build.declared().stream().map(BuildFile.Dependency::artifact).toList();
  }

  @Test
  void aPomsDependenciesWithTheirLinesAndThoseItsParentsDeclare() throws IOException {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project>\n  <dependencies>\n    <dependency>\n"
            + "      <artifactId>micrometer-registry-otlp</artifactId>\n"
            + "    </dependency>\n  </dependencies>\n</project>\n");
    Path module = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(
        module.resolve("pom.xml"),
        "<project>\n  <parent><artifactId>shop</artifactId></parent>\n"
            + "  <dependencyManagement><dependencies><dependency>"
            + "<artifactId>managed-only</artifactId></dependency></dependencies>"
            + "</dependencyManagement>\n"
            + "  <dependencies>\n"
            + "    <dependency>\n      <groupId>org.springframework.boot</groupId>\n"
            + "      <artifactId>spring-boot-starter-actuator</artifactId>\n"
            + "    </dependency>\n  </dependencies>\n</project>\n");

    BuildFile build = near(module).orElseThrow();

    assertThat(build.path()).isEqualTo("orders/pom.xml");
    assertThat(build.dependenciesAt().line()).isEqualTo(4);
    assertThat(artifacts(build))
        .containsExactly("spring-boot-starter-actuator", "micrometer-registry-otlp");
    assertThat(build.declared().get(0).group()).isEqualTo("org.springframework.boot");
    assertThat(build.declared().get(0).position().line()).isEqualTo(5);
  }

  @Test
  void aParentOutsideWhatTheRunMayReadIsNotRead() throws IOException {
    Path module = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(
        module.resolve("pom.xml"),
        "<project><parent><relativePath>../../pom.xml</relativePath></parent></project>\n");
    Files.writeString(
        dir.getParent().resolve("pom.xml"),
        "<project><dependencies><dependency><artifactId>outside</artifactId>"
            + "</dependency></dependencies></project>\n");
    try {
      assertThat(artifacts(near(module).orElseThrow())).isEmpty();
    } finally {
      Files.delete(dir.getParent().resolve("pom.xml"));
    }
  }

  @Test
  void externalEntitiesAndDtdsAreNeverExpanded() throws IOException {
    Path module = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
    Files.writeString(
        module.resolve("pom.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM \"file://"
            + dir.resolve("secret.txt")
            + "\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
            + "<project><dependencies><dependency><artifactId>&x;&b;</artifactId>"
            + "</dependency></dependencies></project>\n");

    Optional<BuildFile> build = near(module);

    assertThat(build).isPresent();
    assertThat(artifacts(build.get())).noneMatch(a -> a.contains("s3cr3t") || a.contains("aaa"));
  }

  @Test
  void malformedXmlKeepsWhatWasReadBeforeTheError() throws IOException {
    Path module = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(
        module.resolve("pom.xml"),
        "<project><dependencies><dependency><artifactId>first</artifactId></dependency>"
            + "<dependency><artifactId>broken</artifactId></depend");

    assertThat(artifacts(near(module).orElseThrow())).containsExactly("first");
  }

  @Test
  void gradleCoordinatesAndVersionCatalogAliases() throws IOException {
    Path module = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(
        module.resolve("build.gradle.kts"),
        "plugins { java }\n"
            + "dependencies {\n"
            + "    implementation(\"org.springframework.boot:spring-boot-starter-actuator\")\n"
            + "    runtimeOnly(libs.micrometer.registry.prometheus)\n"
            + "}\n");

    BuildFile build = near(module).orElseThrow();

    assertThat(build.dependenciesAt().line()).isEqualTo(2);
    assertThat(artifacts(build))
        .containsExactly("spring-boot-starter-actuator", "micrometer-registry-prometheus");
    assertThat(build.declared().get(1).position().line()).isEqualTo(4);
  }

  @Test
  void noBuildFileIsNothingToJudge() throws IOException {
    assertThat(near(Files.createDirectories(dir.resolve("orders")))).isEmpty();
  }
}
