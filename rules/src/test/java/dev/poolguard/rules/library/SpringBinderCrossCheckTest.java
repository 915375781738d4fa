package dev.poolguard.rules.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import dev.poolguard.core.model.spring.SpringNames;
import dev.poolguard.core.model.spring.SpringNames.EnvBinding;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Proves {@link SpringNames} and {@link Value#asLong()} against Spring Boot 3.5.7's {@code Binder}
 * binding {@code spring.datasource.hikari} onto HikariCP 7.1.0, from property files ({@code
 * MapConfigurationPropertySource}) and from environment variables ({@code
 * SystemEnvironmentPropertySource}).
 */
class SpringBinderCrossCheckTest {

  private static final String PREFIX = HikariSamples.PREFIX + ".";

  private static final List<String> CANDIDATES =
      HikariProperties.all().stream().map(p -> PREFIX + p.key()).toList();

  @BeforeAll
  static void registerDriver() throws SQLException {
    FakeJdbcDriver.register();
  }

  @AfterAll
  static void deregisterDriver() throws SQLException {
    FakeJdbcDriver.deregister();
  }

  // (a) ---------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} binds: {1}")
  @CsvSource({
    "spring.datasource.hikari.maximum-pool-size, true",
    "spring.datasource.hikari.maximumPoolSize, true",
    "spring.datasource.hikari.maximum_pool_size, true",
    "spring.datasource.hikari.MAXIMUM_POOL_SIZE, true",
    "spring.datasource.hikari.MaximumPoolSize, true",
    "spring.datasource.hikari.maximumpoolsize, true",
    "spring.datasource.hikari.maximum--pool_size, true",
    "spring.datasource.hikari.-maximum-pool-size, true",
    "SPRING.DATASOURCE.HIKARI.MAXIMUMPOOLSIZE, true",
    "spring.datasource.hikari.maximum.pool.size, false",
    "spring.datasource.hikari.maxPoolSize, false",
    "spring.datasource.hikari.max-pool-size, false",
  })
  void filesBindMaximumPoolSizeInEverySpellingWithTheSameUniformForm(
      String property, boolean binds) {
    HikariDataSource bound =
        HikariSamples.bind(HikariSamples.files(Map.of(property, "7")), new HikariDataSource());

    assertThat(bound.getMaximumPoolSize() == 7).as("Spring binds " + property).isEqualTo(binds);
    assertThat(SpringNames.uniform(property))
        .as("uniform form")
        .matches(
            u -> u.equals(SpringNames.uniform(PREFIX + "maximum-pool-size")) == binds, "agrees");
    String key = property.substring(PREFIX.length());
    assertThat(
            HikariProperties.find(key)
                .map(HikariProperty::key)
                .equals(Optional.of("maximum-pool-size")))
        .as("HikariProperties.find(" + key + ")")
        .isEqualTo(binds);
  }

  // (b) ---------------------------------------------------------------------------------------

  /** Texts where Spring's String-to-long conversion and {@link Value#asLong()} agree. */
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "30000",
        " 30000 ",
        "30s",
        "PT30S",
        "1.5",
        "0x1F",
        "#1F",
        "010",
        "-5",
        "+5",
        "''",
        "9999999999999999999",
        "'   '",
        "-0x1F",
        "-#1F",
        "0X1f",
        "0x7FFFFFFFFFFFFFFF",
        "-9223372036854775808",
        "0x",
        "1_000",
        "1e3",
        "30L",
        "'1,000'",
        "٣٠",
        "+0x1F",
        "+#1F",
        "0x-1",
        "30 000",
        "0x 1F",
        "- 5",
        "-0x8000000000000000",
      })
  void valueAsLongAgreesWithSpringsConversionToALongSetting(String text) {
    assertThat(asLong(text)).isEqualTo(springLong(text));
  }

  @Test
  void springsConversionOfTheBriefsTable() {
    // Spelled out so the facts are visible here, not only as agreement.
    assertThat(springLong("30000")).hasValue(30000);
    assertThat(springLong(" 30000 ")).hasValue(30000);
    assertThat(springLong("30s")).isEmpty();
    assertThat(springLong("PT30S")).isEmpty();
    assertThat(springLong("1.5")).isEmpty();
    assertThat(springLong("0x1F")).hasValue(31);
    assertThat(springLong("#1F")).hasValue(31);
    assertThat(springLong("010")).hasValue(10); // decimal, not octal
    assertThat(springLong("-5")).hasValue(-5);
    assertThat(springLong("+5")).hasValue(5);
    assertThat(springLong("")).isEmpty(); // a bind failure, not "unset": startup fails
    assertThat(springLong("9999999999999999999")).isEmpty();
  }

  @Test
  void aUnitSuffixFailsToBindToConnectionTimeout() {
    Throwable thrown =
        catchThrowable(
            () ->
                HikariSamples.bind(
                    HikariSamples.files(Map.of(PREFIX + "connection-timeout", "30s")),
                    new HikariDataSource()));

    assertThat(thrown).isInstanceOf(BindException.class);
    assertThat(HikariSamples.rootCause(thrown)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "maximum-pool-size, 0",
    "minimum-idle, -1",
    "connection-timeout, 100",
    "validation-timeout, 0",
    "idle-timeout, -1"
  })
  void aValueTheHikariSetterRejectsFailsBindingAsHikariBehaviourSays(String key, long value) {
    Throwable thrown =
        catchThrowable(
            () ->
                HikariSamples.bind(
                    HikariSamples.files(Map.of(PREFIX + key, String.valueOf(value))),
                    new HikariDataSource()));

    assertThat(thrown).isInstanceOf(BindException.class);
    assertThat(HikariSamples.rootCause(thrown)).isInstanceOf(IllegalArgumentException.class);
    assertThat(HikariBehaviour.evaluate(Map.of(key, value)).startupFails()).isTrue();
  }

  @Test
  void aPoolSizeBeyondIntFailsToBindAsHikariBehaviourSays() {
    assertThatThrownBy(
            () ->
                HikariSamples.bind(
                    HikariSamples.files(Map.of(PREFIX + "maximum-pool-size", "3000000000")),
                    new HikariDataSource()))
        .isInstanceOf(BindException.class);
    assertThat(
            HikariBehaviour.evaluate(Map.of(HikariBehaviour.MAXIMUM_POOL_SIZE, 3_000_000_000L))
                .startupFails())
        .isTrue();
  }

  // (c), (d) and the env-name rules --------------------------------------------------------------

  @Test
  void bothEnvFormsBindAndTheDocumentedFormWinsWhenBothArePresent() {
    String documented = SpringNames.envName(PREFIX + "maximum-pool-size");
    String legacy = SpringNames.legacyEnvName(PREFIX + "maximum-pool-size");
    assertThat(documented).isEqualTo("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE");
    assertThat(legacy).isEqualTo("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");

    assertThat(envBound(Map.of(documented, "7")).getMaximumPoolSize()).isEqualTo(7);
    assertThat(envBound(Map.of(legacy, "8")).getMaximumPoolSize()).isEqualTo(8);
    assertThat(envBound(Map.of(documented, "7", legacy, "8")).getMaximumPoolSize()).isEqualTo(7);
  }

  @Test
  void anAbbreviatedEnvVarBindsToNothingAndIsReportedSo() {
    String name = "SPRING_DATASOURCE_HIKARI_MAXPOOLSIZE";

    assertThat(HikariSamples.state(envBound(Map.of(name, "7"))))
        .isEqualTo(HikariSamples.state(new HikariConfig()));
    assertThat(SpringNames.boundProperty(name, CANDIDATES)).isEmpty();
    assertThat(HikariProperties.closest("MAXPOOLSIZE", 1)).containsExactly("maximum-pool-size");
  }

  static Stream<Arguments> envNames() {
    return Stream.of(
        env("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "maximum-pool-size", false),
        env("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "maximum-pool-size", true),
        env("spring_datasource_hikari_maximumpoolsize", "maximum-pool-size", false),
        env("spring_datasource_hikari_maximum_pool_size", "maximum-pool-size", true),
        env("Spring_Datasource_Hikari_MaximumPoolSize", "maximum-pool-size", false),
        env("Spring_Datasource_Hikari_Maximum_Pool_Size", null, false),
        env("SPRING_DATASOURCE_HIKARI_MAXIMUM-POOL-SIZE", "maximum-pool-size", false),
        env("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOL_SIZE", null, false),
        env("SPRING_DATASOURCE_HIKARI_MAXIMUM__POOL_SIZE", null, false),
        env("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE_", "maximum-pool-size", false),
        env("SPRING__DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "maximum-pool-size", false),
        env("_SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "maximum-pool-size", false),
        env("spring.datasource.hikari.MaximumPoolSize", "maximum-pool-size", false),
        env("SPRING_DATASOURCE_HIKARI.MAXIMUMPOOLSIZE", null, false),
        env("SPRING_DATASOURCE_HIKARI_MAXPOOLSIZE", null, false),
        env("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "connection-timeout", false),
        env("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "connection-timeout", true),
        env("SPRING_DATASOURCE_HIKARI_DATASOURCEJNDI", "data-source-j-n-d-i", false),
        env("SPRING_DATASOURCE_HIKARI_DATA_SOURCE_J_N_D_I", "data-source-j-n-d-i", true),
        env("SPRING_DATASOURCE_HIKARI_DATA_SOURCE_JNDI", null, false),
        env("SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_FOO", "data-source-properties", false),
        env("SPRING_DATASOURCE_HIKARI_DATA_SOURCE_PROPERTIES_FOO", null, false),
        env("SPRING_DATASOURCE_HIKARI_HEALTHCHECKPROPERTIES_FOO", "health-check-properties", false),
        env("SPRING_DATASOURCE_HIKARI_HEALTH_CHECK_PROPERTIES_FOO", null, false));
  }

  private static Arguments env(String name, String key, boolean legacy) {
    return Arguments.of(name, Optional.ofNullable(key), legacy);
  }

  @ParameterizedTest(name = "{0} -> {1}, legacy {2}")
  @MethodSource("envNames")
  void boundPropertyNamesWhatTheBinderBindsAnEnvVarTo(
      String name, Optional<String> key, boolean legacy) {
    // HikariConfig, not HikariDataSource: which name binds is independent of the getter hazard.
    Set<String> changed = changedBy(Map.of(name, key.map(HikariSamples::textFor).orElse("7")));

    assertThat(changed).as("what the Binder binds").isEqualTo(key.map(Set::of).orElse(Set.of()));
    Optional<EnvBinding> predicted = SpringNames.boundProperty(name, CANDIDATES);
    assertThat(predicted.map(EnvBinding::property)).isEqualTo(key.map(k -> PREFIX + k));
    predicted.ifPresent(
        b -> {
          assertThat(b.legacy()).as("legacy").isEqualTo(legacy);
          if (name.indexOf('.') < 0) {
            // Spring's own mapper reads a legacy name as another property: a.b-c as a.b.c.
            ConfigurationPropertyName mapped = springMapsTo(name);
            ConfigurationPropertyName property = ConfigurationPropertyName.of(b.property());
            boolean documented =
                b.mapKey().isPresent() ? property.isAncestorOf(mapped) : property.equals(mapped);
            assertThat(b.legacy()).as("legacy per Spring's mapper").isEqualTo(!documented);
          }
        });
  }

  @Test
  void mapEntriesFromEnvVarsTakeTheirKeyFromTheNameInLowerCase() {
    Map<String, String> vars =
        Map.of(
            "SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_CACHE_PREP_STMTS", "true",
            "SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_PrepStmtCacheSize", "250");
    HikariConfig bound = envBound(vars);

    assertThat(new TreeSet<>(bound.getDataSourceProperties().stringPropertyNames()))
        .containsExactly("cache.prep.stmts", "prepstmtcachesize");
    for (String name : vars.keySet()) {
      assertThat(SpringNames.boundProperty(name, CANDIDATES).flatMap(EnvBinding::mapKey))
          .hasValueSatisfying(k -> assertThat(bound.getDataSourceProperties()).containsKey(k));
    }
  }

  @Test
  void envNamesAreTheOnesSpringsSystemEnvironmentMapperLooksUp() {
    for (String property :
        Stream.concat(CANDIDATES.stream(), Stream.of("my.service[0].other", "my.map[foo-bar].x"))
            .toList()) {
      List<String> spring = springEnvNames(property);
      assertThat(spring).as(property).first().isEqualTo(SpringNames.envName(property));
      assertThat(spring).as(property).contains(SpringNames.legacyEnvName(property));
    }
  }

  // (e) ---------------------------------------------------------------------------------------

  @Test
  void legacyConnectionTimeoutStartsThePoolDuringBindingAndThePoolKeepsTheDefault()
      throws ReflectiveOperationException {
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      HikariSamples.bind(
          HikariSamples.env(Map.of("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "31000")), ds);

      assertThat(ds.isRunning()).as("pool started by binding").isTrue();
      assertThat(ds.getConnectionTimeout()).as("the config").isEqualTo(31000);
      assertThat(runningPoolConnectionTimeout(ds)).as("what the pool uses").isEqualTo(30000);
    }
  }

  @Test
  void legacyConnectionKeyFailsStartupWhenASealedSettingIsBoundAfterIt() {
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      Throwable thrown =
          catchThrowable(
              () ->
                  HikariSamples.bind(
                      HikariSamples.envAndFiles(
                          Map.of("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "31000"),
                          Map.of(PREFIX + "pool-name", "orders")),
                      ds));

      assertThat(thrown).isInstanceOf(BindException.class);
      assertThat(HikariSamples.rootCause(thrown))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("sealed");
    }
  }

  @Test
  void legacyConnectionKeyFailsStartupWhenTheDatabaseCannotBeReached() {
    try (HikariDataSource ds = dataSource("jdbc:poolguard-nowhere://db.invalid/orders")) {
      Throwable thrown =
          catchThrowable(
              () ->
                  HikariSamples.bind(
                      HikariSamples.env(
                          Map.of("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "31000")),
                      ds));

      assertThat(thrown).isInstanceOf(BindException.class).hasMessageContaining("connection");
      assertThat(HikariSamples.rootCause(thrown)).isInstanceOf(SQLException.class);
    }
  }

  static Stream<HikariProperty> textProperties() {
    return HikariProperties.all().stream()
        .filter(p -> p.type() != HikariProperty.Type.MAP)
        .filter(p -> HikariSamples.text(p).isPresent());
  }

  /**
   * What env-override-misbinds says about a setting bound after the legacy variable started the
   * pool: startup fails exactly for the keys HikariProperties does not call changeable.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("textProperties")
  void aSettingBoundAfterTheLegacyVariableFailsStartupExactlyWhenHikariSealsIt(
      HikariProperty property) {
    boolean failed;
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      Throwable thrown =
          catchThrowable(
              () ->
                  HikariSamples.bind(
                      HikariSamples.envAndFiles(
                          Map.of("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "31000"),
                          Map.of(PREFIX + property.key(), HikariSamples.text(property).get())),
                      ds));
      failed = thrown != null;
      if (failed) {
        assertThat(HikariSamples.rootCause(thrown)).hasMessageContaining("sealed");
      }
    }
    assertThat(failed).isEqualTo(!HikariProperties.changeableAfterStart(property.key()));
  }

  @Test
  void documentedConnectionTimeoutEnvVarDoesNotStartThePool() {
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      HikariSamples.bind(
          HikariSamples.envAndFiles(
              Map.of("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "31000"),
              Map.of(PREFIX + "pool-name", "orders")),
          ds);

      assertThat(ds.isRunning()).isFalse();
      assertThat(ds.getConnectionTimeout()).isEqualTo(31000);
      assertThat(ds.getPoolName()).isEqualTo("orders");
    }
  }

  @Test
  void theNestedConnectionPropertyInAFileStartsThePoolToo() {
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      HikariSamples.bind(HikariSamples.files(Map.of(PREFIX + "connection.timeout", "31000")), ds);

      assertThat(ds.isRunning()).isTrue();
      assertThat(ds.getConnectionTimeout()).isEqualTo(30000);
    }
  }

  static Stream<HikariProperty> multiWordTextProperties() {
    return HikariProperties.all().stream()
        .filter(p -> p.key().contains("-"))
        .filter(p -> HikariSamples.text(p).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multiWordTextProperties")
  void legacyEnvFormIsAHazardExactlyForTheKeysSpringNamesFlags(HikariProperty property) {
    String text = HikariSamples.text(property).orElseThrow();
    String name = SpringNames.legacyEnvName(PREFIX + HikariSamples.sampleKey(property));
    boolean failed;
    boolean started;
    boolean applied;
    Map<String, Object> before = HikariSamples.state(dataSource(FakeJdbcDriver.URL));
    try (HikariDataSource ds = dataSource(FakeJdbcDriver.URL)) {
      failed =
          catchThrowable(() -> HikariSamples.bind(HikariSamples.env(Map.of(name, text)), ds))
              != null;
      started = ds.isRunning();
      Map<String, Object> after = HikariSamples.state(ds);
      applied = !Objects.equals(before.get(property.key()), after.get(property.key()));
    }
    boolean expectedApplied =
        property.type() != HikariProperty.Type.MAP
            && !property.key().equals("login-timeout") // never reaches an unstarted pool
            && !property.key().equals("credentials-provider-class-name"); // getter stays null

    if (property.type() == HikariProperty.Type.MAP) {
      assertThat(applied).as("the legacy form never reaches a map entry").isFalse();
      assertThat(SpringNames.boundProperty(name, CANDIDATES)).isEmpty();
      return;
    }
    boolean hazard = failed || started || applied != expectedApplied;
    assertThat(hazard)
        .as("failed %s, started the pool %s, applied %s", failed, started, applied)
        .isEqualTo(SpringNames.isLegacyHazard(property.key()));
  }

  @Test
  void theConnectionKeysAreTheHazardsAndDataSourceKeysAreNot() {
    Set<String> hazards =
        HikariProperties.all().stream()
            .map(HikariProperty::key)
            .filter(SpringNames::isLegacyHazard)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(hazards)
        .containsExactly("connection-init-sql", "connection-test-query", "connection-timeout");
  }

  // helpers -------------------------------------------------------------------------------------

  private static OptionalLong springLong(String text) {
    // leakDetectionThreshold: a long setter that accepts every value, so only conversion decides.
    HikariDataSource target = new HikariDataSource();
    target.setLeakDetectionThreshold(-42);
    try {
      HikariSamples.bind(
          HikariSamples.files(Map.of(PREFIX + "leak-detection-threshold", text)), target);
    } catch (BindException e) {
      return OptionalLong.empty();
    }
    assertThat(target.getLeakDetectionThreshold()).as("bound").isNotEqualTo(-42);
    return OptionalLong.of(target.getLeakDetectionThreshold());
  }

  private static OptionalLong asLong(String text) {
    Origin origin =
        new Origin(
            Origin.Kind.FILE,
            SourcePosition.startOf("application.properties"),
            PREFIX + "leak-detection-threshold",
            text);
    return Value.set(text, origin, List.of()).asLong();
  }

  private static HikariConfig envBound(Map<String, String> vars) {
    return HikariSamples.bind(HikariSamples.env(vars), new HikariConfig());
  }

  private static Set<String> changedBy(Map<String, String> vars) {
    Map<String, Object> before = HikariSamples.state(new HikariConfig());
    Map<String, Object> after = HikariSamples.state(envBound(vars));
    return after.keySet().stream()
        .filter(k -> !Objects.equals(before.get(k), after.get(k)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static HikariDataSource dataSource(String url) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url); // Spring Boot sets the URL before it binds spring.datasource.hikari
    return ds;
  }

  /** The connectionTimeout the running pool copied at start (PoolBase has no getter for it). */
  private static long runningPoolConnectionTimeout(HikariDataSource ds)
      throws ReflectiveOperationException {
    Field pool = HikariDataSource.class.getDeclaredField("pool");
    pool.setAccessible(true);
    Field timeout =
        Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionTimeout");
    timeout.setAccessible(true);
    return timeout.getLong(pool.get(ds));
  }

  private static Object systemEnvironmentMapper() throws ReflectiveOperationException {
    Class<?> type =
        Class.forName(
            "org.springframework.boot.context.properties.source.SystemEnvironmentPropertyMapper");
    Field instance = type.getField("INSTANCE");
    instance.setAccessible(true);
    return instance.get(null);
  }

  /** The property Spring's SystemEnvironmentPropertyMapper reads an env var name as. */
  private static ConfigurationPropertyName springMapsTo(String envName) {
    try {
      Object mapper = systemEnvironmentMapper();
      Method map = mapper.getClass().getMethod("map", String.class);
      map.setAccessible(true);
      return (ConfigurationPropertyName) map.invoke(mapper, envName);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The env var names Spring's SystemEnvironmentPropertyMapper tries for a property, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> springEnvNames(String property) {
    try {
      Object mapper = systemEnvironmentMapper();
      Method map = mapper.getClass().getMethod("map", ConfigurationPropertyName.class);
      map.setAccessible(true);
      return (List<String>) map.invoke(mapper, ConfigurationPropertyName.of(property));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
