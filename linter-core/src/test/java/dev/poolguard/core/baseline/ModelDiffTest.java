package dev.poolguard.core.baseline;

import static dev.poolguard.core.baseline.Models.byDefault;
import static dev.poolguard.core.baseline.Models.hikari;
import static dev.poolguard.core.baseline.Models.model;
import static dev.poolguard.core.baseline.Models.set;
import static dev.poolguard.core.baseline.Models.spring;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.baseline.Change.Kind;
import dev.poolguard.core.baseline.Change.Scope;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

  private static final String YML = "orders/application.yml";

  private static DeploymentModel orders(String path, PoolSetting... settings) {
    return model(spring("orders", List.of("prod"), path, hikari("default", path, settings)));
  }

  @Test
  void aChangedValueKeepsBothSides() {
    DeploymentModel was = orders(YML, set("maximum-pool-size", "40", YML, 7));
    DeploymentModel now = orders(YML, set("maximum-pool-size", "10", YML, 7));

    List<Change> changes = ModelDiff.between(now, was);

    assertThat(changes).hasSize(1);
    Change c = changes.get(0);
    assertThat(c.kind()).isEqualTo(Kind.CHANGED);
    assertThat(c.scope()).isEqualTo(Scope.SETTING);
    assertThat(List.of(c.service(), c.profile(), c.dataSource(), c.key()))
        .containsExactly("orders", "prod", "default", "maximum-pool-size");
    assertThat(c.current()).map(Value::text).contains("10");
    assertThat(c.baseline()).map(Value::text).contains("40");
    assertThat(c.removedToDefault()).isFalse();
  }

  @Test
  void aRemovedSettingShowsTheDefaultThatNowApplies() {
    DeploymentModel was = orders(YML, set("connection-timeout", "2000", "x.yml", 4));
    DeploymentModel now = orders(YML, byDefault("connection-timeout", "30000", YML));

    Change c = ModelDiff.between(now, was).get(0);

    assertThat(c.kind()).isEqualTo(Kind.REMOVED);
    assertThat(c.removedToDefault()).isTrue();
    assertThat(c.baseline().get().text()).isEqualTo("2000");
    assertThat(c.baseline().get().origin().position().toString()).isEqualTo("x.yml:4:5");
    assertThat(c.current().get().isDefault()).isTrue();
    assertThat(c.current().get().text()).isEqualTo("30000");
  }

  @Test
  void aSettingWithoutDefaultThatIsGoneHasNoCurrentValue() {
    DeploymentModel was = orders(YML, set("pool-name", "orders", YML, 3));
    DeploymentModel now = orders(YML);

    Change c = ModelDiff.between(now, was).get(0);

    assertThat(c.kind()).isEqualTo(Kind.REMOVED);
    assertThat(c.current()).isEmpty();
    assertThat(c.removedToDefault()).isFalse();
  }

  @Test
  void settingAValueWhereTheDefaultAppliedIsAnAddition() {
    DeploymentModel was = orders(YML, byDefault("maximum-pool-size", "10", YML));
    DeploymentModel now = orders(YML, set("maximum-pool-size", "10", YML, 7));

    Change c = ModelDiff.between(now, was).get(0);

    assertThat(c.kind()).isEqualTo(Kind.ADDED);
    assertThat(c.baseline()).map(Value::isDefault).contains(true);
    assertThat(c.current()).map(Value::isSet).contains(true);
  }

  @Test
  void aChangedDefaultIsAChange() {
    // keepaliveTime's default went from 0 to 120000 in HikariCP 6.1.
    DeploymentModel was = orders(YML, byDefault("keepalive-time", "0", YML));
    DeploymentModel now = orders(YML, byDefault("keepalive-time", "120000", YML));

    assertThat(ModelDiff.between(now, was)).extracting(Change::kind).containsExactly(Kind.CHANGED);
  }

  @Test
  void aMovedOrRenamedFileIsNoChange() {
    DeploymentModel was =
        orders(
            "orders/src/main/resources/application.yml",
            set("maximum-pool-size", "40", "orders/src/main/resources/application.yml", 7),
            byDefault("idle-timeout", "600000", "orders/src/main/resources/application.yml"));
    DeploymentModel now =
        orders(
            "orders/config/application-prod.properties",
            set("maximum-pool-size", "40", "orders/config/application-prod.properties", 2),
            byDefault("idle-timeout", "600000", "orders/config/application-prod.properties"));

    assertThat(ModelDiff.between(now, was)).isEmpty();
  }

  @Test
  void numbersCompareAsSpringBindsThem() {
    DeploymentModel was = orders(YML, set("maximum-pool-size", "40", YML, 7));
    DeploymentModel now = orders(YML, set("maximum-pool-size", "0x28", YML, 7));

    assertThat(ModelDiff.between(now, was)).isEmpty();
  }

  @Test
  void secretsCompareMaskedAsASnapshotStoresThem() {
    DeploymentModel was = orders(YML, set("password", "******", YML, 5));
    DeploymentModel now = orders(YML, set("password", "hunter2", YML, 5));

    assertThat(ModelDiff.between(now, was)).isEmpty();
  }

  @Test
  void aValueThatBecomesUnknownIsAChange() {
    DeploymentModel was = orders(YML, set("maximum-pool-size", "40", YML, 7));
    PoolSetting unknown =
        new PoolSetting(
            "maximum-pool-size",
            Models.HIKARI + ".maximum-pool-size",
            Value.unknown(
                new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "POOL"),
                Models.file(YML, 7, "maximum-pool-size", "${POOL}"),
                List.of()),
            true);
    DeploymentModel now = orders(YML, unknown);

    assertThat(ModelDiff.between(now, was)).extracting(Change::kind).containsExactly(Kind.CHANGED);
  }

  @Test
  void wholeServicesAndDataSourcesAreAddedAndRemoved() {
    DeploymentModel was =
        model(
            spring("billing", List.of("prod"), "b.yml", hikari("default", "b.yml")),
            spring(
                "orders",
                List.of("prod"),
                YML,
                hikari("default", YML),
                hikari("reporting", YML, set("maximum-pool-size", "5", YML, 9))));
    DeploymentModel now =
        model(
            spring("orders", List.of("prod"), YML, hikari("default", YML)),
            spring("shipping", List.of("default"), "s.yml", hikari("default", "s.yml")));

    List<Change> changes = ModelDiff.between(now, was);

    assertThat(changes)
        .extracting(c -> c.kind() + " " + c.scope() + " " + c.service() + "/" + c.dataSource())
        .containsExactly(
            "REMOVED SERVICE billing/",
            "REMOVED DATASOURCE orders/reporting",
            "ADDED SERVICE shipping/");
    assertThat(changes).allSatisfy(c -> assertThat(c.current()).isEmpty());
  }

  @Test
  void aServiceWhoseProfilesChangedIsStillCompared() {
    DeploymentModel was =
        model(
            spring(
                "orders",
                List.of("prod"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "40", YML, 7))));
    DeploymentModel now =
        model(
            spring(
                "orders",
                List.of("prod", "eu"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "10", YML, 7))));

    List<Change> changes = ModelDiff.between(now, was);

    assertThat(changes)
        .extracting(
            c -> c.kind() + " " + c.scope() + " " + c.profile() + " was " + c.baselineProfile())
        .containsExactly("CHANGED SERVICE prod,eu was prod", "CHANGED SETTING prod,eu was prod");
    assertThat(changes).allMatch(Change::profilesChanged);
  }

  @Test
  void servicesAreMatchedByNameAndProfiles() {
    // What-if runs list one service per profile; each compares with its own baseline.
    DeploymentModel was =
        model(
            spring(
                "orders",
                List.of("dev"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "2", YML, 3))),
            spring(
                "orders",
                List.of("prod"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "40", YML, 7))));
    DeploymentModel now =
        model(
            spring(
                "orders",
                List.of("prod"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "40", YML, 7))),
            spring(
                "orders",
                List.of("dev"),
                YML,
                hikari("default", YML, set("maximum-pool-size", "2", YML, 3))));

    assertThat(ModelDiff.between(now, was)).isEmpty();
  }

  @Test
  void theOrderIsDeterministic() {
    DeploymentModel was =
        model(
            spring(
                "b",
                List.of("prod"),
                YML,
                hikari(
                    "default",
                    YML,
                    set("max-lifetime", "1", YML, 2),
                    set("idle-timeout", "1", YML, 3))),
            spring(
                "a",
                List.of("prod"),
                YML,
                hikari("default", YML, set("minimum-idle", "1", YML, 2))));
    DeploymentModel now =
        model(
            spring(
                "a",
                List.of("prod"),
                YML,
                hikari("default", YML, set("minimum-idle", "2", YML, 2))),
            spring(
                "b",
                List.of("prod"),
                YML,
                hikari(
                    "default",
                    YML,
                    set("max-lifetime", "2", YML, 2),
                    set("idle-timeout", "2", YML, 3))));

    assertThat(ModelDiff.between(now, was))
        .extracting(c -> c.service() + "." + c.key())
        .containsExactly("a.minimum-idle", "b.idle-timeout", "b.max-lifetime");
  }
}
