package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which framework reads a service's files when no build file and no poolguard.yaml says. */
class FrameworksTest {

  @TempDir Path dir;

  private DeploymentModel model(String applicationYml) throws IOException {
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(resources.resolve("application.yml"), applicationYml);
    return new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir)));
  }

  @Test
  void aSpringApplicationWithATopLevelDatasourcesKeyOfItsOwnStaysSpring() throws IOException {
    DeploymentModel model =
        model(
            "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
                + "      maximum-pool-size: 7\n"
                + "datasources:\n  reporting:\n    url: jdbc:postgresql://reports/r\n");

    assertThat(model.services().get(0).framework()).isEqualTo(Framework.SPRING);
    assertThat(
            model
                .services()
                .get(0)
                .dataSources()
                .get(0)
                .value("maximum-pool-size")
                .orElseThrow()
                .text())
        .isEqualTo("7");
  }

  @Test
  void datasourcesWithoutSpringKeysIsMicronaut() throws IOException {
    DeploymentModel model =
        model(
            "datasources:\n  default:\n    url: jdbc:postgresql://db/orders\n"
                + "    maximum-pool-size: 9\n");

    assertThat(model.services().get(0).framework()).isEqualTo(Framework.MICRONAUT);
  }
}
