package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Workload;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainersTest {

  private final Workload orders = TestManifest.resource("shop.yaml").read().workloads().get(0);
  private final Workload ledger = TestManifest.resource("ledger.yaml").read().workloads().get(0);

  @Test
  void theConfiguredContainerWins() {
    AppContainer app = Containers.app(ledger, Optional.of("app"));

    assertThat(app.container().map(Container::name)).contains("app");
    assertThat(app.reason()).isEqualTo("named by container: in poolguard.yaml");
  }

  @Test
  void aConfiguredNameThatDoesNotExistGivesNoContainerAndSaysWhich() {
    AppContainer app = Containers.app(orders, Optional.of("api"));

    assertThat(app.container()).isEmpty();
    assertThat(app.reason())
        .isEqualTo(
            "Deployment shop/orders has no container named 'api' (it has 'orders', 'envoy')");
  }

  @Test
  void aSidecarIsNotTheApplicationWhenAContainerIsNamedLikeTheWorkload() {
    AppContainer app = Containers.app(orders, Optional.empty());

    assertThat(app.container().map(Container::name)).contains("orders");
    assertThat(app.reason()).isEqualTo("named like the Deployment");
  }

  @Test
  void theOnlyContainerIsTheApplicationWhateverItsName() {
    Workload single =
        TestManifest.of(
                "single.yaml",
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: petclinic}
        spec:
          template:
            spec:
              containers: [{name: workload, image: petclinic}]
        """)
            .read()
            .workloads()
            .get(0);

    AppContainer app = Containers.app(single, Optional.empty());

    assertThat(app.container().map(Container::name)).contains("workload");
    assertThat(app.reason()).isEqualTo("the only container");
  }

  @Test
  void severalContainersNoneNamedLikeTheWorkloadGiveNoContainer() {
    Workload two =
        TestManifest.of(
                "two.yaml",
                """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db-api, namespace: data}
        spec:
          template:
            spec:
              containers: [{name: api}, {name: proxy}]
        """)
            .read()
            .workloads()
            .get(0);

    AppContainer app = Containers.app(two, Optional.empty());

    assertThat(app.container()).isEmpty();
    assertThat(app.reason())
        .isEqualTo(
            "StatefulSet data/db-api has containers 'api', 'proxy' and none is named 'db-api'; name the application's with container: in poolguard.yaml");
  }

  @Test
  void aWorkloadWithoutContainersHasNoApplicationContainer() {
    Workload empty =
        TestManifest.of(
                "empty.yaml",
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: empty}
        spec: {replicas: 1}
        """)
            .read()
            .workloads()
            .get(0);

    assertThat(Containers.app(empty, Optional.empty()))
        .isEqualTo(new AppContainer(Optional.empty(), "Deployment empty has no containers"));
  }
}
