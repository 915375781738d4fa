package dev.poolguard.core.model.quarkus;

import static dev.poolguard.core.model.quarkus.TestFiles.properties;
import static dev.poolguard.core.model.quarkus.TestFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuarkusResolverTest {

  private final List<ConfigFile> files = new ArrayList<>();
  private final List<ExternalSetting> external = new ArrayList<>();

  private Service resolve(Optional<String> profile, List<String> configured) {
    List<Service> services =
        QuarkusResolver.resolve(new QuarkusInput("svc", files, profile, configured, external));
    assertThat(services).hasSize(1);
    return services.get(0);
  }

  private Service resolve() {
    return resolve(Optional.empty(), List.of());
  }

  private Service resolve(String profile) {
    return resolve(Optional.of(profile), List.of());
  }

  private static DataSource only(Service service) {
    assertThat(service.dataSources()).hasSize(1);
    return service.dataSources().get(0);
  }

  private static DataSource named(Service service, String name) {
    return service.dataSources().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no datasource " + name + " in " + service));
  }

  private static Value value(DataSource ds, String key) {
    return ds.value(key).orElseThrow(() -> new AssertionError("no " + key + " in " + ds));
  }

  private void env(String name, String text) {
    external.add(
        ExternalSetting.known(
            name,
            text,
            new Origin(Origin.Kind.ENV, new SourcePosition("deploy.yaml", 20, 9), name, text)));
  }

  private void sysProp(String name, String text) {
    external.add(
        ExternalSetting.known(
            name,
            text,
            new Origin(
                Origin.Kind.SYSTEM_PROPERTY,
                new SourcePosition("deploy.yaml", 30, 9),
                name,
                text)));
  }

  // ---- defaults and the default profile -------------------------------------------------

  @Test
  void aPackagedApplicationRunsProdWithAgroalDefaults() {
    files.add(
        yaml(
            "application.yaml",
            "quarkus:\n  datasource:\n    db-kind: postgresql\n    username: app\n"));
    Service s = resolve();
    assertThat(s.framework()).isEqualTo(Framework.QUARKUS);
    assertThat(s.profiles()).containsExactly("prod");
    assertThat(s.profileSource()).contains("default");
    assertThat(s.configFiles()).containsExactly("application.yaml");
    DataSource ds = only(s);
    assertThat(ds.name()).isEqualTo("default");
    assertThat(ds.pool()).isEqualTo(PoolKind.AGROAL);
    assertThat(ds.prefix()).isEqualTo("quarkus.datasource.jdbc");
    assertThat(ds.inert()).isEmpty();
    assertThat(ds.libraryMajor()).isZero();
    assertThat(value(ds, "max-size").text()).isEqualTo("20");
    assertThat(value(ds, "min-size").text()).isEqualTo("0");
    assertThat(value(ds, "acquisition-timeout").text()).isEqualTo("5S");
    assertThat(value(ds, "idle-removal-interval").text()).isEqualTo("5M");
    assertThat(value(ds, "background-validation-interval").text()).isEqualTo("2M");
    Value max = value(ds, "max-size");
    assertThat(max.isDefault()).isTrue();
    assertThat(max.origin().kind()).isEqualTo(Origin.Kind.DEFAULT);
    assertThat(max.origin().property()).isEqualTo("quarkus.datasource.jdbc.max-size");
    // Where the settings belong: the datasource: line of the main file.
    assertThat(max.origin().position()).isEqualTo(new SourcePosition("application.yaml", 2, 3));
    assertThat(ds.anchor()).isEqualTo(max.origin().position());
  }

  @Test
  void noDatasourceKeyMeansNoDatasource() {
    files.add(properties("application.properties", "quarkus.http.port=8080\n"));
    assertThat(resolve().dataSources()).isEmpty();
  }

  @Test
  void theAnchorIsTheJdbcBlockWhenThereIsOne() {
    files.add(
        properties(
            "application.properties",
            "quarkus.http.port=8080\n"
                + "quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.datasource.jdbc.url=jdbc:postgresql://db/app\n"));
    assertThat(value(only(resolve()), "max-size").origin().position())
        .isEqualTo(new SourcePosition("application.properties", 3, 1));
  }

  @Test
  void everySetJdbcKeyIsASettingAndUnknownOnesAreMarked() {
    files.add(
        properties(
            "application.properties",
            "quarkus.datasource.jdbc.max-size=8\n"
                + "quarkus.datasource.jdbc.max-sise=9\n"
                + "quarkus.datasource.jdbc.maxSize=10\n"
                + "quarkus.datasource.jdbc.acquisition-timeout=10s\n"
                + "quarkus.datasource.jdbc.additional-jdbc-properties.sslmode=require\n"
                + "quarkus.datasource.jdbc.telemetry.enabled=true\n"));
    DataSource ds = only(resolve());
    PoolSetting max = ds.setting("max-size").orElseThrow();
    assertThat(max.known()).isTrue();
    assertThat(max.value().isSet()).isTrue();
    assertThat(max.value().text()).isEqualTo("8");
    assertThat(max.property()).isEqualTo("quarkus.datasource.jdbc.max-size");
    assertThat(max.value().origin().position())
        .isEqualTo(new SourcePosition("application.properties", 1, 34));
    assertThat(ds.setting("max-sise").orElseThrow().known()).isFalse();
    assertThat(ds.setting("maxSize").orElseThrow().known()).isFalse();
    assertThat(ds.setting("additional-jdbc-properties.sslmode").orElseThrow().known()).isTrue();
    assertThat(ds.setting("telemetry.enabled").orElseThrow().known()).isTrue();
    assertThat(QuarkusDurations.toMillis(value(ds, "acquisition-timeout").text())).hasValue(10_000);
    assertThat(ds.settings()).extracting(PoolSetting::key).isSorted();
  }

  // ---- profiles ----------------------------------------------------------------------------

  @Test
  void aProfiledKeyBeatsThePlainOneForItsProfileOnly() {
    files.add(
        properties(
            "application.properties",
            "%prod.quarkus.datasource.jdbc.max-size=8\n"
                + "quarkus.datasource.jdbc.max-size=10\n"));
    Value prod = value(only(resolve()), "max-size");
    assertThat(prod.text()).isEqualTo("8");
    assertThat(only(resolve()).setting("max-size").orElseThrow().property())
        .isEqualTo("%prod.quarkus.datasource.jdbc.max-size");
    assertThat(prod.overridden()).extracting(Origin::text).containsExactly("10");
    assertThat(value(only(resolve("dev")), "max-size").text()).isEqualTo("10");
  }

  @Test
  void aKeyForSeveralProfilesAppliesToEachAndASingleProfileKeyBeatsIt() {
    files.add(
        properties(
            "application.properties",
            "quarkus.datasource.db-kind=postgresql\n"
                + "%dev,test.quarkus.datasource.jdbc.max-size=3\n"
                + "%test.quarkus.datasource.jdbc.min-size=1\n"
                + "%dev,test.quarkus.datasource.jdbc.min-size=2\n"));
    assertThat(value(only(resolve("dev")), "max-size").text()).isEqualTo("3");
    assertThat(value(only(resolve("test")), "max-size").text()).isEqualTo("3");
    assertThat(value(only(resolve()), "max-size").isDefault()).isTrue();
    // %test. is more specific than %dev,test. even when written first.
    assertThat(value(only(resolve("test")), "min-size").text()).isEqualTo("1");
    assertThat(value(only(resolve("dev")), "min-size").text()).isEqualTo("2");
  }

  @Test
  void aParentProfileFillsInWhatTheActiveProfileDoesNotSet() {
    files.add(
        properties(
            "application.properties",
            "%kubernetes.quarkus.config.profile.parent=prod\n"
                + "%prod.quarkus.datasource.jdbc.max-size=8\n"
                + "%prod.quarkus.datasource.jdbc.min-size=2\n"
                + "%kubernetes.quarkus.datasource.jdbc.min-size=4\n"
                + "quarkus.datasource.jdbc.max-size=50\n"));
    Service s = resolve("kubernetes");
    assertThat(s.profiles()).containsExactly("kubernetes");
    assertThat(s.profileSource()).contains("--profile").contains("parent profiles prod");
    assertThat(value(only(s), "max-size").text()).isEqualTo("8");
    assertThat(value(only(s), "min-size").text()).isEqualTo("4");
  }

  @Test
  void parentProfilesChainAndAnUnprofiledParentApplies() {
    files.add(
        properties(
            "application.properties",
            "quarkus.profile=child\n"
                + "quarkus.config.profile.parent=parent\n"
                + "%parent.quarkus.config.profile.parent=grandparent\n"
                + "%grandparent.quarkus.datasource.jdbc.max-size=7\n"));
    Service s = resolve();
    assertThat(s.profiles()).containsExactly("child");
    assertThat(s.profileSource())
        .contains("quarkus.profile at application.properties:1")
        .contains("parent, grandparent");
    assertThat(value(only(s), "max-size").text()).isEqualTo("7");
  }

  @Test
  void theProfileComesFromOverrideThenDeploymentThenConfigThenPoolguardYaml() {
    files.add(
        properties(
            "application.properties",
            "quarkus.profile=staging\n"
                + "%staging.quarkus.datasource.jdbc.max-size=11\n"
                + "%eu.quarkus.datasource.jdbc.max-size=12\n"
                + "%us.quarkus.datasource.jdbc.max-size=13\n"
                + "%what.quarkus.datasource.jdbc.max-size=14\n"));
    assertThat(resolve(Optional.empty(), List.of("eu")).profiles()).containsExactly("staging");
    env("QUARKUS_PROFILE", "us");
    Service fromEnv = resolve(Optional.empty(), List.of("eu"));
    assertThat(fromEnv.profiles()).containsExactly("us");
    assertThat(fromEnv.profileSource()).isEqualTo("env QUARKUS_PROFILE at deploy.yaml:20");
    assertThat(value(only(fromEnv), "max-size").text()).isEqualTo("13");
    sysProp("quarkus.profile", "eu");
    assertThat(resolve().profiles()).containsExactly("eu");
    assertThat(resolve("what").profiles()).containsExactly("what");
    assertThat(value(only(resolve("what")), "max-size").text()).isEqualTo("14");
  }

  @Test
  void poolguardYamlProfilesApplyWhenNothingElseNamesOne() {
    files.add(properties("application.properties", "%eu.quarkus.datasource.jdbc.max-size=12\n"));
    Service s = resolve(Optional.empty(), List.of("eu", "us"));
    assertThat(s.profiles()).containsExactly("eu");
    assertThat(s.profileSource()).isEqualTo("profiles in poolguard.yaml");
    assertThat(value(only(s), "max-size").text()).isEqualTo("12");
  }

  @Test
  void prodOnlyKeysDeclareNoDatasourceInDev() {
    files.add(
        properties(
            "application.properties",
            "%prod.quarkus.datasource.db-kind=postgresql\n"
                + "%prod.quarkus.datasource.jdbc.max-size=8\n"));
    assertThat(resolve().dataSources()).hasSize(1);
    assertThat(resolve("dev").dataSources()).isEmpty();
  }

  @Test
  void aProfileAwareFileAppliesToItsProfileAndBeatsTheMainFile() {
    files.add(properties("application.properties", "quarkus.datasource.jdbc.max-size=10\n"));
    files.add(
        properties("application-staging.properties", "quarkus.datasource.jdbc.max-size=30\n"));
    Service staging = resolve("staging");
    assertThat(value(only(staging), "max-size").text()).isEqualTo("30");
    assertThat(staging.configFiles())
        .containsExactly("application.properties", "application-staging.properties");
    Service prod = resolve();
    assertThat(value(only(prod), "max-size").text()).isEqualTo("10");
    assertThat(prod.configFiles()).containsExactly("application.properties");
  }

  // ---- YAML --------------------------------------------------------------------------------

  @Test
  void yamlProfileSectionsApplyToTheirProfiles() {
    files.add(
        yaml(
            "application.yaml",
            "quarkus:\n"
                + "  datasource:\n"
                + "    db-kind: postgresql\n"
                + "    jdbc:\n"
                + "      max-size: 5\n"
                + "\"%prod\":\n"
                + "  quarkus:\n"
                + "    datasource:\n"
                + "      jdbc:\n"
                + "        max-size: 12\n"
                + "\"%dev,test\":\n"
                + "  quarkus:\n"
                + "    datasource:\n"
                + "      jdbc:\n"
                + "        min-size: 1\n"));
    DataSource prod = only(resolve());
    assertThat(value(prod, "max-size").text()).isEqualTo("12");
    assertThat(prod.setting("max-size").orElseThrow().property())
        .isEqualTo("%prod.quarkus.datasource.jdbc.max-size");
    assertThat(value(prod, "max-size").origin().position())
        .isEqualTo(new SourcePosition("application.yaml", 10, 19));
    assertThat(value(prod, "min-size").isDefault()).isTrue();
    DataSource test = only(resolve("test"));
    assertThat(value(test, "max-size").text()).isEqualTo("5");
    assertThat(value(test, "min-size").text()).isEqualTo("1");
  }

  @Test
  void yamlNullKeyGivesTheParentAndDottedKeysAreQuoted() {
    files.add(
        yaml(
            "application.yaml",
            "quarkus:\n"
                + "  datasource:\n"
                + "    \"my.ds\":\n"
                + "      db-kind: h2\n"
                + "      jdbc:\n"
                + "        ~: false\n"
                + "        max-size: 4\n"));
    DataSource ds = only(resolve());
    assertThat(ds.name()).isEqualTo("my.ds");
    assertThat(ds.prefix()).isEqualTo("quarkus.datasource.\"my.ds\".jdbc");
    assertThat(value(ds, "max-size").text()).isEqualTo("4");
    assertThat(ds.inert()).isPresent();
    assertThat(ds.inert().get().reason()).contains("is false").contains("no JDBC datasource");
    assertThat(ds.inert().get().position())
        .isEqualTo(new SourcePosition("application.yaml", 6, 12));
  }

  @Test
  void aYamlNullValueIsTheEmptyString() {
    files.add(yaml("application.yaml", "quarkus:\n  datasource:\n    jdbc:\n      max-size:\n"));
    Value max = value(only(resolve()), "max-size");
    assertThat(max.isSet()).isTrue();
    assertThat(max.text()).isEmpty();
  }

  @Test
  void aYamlFileBeatsAPropertiesFileBelowIt() {
    files.add(properties("application.properties", "quarkus.datasource.jdbc.max-size=10\n"));
    files.add(yaml("application.yaml", "quarkus:\n  datasource:\n    jdbc:\n      max-size: 15\n"));
    Value max = value(only(resolve()), "max-size");
    assertThat(max.text()).isEqualTo("15");
    assertThat(max.overridden())
        .extracting(o -> o.position().path())
        .containsExactly("application.properties");
  }

  // ---- environment variables and system properties ------------------------------------

  @Test
  void environmentVariablesBeatFilesAndSystemPropertiesBeatBoth() {
    files.add(properties("application.properties", "quarkus.datasource.jdbc.max-size=10\n"));
    env("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "30");
    PoolSetting fromEnv = only(resolve()).setting("max-size").orElseThrow();
    assertThat(fromEnv.value().text()).isEqualTo("30");
    assertThat(fromEnv.property()).isEqualTo("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    assertThat(fromEnv.value().origin().kind()).isEqualTo(Origin.Kind.ENV);
    assertThat(fromEnv.value().overridden()).extracting(Origin::text).containsExactly("10");
    sysProp("quarkus.datasource.jdbc.max-size", "40");
    Value fromSys = value(only(resolve()), "max-size");
    assertThat(fromSys.text()).isEqualTo("40");
    assertThat(fromSys.overridden()).extracting(Origin::text).containsExactly("30", "10");
  }

  @Test
  void aProfiledEnvironmentVariableAppliesToItsProfile() {
    files.add(properties("application.properties", "quarkus.datasource.jdbc.max-size=10\n"));
    env("_PROD_QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "40");
    env("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "30");
    assertThat(value(only(resolve()), "max-size").text()).isEqualTo("40");
    assertThat(value(only(resolve("dev")), "max-size").text()).isEqualTo("30");
  }

  @Test
  void aFileProfiledKeyLosesToAPlainEnvironmentVariable() {
    // SmallRye uses the profiled value only when its source ranks at least as high as the plain
    // value's source.
    files.add(properties("application.properties", "%prod.quarkus.datasource.jdbc.max-size=8\n"));
    env("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "30");
    assertThat(value(only(resolve()), "max-size").text()).isEqualTo("30");
  }

  @Test
  void anEnvironmentVariableAloneDeclaresTheDefaultDatasource() {
    env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/app");
    env("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "10s");
    env("QUARKUS_HTTP_PORT", "8080");
    DataSource ds = only(resolve());
    assertThat(value(ds, "url").text()).isEqualTo("jdbc:postgresql://db/app");
    assertThat(value(ds, "acquisition-timeout").text()).isEqualTo("10s");
    assertThat(value(ds, "max-size").isDefault()).isTrue();
  }

  @Test
  void dottedLowerCaseEnvironmentVariablesBindToo() {
    env("quarkus.datasource.jdbc.max-size", "25");
    assertThat(value(only(resolve()), "max-size").text()).isEqualTo("25");
  }

  @Test
  void aMisspeltEnvironmentVariableBindsToNothing() {
    files.add(properties("application.properties", "quarkus.datasource.db-kind=postgresql\n"));
    env("QUARKUS_DATASOURCE_JDBC_MAXSIZE", "30");
    DataSource ds = only(resolve());
    assertThat(value(ds, "max-size").isDefault()).isTrue();
    assertThat(ds.settings())
        .noneMatch(s -> s.property().equals("QUARKUS_DATASOURCE_JDBC_MAXSIZE"));
  }

  @Test
  void environmentVariablesFillTheAdditionalJdbcPropertiesMap() {
    files.add(properties("application.properties", "quarkus.datasource.db-kind=postgresql\n"));
    env("QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_SSLMODE", "require");
    PoolSetting ssl = only(resolve()).setting("additional-jdbc-properties.sslmode").orElseThrow();
    assertThat(ssl.known()).isTrue();
    assertThat(ssl.value().text()).isEqualTo("require");
  }

  // ---- named datasources ---------------------------------------------------------------

  @Test
  void namedDatasourcesInEitherSpellingWithTheirEnvironmentVariables() {
    files.add(
        properties(
            "application.properties",
            "quarkus.datasource.\"users\".db-kind=postgresql\n"
                + "quarkus.datasource.\"users\".jdbc.max-size=5\n"
                + "quarkus.datasource.orders.db-kind=mariadb\n"
                + "quarkus.datasource.orders.jdbc.max-size=7\n"
                + "quarkus.datasource.health.enabled=false\n"));
    Service plain = resolve();
    assertThat(plain.dataSources()).extracting(DataSource::name).containsExactly("orders", "users");
    assertThat(named(plain, "users").prefix()).isEqualTo("quarkus.datasource.\"users\".jdbc");
    assertThat(value(named(plain, "users"), "max-size").text()).isEqualTo("5");
    assertThat(value(named(plain, "orders"), "max-size").text()).isEqualTo("7");
    assertThat(named(plain, "users").setting("max-size").orElseThrow().property())
        .isEqualTo("quarkus.datasource.\"users\".jdbc.max-size");

    env("QUARKUS_DATASOURCE__USERS__JDBC_MAX_SIZE", "9");
    env("QUARKUS_DATASOURCE_ORDERS_JDBC_MAX_SIZE", "11");
    env("_PROD_QUARKUS_DATASOURCE__ORDERS__JDBC_MIN_SIZE", "2");
    Service withEnv = resolve();
    assertThat(value(named(withEnv, "users"), "max-size").text()).isEqualTo("9");
    assertThat(value(named(withEnv, "orders"), "max-size").text()).isEqualTo("11");
    assertThat(value(named(withEnv, "orders"), "min-size").text()).isEqualTo("2");
    assertThat(value(named(withEnv, "users"), "max-size").overridden())
        .extracting(Origin::text)
        .containsExactly("5");
  }

  @Test
  void aQuotedEnvironmentVariableAloneDeclaresANamedDatasource() {
    env("QUARKUS_DATASOURCE__REPORTS__JDBC_URL", "jdbc:postgresql://db/reports");
    env("_DEV_QUARKUS_DATASOURCE__SCRATCH__DB_KIND", "h2");
    Service s = resolve();
    assertThat(s.dataSources()).extracting(DataSource::name).containsExactly("reports");
    assertThat(value(only(s), "url").text()).isEqualTo("jdbc:postgresql://db/reports");
    assertThat(resolve("dev").dataSources())
        .extracting(DataSource::name)
        .containsExactly("reports", "scratch");
  }

  @Test
  void theDefaultAndNamedDatasourcesAreSeparate() {
    files.add(
        yaml(
            "application.yaml",
            "quarkus:\n"
                + "  datasource:\n"
                + "    db-kind: postgresql\n"
                + "    jdbc:\n"
                + "      max-size: 30\n"
                + "    users:\n"
                + "      db-kind: postgresql\n"
                + "      jdbc:\n"
                + "        max-size: 6\n"));
    Service s = resolve();
    assertThat(s.dataSources()).extracting(DataSource::name).containsExactly("default", "users");
    assertThat(value(named(s, "default"), "max-size").text()).isEqualTo("30");
    assertThat(value(named(s, "users"), "max-size").text()).isEqualTo("6");
    assertThat(named(s, "users").anchor()).isEqualTo(new SourcePosition("application.yaml", 8, 7));
  }

  // ---- expressions ---------------------------------------------------------------------

  @Test
  void expressionsExpandFromFilesAndEnvironmentOrStayUnknown() {
    files.add(
        properties(
            "application.properties",
            "pool.max=30\n"
                + "%prod.pool.max=35\n"
                + "quarkus.datasource.jdbc.max-size=${pool.max}\n"
                + "quarkus.datasource.jdbc.min-size=${POOL_MIN}\n"
                + "quarkus.datasource.jdbc.initial-size=${POOL_INITIAL:4}\n"
                + "quarkus.datasource.jdbc.acquisition-timeout=${ACQ:${pool.timeout:3}}s\n"
                + "quarkus.datasource.jdbc.url=${DB_URL}\n"));
    DataSource ds = only(resolve());
    assertThat(value(ds, "max-size").text()).isEqualTo("35");
    Value min = value(ds, "min-size");
    assertThat(min.isKnown()).isFalse();
    assertThat(min.unknown())
        .contains(new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "POOL_MIN"));
    assertThat(min.origin().text()).isEqualTo("${POOL_MIN}");
    assertThat(value(ds, "initial-size").text()).isEqualTo("4");
    assertThat(value(ds, "acquisition-timeout").text()).isEqualTo("3s");

    env("POOL_MIN", "2");
    external.add(
        ExternalSetting.unknown(
            "DB_URL",
            new Value.Unknown(Value.Unknown.Cause.SECRET, "db-secret/url"),
            new Origin(Origin.Kind.ENV, new SourcePosition("deploy.yaml", 21, 9), "DB_URL", "")));
    DataSource withEnv = only(resolve());
    assertThat(value(withEnv, "min-size").text()).isEqualTo("2");
    assertThat(value(withEnv, "url").unknown().map(Value.Unknown::cause))
        .contains(Value.Unknown.Cause.SECRET);
  }

  @Test
  void aSecretSettingIsUnknown() {
    files.add(properties("application.properties", "quarkus.datasource.db-kind=postgresql\n"));
    external.add(
        ExternalSetting.unknown(
            "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
            new Value.Unknown(Value.Unknown.Cause.SECRET, "pool/max"),
            new Origin(
                Origin.Kind.ENV,
                new SourcePosition("deploy.yaml", 22, 9),
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                "")));
    Value max = value(only(resolve()), "max-size");
    assertThat(max.isKnown()).isFalse();
    assertThat(max.unknown().map(Value.Unknown::cause)).contains(Value.Unknown.Cause.SECRET);
  }

  // ---- inert ---------------------------------------------------------------------------

  @Test
  void jdbcFalseMakesThePoolInertAndTrueDoesNot() {
    files.add(
        properties(
            "application.properties",
            "quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.datasource.jdbc=false\n"
                + "%dev.quarkus.datasource.jdbc=true\n"
                + "quarkus.datasource.jdbc.max-size=5\n"));
    DataSource prod = only(resolve());
    assertThat(prod.inert()).isPresent();
    assertThat(prod.inert().get().reason()).startsWith("quarkus.datasource.jdbc is false");
    assertThat(prod.inert().get().position().line()).isEqualTo(2);
    assertThat(only(resolve("dev")).inert()).isEmpty();
  }
}
