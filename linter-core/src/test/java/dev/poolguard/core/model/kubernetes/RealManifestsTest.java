package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.EnvFromSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.Strategy;
import dev.poolguard.core.model.workload.Volume;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.testing.SharedResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The facts {@code shared/corpus/real/EXPECTATIONS.md} lists for real manifests (entries 7, 28,
 * 29).
 */
class RealManifestsTest {

  private static ConfigFile load(String relative) {
    String shared = "corpus/real/" + relative;
    Optional<Path> found = SharedResources.locate(shared);
    assumeTrue(found.isPresent(), SharedResources.skipMessage(shared));
    ConfigFile file = ConfigLoader.load(found.get(), relative, Limits.DEFAULT);
    assertThat(file.parsed()).as(relative + " parses").isTrue();
    return file;
  }

  private static Cluster read(String... relative) {
    List<ConfigFile> files = new ArrayList<>();
    for (String r : relative) {
      files.add(load(r));
    }
    return Manifests.read(files);
  }

  @Test
  void thingsboardStatefulSetTakesItsDatabaseSettingsFromConfigMaps() {
    String services = "thingsboard__thingsboard-ce-k8s/aws__microservices__tb-services.yml";
    ConfigFile file = load(services);
    // Five objects and an empty document after the trailing --- (a loader may keep it as a null
    // document or drop it): not a manifest, not a problem.
    assertThat(file.documents()).filteredOn(d -> d instanceof MapNode).hasSize(5);
    assertThat(file.documents())
        .filteredOn(d -> !(d instanceof MapNode))
        .allSatisfy(
            d ->
                assertThat(d)
                    .isInstanceOfSatisfying(
                        ScalarNode.class, s -> assertThat(s.isNull()).isTrue()));

    Cluster cluster =
        read(
            services,
            "thingsboard__thingsboard-ce-k8s/aws__microservices__tb-node-db-configmap.yml");

    Workload node =
        cluster.workload(Workload.Kind.STATEFUL_SET, "thingsboard", "tb-node").orElseThrow();
    assertThat(node.replicas().value()).isEqualTo(3);
    assertThat(node.replicas().defaulted()).isFalse();
    assertThat(node.replicas().position().line()).isEqualTo(24);
    Container server = Containers.app(node, Optional.empty()).container().orElseThrow();
    assertThat(server.envFrom())
        .extracting(EnvFromSource::name)
        .containsExactly("tb-node-db-config", "tb-kafka-config", "tb-cache-config");
    assertThat(
            cluster
                .workload(Workload.Kind.DEPLOYMENT, "thingsboard", "tb-web-ui")
                .orElseThrow()
                .replicas()
                .value())
        .isEqualTo(2);
    assertThat(
            cluster
                .workload(Workload.Kind.DEPLOYMENT, "thingsboard", "tb-js-executor")
                .orElseThrow()
                .replicas()
                .value())
        .isEqualTo(5);

    Environment env = Environment.of(server, cluster, "thingsboard");
    EnvEntry url = env.get("SPRING_DATASOURCE_URL").orElseThrow();
    assertThat(url.text()).isEqualTo("jdbc:postgresql://YOUR_RDS_ENDPOINT_URL:5432/thingsboard");
    assertThat(url.origin().position().path()).endsWith("tb-node-db-configmap.yml");
    assertThat(url.origin().position().line()).isEqualTo(27);
    assertThat(env.get("SPRING_DATASOURCE_USERNAME").map(EnvEntry::text)).contains("postgres");
    assertThat(env.get("SPRING_DRIVER_CLASS_NAME").map(EnvEntry::text))
        .contains("org.postgresql.Driver");
    assertThat(env.get("SPRING_DATASOURCE_MAXIMUM_POOL_SIZE")).isEmpty();
    assertThat(env.get("TB_SERVICE_ID").orElseThrow().isKnown()).isFalse();
    // The kafka and cache ConfigMaps are not in the corpus: what they add is unknown, and said so.
    assertThat(env.unresolved())
        .extracting(EnvFromSource::name)
        .containsExactly("tb-kafka-config", "tb-cache-config");
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void keycloakStatefulSetHasSingleQuotedEnvNamesAndNoPoolSize() {
    String keycloak = "keycloak__keycloak-quickstarts/kubernetes__keycloak.yaml";
    assertThat(load(keycloak).documents()).hasSize(5);

    Cluster cluster = read(keycloak);

    Workload set =
        cluster.workload(Workload.Kind.STATEFUL_SET, "default", "keycloak").orElseThrow();
    assertThat(set.replicas().value()).isEqualTo(2);
    Container app = Containers.app(set, Optional.empty()).container().orElseThrow();
    assertThat(app.env())
        .extracting(EnvVar::name)
        .contains("KC_DB", "KC_DB_URL_HOST", "KC_CACHE")
        .doesNotContain("'KC_DB'");
    Environment env = Environment.of(app, cluster, "default");
    assertThat(env.get("KC_DB").map(EnvEntry::text)).contains("postgres");
    assertThat(env.get("KC_DB_POOL_MAX_SIZE")).isEmpty();
    // '$(POD_IP)' refers to a fieldRef defined before it: known only at run time.
    assertThat(env.get("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS").orElseThrow().unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "POD_IP"));
    assertThat(app.args()).extracting(Arg::text).containsExactly("start");
    assertThat(CommandLineArgs.parse(app, env).springArgs()).isEmpty();

    Workload postgres =
        cluster.workload(Workload.Kind.DEPLOYMENT, "default", "postgres").orElseThrow();
    assertThat(postgres.replicas().value()).isEqualTo(1);
    assertThat(postgres.replicas().defaulted()).isFalse();
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void fineractDeploymentHasDefaultReplicasSecretCredentialsAndNoPoolSize() {
    String fineract = "apache__fineract/kubernetes__fineract-server-deployment.yml";
    assertThat(load(fineract).documents()).hasSize(2);

    Cluster cluster = read(fineract);

    Workload server =
        cluster.workload(Workload.Kind.DEPLOYMENT, "default", "fineract-server").orElseThrow();
    assertThat(server.replicas()).isEqualTo(new Count(1, server.position(), true));
    assertThat(server.strategy().type()).isEqualTo(Strategy.Type.RECREATE);
    // The init container is not the application; the only container is.
    assertThat(server.containers()).extracting(Container::name).containsExactly("fineract-server");
    Container app = Containers.app(server, Optional.empty()).container().orElseThrow();
    Environment env = Environment.of(app, cluster, "default");
    assertThat(env.get("FINERACT_HIKARI_JDBC_URL").map(EnvEntry::text))
        .contains("jdbc:mariadb://fineractmysql:3306/fineract_tenants");
    assertThat(env.get("FINERACT_HIKARI_DRIVER_CLASS_NAME").map(EnvEntry::text))
        .contains("org.mariadb.jdbc.Driver");
    assertThat(
            env.get("FINERACT_HIKARI_PASSWORD").orElseThrow().unknown().map(Value.Unknown::cause))
        .contains(Value.Unknown.Cause.SECRET);
    assertThat(
            env.get("FINERACT_HIKARI_USERNAME").orElseThrow().unknown().map(Value.Unknown::cause))
        .contains(Value.Unknown.Cause.SECRET);
    assertThat(env.get("FINERACT_HIKARI_MAXIMUM_POOL_SIZE")).isEmpty();
    assertThat(env.get("FINERACT_DEFAULT_TENANTDB_PORT").map(EnvEntry::text)).contains("3306");
    assertThat(env.get("FINERACT_DEFAULT_TENANTDB_CONN_PARAMS").map(EnvEntry::text)).contains("");
    assertThat(JvmOptions.parse(env.get("JAVA_TOOL_OPTIONS").orElseThrow()).systemProperties())
        .isEmpty();
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void petclinicDeploymentRunsOneWorkloadContainerWithAProfileAndApplicationJson() {
    Cluster cluster = read("spring-projects__spring-petclinic/k8s__petclinic.yml");

    Workload petclinic =
        cluster.workload(Workload.Kind.DEPLOYMENT, "default", "petclinic").orElseThrow();
    assertThat(petclinic.replicas())
        .satisfies(
            r -> {
              assertThat(r.value()).isEqualTo(1);
              assertThat(r.defaulted()).isFalse();
            });
    AppContainer app = Containers.app(petclinic, Optional.empty());
    assertThat(app.container().map(Container::name)).contains("workload");
    Environment env = Environment.of(app.container().orElseThrow(), cluster, "default");
    assertThat(env.get("SPRING_PROFILES_ACTIVE").map(EnvEntry::text)).contains("postgres");
    assertThat(env.get("SPRING_APPLICATION_JSON").orElseThrow().text())
        .contains("\"management.endpoint.health.probes.add-additional-paths\": true");
    assertThat(petclinic.volume("binding").orElseThrow().projections())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(Volume.Source.SECRET);
              assertThat(p.name()).isEqualTo("demo-db");
            });
    assertThat(cluster.notes()).isEmpty();
  }
}
