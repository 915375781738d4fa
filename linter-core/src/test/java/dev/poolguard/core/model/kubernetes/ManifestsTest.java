package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.EnvFromSource;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.Strategy;
import dev.poolguard.core.model.workload.Volume;
import dev.poolguard.core.model.workload.VolumeMount;
import dev.poolguard.core.model.workload.Workload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestsTest {

  private final TestManifest shop = TestManifest.resource("shop.yaml");
  private final TestManifest ledger = TestManifest.resource("ledger.yaml");
  private final TestManifest odd = TestManifest.resource("odd.yaml");

  @Test
  void readsADeploymentWithReplicasStrategyContainersAndVolumes() {
    Cluster cluster = shop.read();

    assertThat(cluster.workloads()).hasSize(1);
    Workload orders = cluster.workloads().get(0);
    assertThat(orders.kind()).isEqualTo(Workload.Kind.DEPLOYMENT);
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.namespace()).isEqualTo("shop");
    assertThat(orders.position()).isEqualTo(shop.after("^kind: Deployment", "orders"));
    assertThat(orders.replicas()).isEqualTo(new Count(4, shop.pos("replicas: 4", "4"), false));

    Strategy strategy = orders.strategy();
    assertThat(strategy.type()).isEqualTo(Strategy.Type.ROLLING_UPDATE);
    assertThat(strategy.position()).isEqualTo(shop.pos("type: RollingUpdate", "RollingUpdate"));
    assertThat(strategy.maxSurge())
        .contains(new Strategy.Bound("2", shop.pos("maxSurge: 2", "2"), false));
    assertThat(strategy.maxUnavailable())
        .contains(new Strategy.Bound("10%", shop.pos("maxUnavailable:", "\"10%\""), false));
    assertThat(strategy.surgePods(4)).hasValue(2);
    assertThat(strategy.unavailablePods(4)).hasValue(0);

    // Init containers are not kept; the sidecar is.
    assertThat(orders.containers()).extracting(Container::name).containsExactly("orders", "envoy");
    Container app = orders.containers().get(0);
    assertThat(app.position()).isEqualTo(shop.pos("- name: orders", "orders"));
    assertThat(app.command())
        .extracting(Arg::text)
        .containsExactly("java", "-Dspring.profiles.active=prod", "-jar", "/app.jar");
    assertThat(app.command().get(1).position())
        .isEqualTo(shop.pos("command: [\"java\"", "\"-Dspring"));
    assertThat(app.args())
        .containsExactly(
            new Arg(
                "--spring.datasource.hikari.maximum-pool-size=$(POOL_MAX)",
                shop.pos("- --spring.datasource.hikari.maximum-pool-size", "--spring")),
            new Arg("--server.port=8080", shop.pos("- --server.port=8080", "--server")));
    assertThat(app.volumeMounts())
        .containsExactly(
            new VolumeMount(
                "config",
                "/workspace/config",
                Optional.empty(),
                shop.nth("- name: config", "name", 0)));

    assertThat(orders.volumes()).hasSize(2);
    Volume config = orders.volume("config").orElseThrow();
    assertThat(config.type()).isEqualTo("configMap");
    assertThat(config.projections())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo(Volume.Source.CONFIG_MAP);
              assertThat(p.name()).isEqualTo("orders-config");
              assertThat(p.items())
                  .containsExactly(new Volume.Item("application.yml", "application.yml"));
            });
    assertThat(orders.volume("tmp").orElseThrow().type()).isEqualTo("emptyDir");
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void readsEnvAndEnvFromInOrderWithPositions() {
    Container app = shop.read().workloads().get(0).containers().get(0);

    assertThat(app.envFrom())
        .containsExactly(
            new EnvFromSource(
                EnvFromSource.Source.CONFIG_MAP,
                "orders-config",
                false,
                "CFG_",
                shop.nth("- configMapRef:", "configMapRef", 0)),
            new EnvFromSource(
                EnvFromSource.Source.CONFIG_MAP,
                "orders-config",
                false,
                "",
                shop.nth("- configMapRef:", "configMapRef", 1)),
            new EnvFromSource(
                EnvFromSource.Source.SECRET,
                "orders-db",
                false,
                "",
                shop.pos("- secretRef:", "secretRef")));
    assertThat(app.env())
        .extracting(EnvVar::name)
        .containsExactly(
            "POOL_MAX",
            "SPRING_DATASOURCE_HIKARI_MINIMUMIDLE",
            "SPRING_DATASOURCE_PASSWORD",
            "SPRING_DATASOURCE_URL",
            "POD_NAME",
            "ESCAPED",
            "JAVA_TOOL_OPTIONS",
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE");
    EnvVar poolMax = app.env().get(0);
    assertThat(poolMax.position()).isEqualTo(shop.pos("- name: POOL_MAX", "POOL_MAX"));
    assertThat(poolMax.source())
        .isEqualTo(new EnvSource.Literal("12", shop.pos("value: \"12\"", "\"12\"")));
    assertThat(app.env().get(1).source())
        .isEqualTo(
            new EnvSource.ConfigMapKey(
                "orders-config", "POOL_MIN", false, shop.after("configMapKeyRef:", "name")));
    assertThat(app.env().get(2).source()).isInstanceOf(EnvSource.SecretKey.class);
    assertThat(app.env().get(4).source())
        .isEqualTo(
            new EnvSource.FieldRef(
                "metadata.name", shop.pos("fieldPath: metadata.name", "fieldPath")));
  }

  @Test
  void readsAutoscalersOfBothApiVersionsAndMatchesThemToWorkloads() {
    Cluster cluster = Manifests.read(List.of(shop.file(), ledger.file()));

    Workload orders = cluster.workload(Workload.Kind.DEPLOYMENT, "shop", "orders").orElseThrow();
    assertThat(cluster.autoscalersFor(orders))
        .singleElement()
        .satisfies(
            hpa -> {
              assertThat(hpa.apiVersion()).isEqualTo("autoscaling/v2");
              assertThat(hpa.minReplicas())
                  .isEqualTo(new Count(4, shop.pos("minReplicas: 4", "4"), false));
              assertThat(hpa.maxReplicas())
                  .contains(new Count(12, shop.pos("maxReplicas: 12", "12"), false));
            });

    Workload ledgerSet =
        cluster.workload(Workload.Kind.STATEFUL_SET, "default", "ledger").orElseThrow();
    assertThat(cluster.autoscalersFor(ledgerSet))
        .singleElement()
        .satisfies(
            hpa -> {
              assertThat(hpa.apiVersion()).isEqualTo("autoscaling/v1");
              assertThat(hpa.targetKind()).isEqualTo("StatefulSet");
              assertThat(hpa.minReplicas().value()).isEqualTo(1);
              assertThat(hpa.minReplicas().defaulted()).isTrue();
              assertThat(hpa.minReplicas().position())
                  .isEqualTo(ledger.after("kind: HorizontalPodAutoscaler", "ledger"));
              assertThat(hpa.maxReplicas().map(Count::value)).contains(6);
            });
    // Same name, other namespace: no match.
    assertThat(cluster.autoscalers())
        .noneMatch(
            a ->
                a.scales(
                    new Workload(
                        Workload.Kind.DEPLOYMENT,
                        "orders",
                        "default",
                        orders.replicas(),
                        orders.strategy(),
                        List.of(),
                        List.of(),
                        orders.position())));
  }

  @Test
  void readsAStatefulSetInsideAListWithTheDefaultNamespaceAndStrategy() {
    Cluster cluster = ledger.read();

    assertThat(cluster.workloads())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(Workload.Kind.STATEFUL_SET);
              assertThat(w.namespace()).isEqualTo("default");
              assertThat(w.replicas())
                  .isEqualTo(new Count(3, ledger.pos("replicas: 3", "3"), false));
              assertThat(w.strategy().type()).isEqualTo(Strategy.Type.STATEFUL_ROLLING_UPDATE);
              assertThat(w.strategy().maxSurge()).isEmpty();
              assertThat(w.strategy().maxUnavailable())
                  .hasValueSatisfying(
                      b -> {
                        assertThat(b.raw()).isEqualTo("1");
                        assertThat(b.defaulted()).isTrue();
                      });
              assertThat(w.strategy().surgePods(3)).hasValue(0);
              assertThat(w.strategy().unavailablePods(3)).hasValue(1);
              assertThat(w.containers())
                  .extracting(Container::name)
                  .containsExactly("app", "ledger");
            });
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void readsConfigMapDataAndOnlyTheKeysOfSecrets() {
    Cluster cluster = shop.read();

    ConfigMap config = cluster.configMap("shop", "orders-config").orElseThrow();
    assertThat(config.data())
        .extracting(ConfigMap.Entry::key)
        .containsExactly(
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "POOL_MIN",
            "DB_HOST",
            "application.yml",
            "application-prod.properties");
    ConfigMap.Entry pool = config.entry("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE").orElseThrow();
    assertThat(pool.text()).isEqualTo("20");
    assertThat(pool.keyPosition())
        .isEqualTo(shop.pos("  SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE: \"20\"", "SPRING"));
    assertThat(pool.value().position())
        .isEqualTo(shop.pos("  SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE: \"20\"", "\"20\""));
    assertThat(cluster.configMap("default", "orders-config")).isEmpty();

    Secret secret = cluster.secret("shop", "orders-db").orElseThrow();
    assertThat(secret.keys())
        .extracting(Secret.Key::name)
        .containsExactly("token", "password", "username");
    assertThat(secret.key("password").orElseThrow().position())
        .isEqualTo(shop.pos("password: s3cr3t-value", "password"));
  }

  @Test
  void oddShapesBecomeNotesNotExceptions() {
    Cluster[] result = new Cluster[1];
    assertThatCode(() -> result[0] = odd.read()).doesNotThrowAnyException();
    Cluster cluster = result[0];

    Workload w = cluster.workload(Workload.Kind.DEPLOYMENT, "default", "odd").orElseThrow();
    assertThat(w.replicas()).isEqualTo(new Count(1, odd.pos("replicas: three", "three"), true));
    assertThat(w.strategy().type()).isEqualTo(Strategy.Type.RECREATE);
    assertThat(w.strategy().surgePods(5)).hasValue(0);
    assertThat(w.strategy().unavailablePods(5)).hasValue(5);
    assertThat(w.containers()).extracting(Container::name).containsExactly("odd", "");
    Container c = w.containers().get(0);
    assertThat(c.env()).isEmpty();
    assertThat(c.envFrom()).isEmpty();
    assertThat(c.args()).extracting(Arg::text).containsExactly("--a=1");
    assertThat(cluster.workload(Workload.Kind.STATEFUL_SET, "default", "broken"))
        .hasValueSatisfying(b -> assertThat(b.containers()).isEmpty());
    assertThat(cluster.autoscalers())
        .singleElement()
        .satisfies(a -> assertThat(a.maxReplicas()).isEmpty());
    assertThat(cluster.secrets()).singleElement().satisfies(s -> assertThat(s.keys()).isEmpty());

    assertThat(cluster.notes())
        .contains(
            odd.pos("replicas: three", "three")
                + ": Deployment odd.spec.replicas 'three' is not a whole number of 0 or more; Kubernetes rejects it (read as 1)",
            odd.pos("env: SPRING", "SPRING")
                + ": Deployment odd.spec.template.spec.containers[0].env is a single value, expected a list; ignored",
            odd.pos("- prefix: X_", "prefix")
                + ": Deployment odd.spec.template.spec.containers[0].envFrom[0] needs configMapRef or secretRef with a name; ignored",
            odd.pos("- image: nameless", "image")
                + ": Deployment odd.spec.template.spec.containers[1] has no name",
            odd.pos("- just a string", "just")
                + ": Deployment odd.spec.template.spec.containers[2] is a single value, expected a mapping; ignored",
            odd.nth("apiVersion: apps/v1", "apiVersion", 1)
                + ": Deployment has no metadata.name; ignored",
            odd.pos("spec: [1, 2]", "[")
                + ": StatefulSet broken.spec is a list, expected a mapping; ignored",
            odd.after("kind: HorizontalPodAutoscaler", "odd")
                + ": HorizontalPodAutoscaler odd.spec.maxReplicas is missing; Kubernetes requires it");
    assertThat(String.join("\n", cluster.notes())).doesNotContain("s3cr3t");
  }

  @Test
  void documentsWithoutApiVersionAndKindAreNotManifests() {
    ConfigFile plain =
        ConfigLoader.loadText(
            "spring:\n  datasource:\n    url: x\n",
            "application.yml",
            ConfigFile.Format.YAML,
            0,
            0,
            Limits.DEFAULT);
    ConfigFile kindOnly =
        ConfigLoader.loadText(
            "kind: Deployment\nmetadata:\n  name: x\n",
            "x.yaml",
            ConfigFile.Format.YAML,
            0,
            0,
            Limits.DEFAULT);

    assertThat(Manifests.isManifest(shop.file())).isTrue();
    assertThat(Manifests.isManifest(plain)).isFalse();
    assertThat(Manifests.isManifest(kindOnly)).isFalse();
    assertThat(Manifests.read(List.of(plain, kindOnly)).workloads()).isEmpty();
  }

  @Test
  void aTrailingEmptyDocumentAndOtherKindsAreIgnored() {
    ConfigFile file = shop.file();
    // The empty document after the last --- is kept as a null document or dropped by the loader.
    assertThat(file.documents()).filteredOn(d -> d instanceof MapNode).hasSize(4);

    Cluster cluster = Manifests.read(List.of(file));
    assertThat(cluster.workloads()).hasSize(1);
    assertThat(cluster.autoscalers()).hasSize(1);
    assertThat(cluster.configMaps()).hasSize(1);
    assertThat(cluster.secrets()).hasSize(1);
    assertThat(cluster.notes()).isEmpty();
  }

  @Test
  void aLaterDefinitionOfTheSameObjectWins() {
    TestManifest twice =
        TestManifest.of(
            "twice.yaml",
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 2}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 5}
        """);

    Cluster cluster = twice.read();

    assertThat(cluster.workloads())
        .singleElement()
        .satisfies(w -> assertThat(w.replicas().value()).isEqualTo(5));
    assertThat(cluster.notes())
        .filteredOn(n -> n.contains("defined again"))
        .containsExactly(
            "twice.yaml:8:18: Deployment api is defined again; the later definition wins");
  }

  @Test
  void defaultsApplyWhenReplicasAndStrategyAreAbsent() {
    TestManifest bare =
        TestManifest.of(
            "bare.yaml",
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bare
        spec:
          template:
            spec:
              containers: [{name: bare, image: x}]
        """);

    Workload w = bare.read().workloads().get(0);

    assertThat(w.replicas()).isEqualTo(new Count(1, bare.nth("name: bare", "bare", 0), true));
    assertThat(w.strategy().type()).isEqualTo(Strategy.Type.ROLLING_UPDATE);
    assertThat(w.strategy().maxSurge()).contains(new Strategy.Bound("25%", w.position(), true));
    assertThat(w.strategy().maxUnavailable())
        .contains(new Strategy.Bound("25%", w.position(), true));
  }
}
