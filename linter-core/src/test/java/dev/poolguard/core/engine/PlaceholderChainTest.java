package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value that arrives through a placeholder keeps the source that gave the placeholder. */
class PlaceholderChainTest {

  @TempDir Path dir;

  @Test
  void theEnvEntryBehindAPlaceholderIsPartOfTheValue() throws IOException {
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"),
        "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
            + "      maximum-pool-size: ${DB_POOL_MAX:8}\n");
    Files.writeString(
        dir.resolve("deploy.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n"
            + "    spec:\n      containers:\n        - name: orders\n          image: orders:1\n"
            + "          env:\n            - name: DB_POOL_MAX\n              value: \"12\"\n");

    DeploymentModel model =
        new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir)));
    Value max =
        model.services().get(0).dataSources().get(0).value("maximum-pool-size").orElseThrow();

    assertThat(max.text()).isEqualTo("12");
    assertThat(max.origin().position().path()).endsWith("application.yml");
    assertThat(max.via()).extracting(Origin::kind).containsExactly(Origin.Kind.ENV);
    assertThat(max.via().get(0).position().path()).isEqualTo("deploy.yaml");
    assertThat(max.via().get(0).position().line()).isEqualTo(13);
    assertThat(ModelReport.text(model)).contains("via deploy.yaml:13 (env DB_POOL_MAX)");
    String json = ModelReport.json(model);
    assertThat(json.replaceAll("\\s+", ""))
        .contains("\"via\":[{\"kind\":\"env\",\"path\":\"deploy.yaml\",\"line\":13");
  }

  @Test
  void aDefaultInThePlaceholderHasNoSourceBehindIt() throws IOException {
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/orders\n"
            + "spring.datasource.hikari.maximum-pool-size=${DB_POOL_MAX:8}\n");

    DeploymentModel model =
        new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir)));
    Value max =
        model.services().get(0).dataSources().get(0).value("maximum-pool-size").orElseThrow();

    assertThat(max.text()).isEqualTo("8");
    assertThat(max.via()).isEmpty();
  }
}
