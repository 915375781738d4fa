package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.EnvFromSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  private final TestManifest shop = TestManifest.resource("shop.yaml");
  private final Cluster cluster = shop.read();
  private final Environment env =
      Environment.of(cluster.workloads().get(0).containers().get(0), cluster, "shop");

  @Test
  void envFromSourcesComeFirstInOrderWithTheirPrefix() {
    assertThat(env.entries().keySet())
        .startsWith(
            "CFG_SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "CFG_POOL_MIN",
            "CFG_DB_HOST",
            "CFG_application.yml",
            "CFG_application-prod.properties",
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "POOL_MIN",
            "DB_HOST");
    EnvEntry host = env.get("CFG_DB_HOST").orElseThrow();
    assertThat(host.text()).isEqualTo("db.internal");
    assertThat(host.origin())
        .isEqualTo(
            new Origin(
                Origin.Kind.ENV,
                shop.pos("  DB_HOST: db.internal", "DB_HOST"),
                "CFG_DB_HOST",
                "db.internal"));
  }

  @Test
  void aSecretSourceGivesEveryKeyAsAnUnknownSecret() {
    EnvEntry password = env.get("password").orElseThrow();

    assertThat(password.isKnown()).isFalse();
    assertThat(password.text()).isEmpty();
    assertThat(password.unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.SECRET, "password"));
    assertThat(password.origin().position()).isEqualTo(shop.pos("- secretRef:", "secretRef"));
    assertThat(password.origin().text()).isEqualTo("secretRef orders-db");
    assertThat(env.get("token")).isPresent();
    assertThat(env.get("username")).isPresent();
  }

  @Test
  void envBeatsEnvFromAndExpandsReferencesToEarlierVariables() {
    EnvEntry pool = env.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE").orElseThrow();

    assertThat(pool.text()).isEqualTo("12");
    assertThat(pool.origin())
        .isEqualTo(
            new Origin(
                Origin.Kind.ENV,
                shop.pos("value: $(POOL_MAX)", "$(POOL_MAX)"),
                "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
                "$(POOL_MAX)"));
    Origin fromConfigMap =
        new Origin(
            Origin.Kind.ENV,
            shop.pos("  SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE: \"20\"", "SPRING"),
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "20");
    assertThat(pool.overridden()).containsExactly(fromConfigMap);
    assertThat(pool.toValue()).isEqualTo(Value.set("12", pool.origin(), List.of(fromConfigMap)));
    assertThat(env.overridden()).extracting(EnvEntry::origin).containsExactly(fromConfigMap);
  }

  @Test
  void configMapKeyRefResolvesFromTheConfigMapLine() {
    EnvEntry idle = env.get("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE").orElseThrow();

    assertThat(idle.text()).isEqualTo("5");
    assertThat(idle.origin().position()).isEqualTo(shop.pos("  POOL_MIN: \"5\"", "POOL_MIN"));
    assertThat(idle.origin().property()).isEqualTo("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE");
  }

  @Test
  void secretKeyRefIsAnUnknownSecretAndSoIsEverythingReferringToIt() {
    EnvEntry password = env.get("SPRING_DATASOURCE_PASSWORD").orElseThrow();
    EnvEntry url = env.get("SPRING_DATASOURCE_URL").orElseThrow();

    assertThat(password.unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.SECRET, "SPRING_DATASOURCE_PASSWORD"));
    assertThat(password.origin())
        .isEqualTo(
            new Origin(
                Origin.Kind.ENV,
                shop.pos("- name: SPRING_DATASOURCE_PASSWORD", "SPRING"),
                "SPRING_DATASOURCE_PASSWORD",
                "secretKeyRef orders-db/password"));
    assertThat(url.unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.SECRET, "SPRING_DATASOURCE_PASSWORD"));
    assertThat(url.toValue().state()).isEqualTo(Value.State.UNKNOWN);
    assertThat(url.origin().text())
        .isEqualTo(
            "jdbc:postgresql://$(DB_HOST):5432/orders?password=$(SPRING_DATASOURCE_PASSWORD)");
  }

  @Test
  void podFieldsAreUnknownAndEscapesAndUndefinedReferencesStayAsWritten() {
    assertThat(env.get("POD_NAME").orElseThrow().unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "POD_NAME"));
    assertThat(env.get("ESCAPED").orElseThrow().text()).isEqualTo("$(POOL_MAX)-$(UNDEFINED)");
    assertThat(env.notes())
        .containsExactly(
            shop.pos("value: $$(POOL_MAX)", "$$")
                + ": $(UNDEFINED) in ESCAPED is not defined before it, so Kubernetes keeps it as written (unless it is a service link variable)");
  }

  @Test
  void referencesSeeEnvFromVariablesAndOnlyEarlierEnvEntries() {
    TestManifest m =
        TestManifest.of(
            "order.yaml",
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: base}
        data: {A: from-map, B: map-b}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: override}
        data: {B: override-b}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: order}
        spec:
          template:
            spec:
              containers:
                - name: order
                  envFrom:
                    - configMapRef: {name: base}
                    - configMapRef: {name: override}
                  env:
                    - {name: X, value: "$(A)/$(B)/$(LATER)"}
                    - {name: LATER, value: "1"}
                    - {name: X, value: "again $(LATER)"}
        """);
    Cluster c = m.read();

    Environment e = Environment.of(c.workloads().get(0).containers().get(0), c, "default");

    assertThat(e.get("B").orElseThrow().text()).isEqualTo("override-b");
    assertThat(e.get("B").orElseThrow().overridden())
        .extracting(Origin::text)
        .containsExactly("map-b");
    EnvEntry x = e.get("X").orElseThrow();
    assertThat(x.text()).isEqualTo("again 1");
    assertThat(x.overridden()).extracting(Origin::text).containsExactly("$(A)/$(B)/$(LATER)");
    assertThat(e.overridden())
        .filteredOn(o -> o.name().equals("X"))
        .singleElement()
        .satisfies(first -> assertThat(first.text()).isEqualTo("from-map/override-b/$(LATER)"));
    assertThat(e.entries().keySet()).containsExactly("A", "B", "X", "LATER");
  }

  @Test
  void missingConfigMapsAndKeysAreUnknownOrSkippedWithNotes() {
    TestManifest m =
        TestManifest.of(
            "missing.yaml",
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: present}
        data: {POOL: "9"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {user: app}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: missing}
        spec:
          template:
            spec:
              containers:
                - name: missing
                  envFrom:
                    - configMapRef: {name: elsewhere, optional: true}
                    - secretRef: {name: vault-injected}
                    - configMapRef: {name: present}
                  env:
                    - name: A
                      valueFrom: {configMapKeyRef: {name: absent, key: a}}
                    - name: POOL
                      valueFrom: {configMapKeyRef: {name: present, key: nope, optional: true}}
                    - name: C
                      valueFrom: {secretKeyRef: {name: creds, key: password}}
        """);
    Cluster c = m.read();

    Environment e = Environment.of(c.workloads().get(0).containers().get(0), c, "default");

    assertThat(e.unresolved())
        .extracting(EnvFromSource::name)
        .containsExactly("elsewhere", "vault-injected");
    assertThat(e.get("A").orElseThrow().unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "A"));
    // The optional reference to a missing key leaves the envFrom value in place.
    assertThat(e.get("POOL").orElseThrow().text()).isEqualTo("9");
    assertThat(e.get("C").orElseThrow().unknown().map(Value.Unknown::cause))
        .contains(Value.Unknown.Cause.SECRET);
    assertThat(e.notes())
        .containsExactly(
            m.pos("configMapRef: {name: elsewhere", "configMapRef")
                + ": ConfigMap elsewhere is not among the linted files: the variables it adds are unknown (optional: none if it does not exist)",
            m.pos("secretRef: {name: vault-injected}", "secretRef")
                + ": Secret vault-injected is not among the linted files: the variables it adds are unknown",
            m.pos("configMapKeyRef: {name: absent", "{")
                + ": env A: ConfigMap absent is not among the linted files; its value is unknown",
            m.pos("configMapKeyRef: {name: present", "{")
                + ": env POOL: ConfigMap present has no key nope; optional, so the variable is not set",
            m.pos("secretKeyRef: {name: creds", "{")
                + ": env C: Secret creds has no key password; the pod will not start");
  }

  @Test
  void aContainerWithoutEnvironmentHasAnEmptyOne() {
    Environment sidecar =
        Environment.of(cluster.workloads().get(0).containers().get(1), cluster, "shop");

    assertThat(sidecar.entries()).isEmpty();
    assertThat(sidecar.get("X")).isEqualTo(Optional.empty());
  }
}
