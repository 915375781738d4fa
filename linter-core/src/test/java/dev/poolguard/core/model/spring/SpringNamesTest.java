package dev.poolguard.core.model.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.spring.SpringNames.EnvBinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples; {@code SpringBinderCrossCheckTest} proves the rules against Spring's Binder. */
class SpringNamesTest {

  private static final String MAX = "spring.datasource.hikari.maximum-pool-size";
  private static final String PROPS = "spring.datasource.hikari.data-source-properties";
  private static final List<String> CANDIDATES =
      List.of(MAX, PROPS, "spring.datasource.hikari.connection-timeout");

  @ParameterizedTest
  @CsvSource({
    "spring.datasource.hikari.maximum-pool-size, spring.datasource.hikari.maximumpoolsize",
    "Spring.DataSource.Hikari.MAXIMUM_POOL_SIZE, spring.datasource.hikari.maximumpoolsize",
    "spring.datasource.hikari.maximumPoolSize, spring.datasource.hikari.maximumpoolsize",
    "spring.datasource.hikari.data-source-properties[cachePrepStmts],"
        + " spring.datasource.hikari.datasourceproperties[cachePrepStmts]",
    "my.list[0].other-name, my.list[0].othername",
    "a.b[c.d].e, a.b[c.d].e",
  })
  void uniformKeepsLettersAndDigitsPerElementAndIndexesAsWritten(String name, String uniform) {
    assertThat(SpringNames.uniform(name)).isEqualTo(uniform);
  }

  @ParameterizedTest
  @CsvSource({
    "spring.datasource.hikari.maximum-pool-size, SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE,"
        + " SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE",
    "spring.datasource.hikari.data-source-j-n-d-i, SPRING_DATASOURCE_HIKARI_DATASOURCEJNDI,"
        + " SPRING_DATASOURCE_HIKARI_DATA_SOURCE_J_N_D_I",
    "my.service[0].other, MY_SERVICE_0_OTHER, MY_SERVICE_0_OTHER",
    "my.map[foo-bar].x, MY_MAP_FOO-BAR_X, MY_MAP_FOO_BAR_X",
  })
  void envNamesAreUpperCaseWithUnderscores(String property, String env, String legacy) {
    assertThat(SpringNames.envName(property)).isEqualTo(env);
    assertThat(SpringNames.legacyEnvName(property)).isEqualTo(legacy);
  }

  @ParameterizedTest
  @CsvSource({
    "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE, false",
    "spring_datasource_hikari_maximumpoolsize, false",
    "Spring_Datasource_Hikari_MaximumPoolSize, false",
    "SPRING__DATASOURCE_HIKARI_MAXIMUMPOOLSIZE_, false",
    "spring.datasource.hikari.MaximumPoolSize, false",
    "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE, true",
    "spring_datasource_hikari_maximum_pool_size, true",
  })
  void theDocumentedFormBindsInAnyCaseTheLegacyFormOnlyInOneCase(String env, boolean legacy) {
    assertThat(SpringNames.boundProperty(env, CANDIDATES))
        .contains(new EnvBinding(MAX, Optional.empty(), legacy));
  }

  @ParameterizedTest
  @CsvSource({
    "Spring_Datasource_Hikari_Maximum_Pool_Size",
    "SPRING_DATASOURCE_HIKARI_MAXPOOLSIZE",
    "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOL_SIZE",
    "SPRING_DATASOURCE_HIKARI.MAXIMUMPOOLSIZE",
    "SPRING_DATASOURCE_HIKARI_DATA_SOURCE_PROPERTIES_FOO",
    "SPRING_DATASOURCE",
  })
  void otherNamesBindToNothing(String env) {
    assertThat(SpringNames.boundProperty(env, CANDIDATES)).isEmpty();
  }

  @Test
  void anEnvVarBelowACandidateIsAMapEntryWithALowerCaseDottedKey() {
    assertThat(
            SpringNames.boundProperty(
                "SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_CACHE_PREP_STMTS", CANDIDATES))
        .contains(new EnvBinding(PROPS, Optional.of("cache.prep.stmts"), false));
    assertThat(
            SpringNames.boundProperty(
                "spring.datasource.hikari.data-source-properties.cachePrepStmts", CANDIDATES))
        .contains(new EnvBinding(PROPS, Optional.of("cachePrepStmts"), false));
  }

  @Test
  void theExactPropertyWinsOverAMapEntryOfAShorterCandidate() {
    List<String> candidates = List.of("a.b", "a.b.c");

    assertThat(SpringNames.boundProperty("A_B_C", candidates))
        .contains(new EnvBinding("a.b.c", Optional.empty(), false));
    assertThat(SpringNames.boundProperty("A_B_C_D", candidates))
        .contains(new EnvBinding("a.b.c", Optional.of("d"), false));
  }

  @ParameterizedTest
  @CsvSource({
    "connection-timeout, true",
    "connectionTimeout, true",
    "connection-test-query, true",
    "connection-init-sql, true",
    "data-source-class-name, false",
    "maximum-pool-size, false",
  })
  void onlyTheConnectionKeysAreLegacyHazards(String key, boolean hazard) {
    assertThat(SpringNames.isLegacyHazard(key)).isEqualTo(hazard);
  }
}
