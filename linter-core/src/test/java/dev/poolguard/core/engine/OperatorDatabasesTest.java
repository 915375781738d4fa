package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudNativePG clusters as database servers, tied to services by their JDBC URL's host. */
class OperatorDatabasesTest {

  @TempDir Path dir;

  private DeploymentModel model(String host, String clusterMetadata, String maxConnections)
      throws IOException {
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"),
        "spring:\n  datasource:\n    url: jdbc:postgresql://" + host + ":5432/orders\n");
    Files.writeString(
        dir.resolve("orders.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 2\n"
            + "  template:\n    spec:\n      containers:\n        - name: orders\n"
            + "          image: orders:1\n");
    Files.writeString(
        dir.resolve("db.yaml"),
        "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n"
            + clusterMetadata
            + "spec:\n  instances: 3\n  postgresql:\n    parameters:\n      max_connections: "
            + maxConnections
            + "\n");
    return new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir)));
  }

  @Test
  void theReadWriteServiceTiesAServiceToThePrimary() throws IOException {
    DeploymentModel model = model("pg-rw", "  name: pg\n", "\"50\"");

    DatabaseServer pg = model.databases().get(0);
    assertThat(pg.name()).isEqualTo("pg");
    assertThat(pg.source()).isEqualTo("CloudNativePG Cluster pg");
    assertThat(pg.setting("max_connections").orElseThrow().value()).isEqualTo("50");
    assertThat(pg.setting("max_connections").orElseThrow().position().line()).isEqualTo(9);
    assertThat(pg.clients()).extracting(DatabaseServer.Client::service).containsExactly("orders");
    assertThat(model.diagnostics())
        .extracting(Diagnostic::message)
        .noneMatch(m -> m.contains("Cluster"));
  }

  @Test
  void aNamespaceInTheHostMustBeTheClusters() throws IOException {
    DeploymentModel same =
        model("pg-rw.shop.svc.cluster.local", "  name: pg\n  namespace: shop\n", "\"50\"");
    assertThat(same.databases().get(0).clients()).hasSize(1);

    DeploymentModel other =
        model("pg-rw.billing.svc.cluster.local", "  name: pg\n  namespace: shop\n", "\"50\"");
    assertThat(other.databases().get(0).clients()).isEmpty();
    assertThat(other.diagnostics())
        .extracting(Diagnostic::message)
        .contains(
            "CloudNativePG Cluster pg runs PostgreSQL, but no service's JDBC URL names its Service"
                + " pg-rw: no connection budget is checked for it");
  }

  @Test
  void replicaServicesAreNotedNotCounted() throws IOException {
    DeploymentModel model = model("pg-ro", "  name: pg\n", "\"50\"");

    assertThat(model.databases().get(0).clients()).isEmpty();
    assertThat(model.notes())
        .anyMatch(
            n ->
                n.contains("service orders connects to pg-ro")
                    && n.contains("only clients of pg-rw are counted"));
  }

  @Test
  void aPlaceholderIsNoNumberAndGivesNoBudget() throws IOException {
    DeploymentModel model = model("pg-rw", "  name: pg\n", "\"${CNPG_MAX_CONNECTIONS}\"");

    assertThat(model.databases()).isEmpty();
    assertThat(model.notes())
        .anyMatch(n -> n.contains("max_connections '${CNPG_MAX_CONNECTIONS}' is not a number"));
  }
}
