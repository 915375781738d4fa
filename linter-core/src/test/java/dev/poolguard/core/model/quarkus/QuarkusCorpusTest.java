package dev.poolguard.core.model.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Quarkus facts of {@code shared/corpus/real/EXPECTATIONS.md}, items 17 and 18. The files are
 * {@code .properties}; their documents are built with the test line splitter while the properties
 * loader is being replaced on another branch.
 */
class QuarkusCorpusTest {

  private static final String CONTEXT_PROPAGATION =
      "corpus/real/quarkusio__quarkus-quickstarts/"
          + "context-propagation-quickstart__src__main__resources__application.properties";
  private static final String REST_VILLAINS =
      "corpus/real/quarkusio__quarkus-super-heroes/"
          + "rest-villains__src__main__resources__application.properties";

  private static ConfigFile load(String relative) throws IOException {
    Optional<Path> found = SharedResources.locate(relative);
    Assumptions.assumeTrue(found.isPresent(), SharedResources.skipMessage(relative));
    return TestFiles.properties(
        "src/main/resources/application.properties", Files.readString(found.get()));
  }

  private static QuarkusInput input(ConfigFile file, String profile) {
    return new QuarkusInput(
        "svc",
        List.of(file),
        profile == null ? Optional.empty() : Optional.of(profile),
        List.of(),
        List.of());
  }

  private static Service service(ConfigFile file, String profile) {
    return QuarkusResolver.resolve(input(file, profile)).get(0);
  }

  private static Value value(Service service, String key) {
    assertThat(service.dataSources()).hasSize(1);
    return service.dataSources().get(0).value(key).orElseThrow();
  }

  @Test
  void item17ProdPoolFromPercentProdKeysAndNoDatasourceInDevOrTest() throws IOException {
    ConfigFile file = load(CONTEXT_PROPAGATION);
    Service prod = service(file, null);
    assertThat(prod.profiles()).containsExactly("prod");
    assertThat(value(prod, "max-size").text()).isEqualTo("8");
    assertThat(value(prod, "max-size").isSet()).isTrue();
    assertThat(value(prod, "min-size").text()).isEqualTo("2");
    assertThat(value(prod, "url").text()).isEqualTo("jdbc:postgresql://localhost/quarkus_test");
    for (String profile : List.of("dev", "test")) {
      // No datasource keys (Dev Services): no pool is configured, so Agroal's default 20 applies.
      assertThat(service(file, profile).dataSources()).as(profile).isEmpty();
      assertThat(AgroalProperties.defaultText("max-size")).contains("20");
    }
    for (String profile : List.of("dev", "test", "prod")) {
      assertThat(
              QuarkusResolver.effective(input(file, profile)).text("quarkus.hibernate-orm.log.sql"))
          .as(profile)
          .contains("true");
    }
  }

  @Test
  void item18MultiProfileKeysParentProfilesAndQuotedSegments() throws IOException {
    ConfigFile file = load(REST_VILLAINS);
    for (String profile : List.of("dev", "test")) {
      assertThat(QuarkusResolver.effective(input(file, profile)).text("quarkus.log.console.level"))
          .as(profile)
          .contains("DEBUG");
    }
    assertThat(QuarkusResolver.effective(input(file, null)).text("quarkus.log.console.level"))
        .contains("INFO");

    for (String profile : List.of("kubernetes", "openshift", "knative", "minikube")) {
      Lookup lookup = QuarkusResolver.effective(input(file, profile));
      assertThat(lookup.chain()).as(profile).containsExactly(profile, "prod");
      assertThat(lookup.text("quarkus.hibernate-orm.sql-load-script"))
          .as(profile)
          .contains("import.sql");
    }
    assertThat(
            QuarkusResolver.effective(input(file, "dev"))
                .text("quarkus.hibernate-orm.sql-load-script"))
        .isEmpty();
    // knative-openshift's parent is knative, whose parent is prod.
    assertThat(QuarkusResolver.effective(input(file, "knative-openshift")).chain())
        .containsExactly("knative-openshift", "knative", "prod");

    // quarkus.datasource.jdbc.telemetry declares the default datasource; no profile sizes it.
    for (String profile : List.of("prod", "dev", "test", "kubernetes")) {
      Service s = service(file, profile);
      DataSource ds = s.dataSources().get(0);
      assertThat(ds.name()).isEqualTo("default");
      assertThat(value(s, "max-size").isDefault()).as(profile).isTrue();
      assertThat(value(s, "max-size").text()).isEqualTo("20");
      assertThat(value(s, "min-size").isDefault()).as(profile).isTrue();
    }

    Lookup prod = QuarkusResolver.effective(input(file, null));
    assertThat(prod.text("quarkus.log.category.\"io.quarkus.sample.superheroes\".level"))
        .contains("DEBUG");
    assertThat(
            PropertyNames.segments("quarkus.log.category.\"io.quarkus.sample.superheroes\".level"))
        .containsExactly(
            "quarkus", "log", "category", "\"io.quarkus.sample.superheroes\"", "level");
    assertThat(prod.text("quarkus.container-image.name")).contains("rest-villains");
  }
}
