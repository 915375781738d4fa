package dev.poolguard.core.model.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyNamesTest {

  @Test
  void profilePrefixes() {
    assertThat(PropertyNames.profiled("%prod.quarkus.x"))
        .isEqualTo(new PropertyNames.Profiled(List.of("prod"), "quarkus.x"));
    assertThat(PropertyNames.profiled("%dev,test.quarkus.x"))
        .isEqualTo(new PropertyNames.Profiled(List.of("dev", "test"), "quarkus.x"));
    assertThat(PropertyNames.profiled("quarkus.x"))
        .isEqualTo(new PropertyNames.Profiled(List.of(), "quarkus.x"));
  }

  @Test
  void quotesAreDroppedOnlyAroundSegmentsWithoutDots() {
    assertThat(PropertyNames.canonical("quarkus.datasource.\"users\".jdbc.max-size"))
        .isEqualTo("quarkus.datasource.users.jdbc.max-size");
    assertThat(PropertyNames.canonical("quarkus.datasource.\"my.ds\".jdbc.max-size"))
        .isEqualTo("quarkus.datasource.\"my.ds\".jdbc.max-size");
  }

  @ParameterizedTest
  @CsvSource({
    // The examples of the Quarkus guides and SmallRye's environment-variables page.
    "quarkus.datasource.jdbc.max-size, QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
    "QUARKUS_DATASOURCE_JDBC_MAX_SIZE, QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
    "%prod.quarkus.datasource.jdbc.max-size, _PROD_QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
    "_PROD_QUARKUS_DATASOURCE_JDBC_MAX_SIZE, _PROD_QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
    "%dev.quarkus.http.port, _DEV_QUARKUS_HTTP_PORT",
    "quarkus.datasource.\"users\".jdbc.max-size, QUARKUS_DATASOURCE_USERS_JDBC_MAX_SIZE",
    "QUARKUS_DATASOURCE__USERS__JDBC_MAX_SIZE, QUARKUS_DATASOURCE_USERS_JDBC_MAX_SIZE",
    "foo.bar[0].baz, FOO_BAR_0_BAZ"
  })
  void nameAndVariableMeetInTheEnvForm(String name, String form) {
    assertThat(PropertyNames.envForm(name)).isEqualTo(form);
  }

  @Test
  void environmentVariablesThatDeclareDatasources() {
    List<String> prod = List.of("prod");
    assertThat(EnvNames.dataSource("QUARKUS_DATASOURCE_DB_KIND", prod)).contains("default");
    assertThat(EnvNames.dataSource("QUARKUS_DATASOURCE_JDBC_URL", prod)).contains("default");
    assertThat(EnvNames.dataSource("QUARKUS_DATASOURCE__USERS__JDBC_URL", prod)).contains("users");
    assertThat(EnvNames.dataSource("_PROD_QUARKUS_DATASOURCE__USERS__USERNAME", prod))
        .contains("users");
    assertThat(EnvNames.dataSource("_DEV_QUARKUS_DATASOURCE_DB_KIND", prod)).isEmpty();
    assertThat(EnvNames.dataSource("quarkus.datasource.jdbc.url", prod)).contains("default");
    assertThat(EnvNames.dataSource("%prod.quarkus.datasource.\"users\".db-kind", prod))
        .contains("users");
    // Ambiguous without a config file naming the datasource, as for SmallRye.
    assertThat(EnvNames.dataSource("QUARKUS_DATASOURCE_USERS_JDBC_URL", prod)).isEmpty();
    assertThat(EnvNames.dataSource("QUARKUS_DATASOURCE_HEALTH_ENABLED", prod)).isEmpty();
    assertThat(EnvNames.dataSource("QUARKUS_HTTP_PORT", prod)).isEmpty();
  }
}
