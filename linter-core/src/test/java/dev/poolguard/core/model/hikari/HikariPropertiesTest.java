package dev.poolguard.core.model.hikari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HikariPropertiesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "maximum-pool-size",
        "maximumPoolSize",
        "maximum_pool_size",
        "MAXIMUM_POOL_SIZE",
        "MaximumPoolSize",
        "maximumpoolsize",
        "-maximum--pool_size"
      })
  void findAcceptsEveryRelaxedSpelling(String spelling) {
    assertThat(HikariProperties.find(spelling))
        .map(HikariProperty::key)
        .contains("maximum-pool-size");
  }

  @Test
  void findMapsTheSplitAcronymOfDataSourceJndi() {
    assertThat(HikariProperties.find("dataSourceJNDI"))
        .map(HikariProperty::key)
        .contains("data-source-j-n-d-i");
    assertThat(HikariProperties.find("data-source-jndi"))
        .map(HikariProperty::key)
        .contains("data-source-j-n-d-i");
  }

  @Test
  void findGivesTheMapPropertyForAnEntryBelowIt() {
    assertThat(HikariProperties.find("data-source-properties.cachePrepStmts"))
        .map(HikariProperty::type)
        .contains(HikariProperty.Type.MAP);
    assertThat(HikariProperties.find("dataSourceProperties[cachePrepStmts]"))
        .map(HikariProperty::key)
        .contains("data-source-properties");
  }

  @ParameterizedTest
  @ValueSource(strings = {"maxPoolSize", "maximum.pool.size", "pool-name.x", "", "-"})
  void findRejectsWhatSpringDoesNotBind(String key) {
    assertThat(HikariProperties.find(key)).isEmpty();
  }

  @Test
  void allIsSortedByKey() {
    assertThat(HikariProperties.all())
        .isSortedAccordingTo(Comparator.comparing(HikariProperty::key));
  }

  @ParameterizedTest
  @CsvSource({
    "keepalive-time, 4, 0",
    "keepalive-time, 5, 0",
    "keepalive-time, 6, 120000",
    "keepalive-time, 7, 120000",
    "maxLifetime, 5, 1800000",
    "connection-timeout, 7, 30000",
    "maximum-pool-size, 4, 10",
  })
  void defaultTextFollowsTheMajor(String key, int major, String expected) {
    assertThat(HikariProperties.defaultText(key, major)).contains(expected);
  }

  @Test
  void defaultTextIsEmptyWhereThereIsNoPlainDefault() {
    assertThat(HikariProperties.defaultText("minimum-idle", 7)).isEmpty();
    assertThat(HikariProperties.defaultText("pool-name", 7)).isEmpty();
    assertThat(HikariProperties.defaultText("no-such-key", 7)).isEmpty();
  }

  @Test
  void propertiesAddedInLaterMajorsDoNotExistEarlier() {
    HikariProperty provider =
        HikariProperties.find("credentials-provider-class-name").orElseThrow();
    assertThat(provider.existsIn(6)).isFalse();
    assertThat(provider.existsIn(7)).isTrue();
    assertThat(HikariProperties.find("exception-override").orElseThrow().existsIn(5)).isFalse();
    assertThat(HikariProperties.find("keepalive-time").orElseThrow().existsIn(4)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 8})
  void unmodelledMajorsAreRejected(int major) {
    assertThatThrownBy(() -> HikariProperties.defaultText("keepalive-time", major))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HikariCP " + major);
  }

  @ParameterizedTest
  @CsvSource({
    "maxPoolSize, maximum-pool-size",
    "MAXPOOLSIZE, maximum-pool-size",
    "maximum-pool-sise, maximum-pool-size",
    "minIdle, minimum-idle",
    "connectionTimeOut, connection-timeout",
    "idle-timout, idle-timeout",
    "maxLifeTime, max-lifetime",
    "max-life-time, max-lifetime",
    "keepAliveTime, keepalive-time",
    "leakDetection, leak-detection-threshold",
    "jdbcURL, jdbc-url",
  })
  void closestSuggestsTheIntendedKeyFirst(String typo, String intended) {
    assertThat(HikariProperties.closest(typo, 3)).first().isEqualTo(intended);
  }

  @Test
  void closestLimitsAndSuggestsNothingForUnrelatedKeys() {
    assertThat(HikariProperties.closest("timeout", 2)).hasSize(2);
    assertThat(HikariProperties.closest("spring-banner-mode", 3)).isEmpty();
  }
}
