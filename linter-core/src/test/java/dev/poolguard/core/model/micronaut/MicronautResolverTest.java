package dev.poolguard.core.model.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Micronaut's precedence, names and environments, as micronaut-core 4 implements them. */
class MicronautResolverTest {

  private final List<ConfigFile> files = new ArrayList<>();
  private final List<ExternalSetting> env = new ArrayList<>();
  private final List<ExternalSetting> sysProps = new ArrayList<>();
  private final List<ExternalSetting> args = new ArrayList<>();

  private Service resolve(boolean onKubernetes) {
    return MicronautResolver.resolve(
        new MicronautInput(
            "svc",
            false,
            files,
            Optional.empty(),
            List.of(),
            args,
            sysProps,
            env,
            onKubernetes,
            6));
  }

  private Service resolve() {
    return resolve(false);
  }

  private static ConfigFile yaml(String path, String text) {
    return ConfigLoader.loadText(text, path, ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
  }

  private static ConfigFile properties(String path, String text) {
    return ConfigLoader.loadText(text, path, ConfigFile.Format.PROPERTIES, 0, 0, Limits.DEFAULT);
  }

  private static ExternalSetting setting(Origin.Kind kind, String name, String text, int line) {
    return ExternalSetting.known(
        name, text, new Origin(kind, new SourcePosition("deploy.yaml", line, 9), name, text));
  }

  private static DataSource named(Service s, String name) {
    return s.dataSources().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static Value value(DataSource ds, String key) {
    return ds.value(key).orElseThrow(() -> new AssertionError("no " + key + " in " + ds));
  }

  @Test
  void hyphenatesNamesAsNameUtilsDoes() {
    assertThat(MicronautNames.hyphenate("datasources.default.maximumPoolSize"))
        .isEqualTo("datasources.default.maximum-pool-size");
    assertThat(MicronautNames.hyphenate("datasources.default.maximum_pool_size"))
        .isEqualTo("datasources.default.maximum-pool-size");
    assertThat(MicronautNames.hyphenate("datasources.myDb.URL")).isEqualTo("datasources.my-db.url");
    assertThat(MicronautNames.hyphenate("maximum-pool-size")).isEqualTo("maximum-pool-size");
  }

  @Test
  void environmentVariablesProvideEveryDotAndDashName() {
    assertThat(
            MicronautNames.envProvides(
                "DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "datasources.default.maximum-pool-size"))
        .isTrue();
    assertThat(
            MicronautNames.envProvides(
                "DATASOURCES_DEFAULT_MAXIMUMPOOLSIZE", "datasources.default.maximum-pool-size"))
        .isFalse();
    assertThat(MicronautNames.envNormalized("DATASOURCES_EVENTS_DB_URL"))
        .isEqualTo("datasources.events.db.url");
  }

  @Test
  void oneHikariPoolPerDatasourceWithHikariDefaults() {
    files.add(
        yaml(
            "application.yml",
            "datasources:\n  default:\n    url: jdbc:x\n  reportingDb:\n    url: jdbc:y\n"
                + "    maximumPoolSize: 4\n"));
    Service s = resolve();
    assertThat(s.framework()).isEqualTo(Framework.MICRONAUT);
    assertThat(s.dataSources())
        .extracting(DataSource::name)
        .containsExactly("default", "reporting-db");
    assertThat(value(named(s, "default"), "maximum-pool-size").isDefault()).isTrue();
    assertThat(value(named(s, "default"), "maximum-pool-size").text()).isEqualTo("10");
    assertThat(value(named(s, "default"), "keepalive-time").text()).isEqualTo("120000");
    assertThat(value(named(s, "reporting-db"), "maximum-pool-size").text()).isEqualTo("4");
    assertThat(value(named(s, "reporting-db"), "minimum-idle").text()).isEqualTo("4");
    assertThat(named(s, "default").anchor().line()).isEqualTo(2);
  }

  @Test
  void precedenceArgumentsThenSystemPropertiesThenEnvThenFiles() {
    files.add(yaml("application.yml", "datasources.default.maximum-pool-size: 5\n"));
    files.add(properties("application.properties", "datasources.default.maximum-pool-size=6\n"));
    Service s = resolve();
    // At the same order the YAML file wins (as the real Micronaut does in the oracle).
    assertThat(value(named(s, "default"), "maximum-pool-size").text()).isEqualTo("5");
    env.add(setting(Origin.Kind.ENV, "DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "7", 10));
    assertThat(value(named(resolve(), "default"), "maximum-pool-size").text()).isEqualTo("7");
    sysProps.add(
        setting(Origin.Kind.SYSTEM_PROPERTY, "datasources.default.maximumPoolSize", "8", 11));
    assertThat(value(named(resolve(), "default"), "maximum-pool-size").text()).isEqualTo("8");
    args.add(setting(Origin.Kind.ARGUMENT, "datasources.default.maximum-pool-size", "9", 12));
    Value v = value(named(resolve(), "default"), "maximum-pool-size");
    assertThat(v.text()).isEqualTo("9");
    assertThat(v.overridden()).hasSize(4);
  }

  @Test
  void environmentsFromPropertyThenVariableTheLastWinsAndK8sIsDeducedInAPod() {
    files.add(yaml("application.yml", "datasources.default.maximum-pool-size: 5\n"));
    files.add(yaml("application-prod.yml", "datasources.default.maximum-pool-size: 20\n"));
    files.add(yaml("application-eu.yml", "datasources.default.maximum-pool-size: 30\n"));
    files.add(yaml("application-k8s.yml", "datasources.default.maximum-pool-size: 40\n"));
    files.add(
        yaml(
            "application-dev.yml",
            "micronaut.environments: dev\n" + "datasources.default.url: x\n"));
    env.add(setting(Origin.Kind.ENV, "MICRONAUT_ENVIRONMENTS", "prod, eu", 5));
    Service s = resolve();
    assertThat(s.profiles()).containsExactly("prod", "eu");
    assertThat(value(named(s, "default"), "maximum-pool-size").text()).isEqualTo("30");
    Service pod = resolve(true);
    assertThat(pod.profiles()).containsExactly("k8s", "cloud", "prod", "eu");
    assertThat(pod.profileSource()).contains("deduced");
    assertThat(value(named(pod, "default"), "maximum-pool-size").text()).isEqualTo("30");
    env.clear();
    Service plain = resolve(true);
    assertThat(value(named(plain, "default"), "maximum-pool-size").text()).isEqualTo("40");
    env.add(setting(Origin.Kind.ENV, "MICRONAUT_ENV_DEDUCTION", "false", 6));
    assertThat(resolve(true).profiles()).isEmpty();
  }

  @Test
  void placeholdersTryEachExpressionThenTheDefault() {
    files.add(
        yaml(
            "application.yml",
            "datasources:\n  default:\n    url: ${JDBC_URL:`jdbc:h2:mem:x;A=1`}\n"
                + "    maximum-pool-size: ${pool.max:POOL_MAX:12}\n"));
    DataSource ds = named(resolve(), "default");
    assertThat(value(ds, "maximum-pool-size").text()).isEqualTo("12");
    env.add(setting(Origin.Kind.ENV, "POOL_MAX", "25", 7));
    assertThat(value(named(resolve(), "default"), "maximum-pool-size").text()).isEqualTo("25");
    // POOL_MAX also provides the property pool.max, so the file's pool.max loses to it ...
    files.add(properties("application.properties", "pool.max=30\n"));
    assertThat(value(named(resolve(), "default"), "maximum-pool-size").text()).isEqualTo("25");
    // ... and a system property beats both.
    sysProps.add(setting(Origin.Kind.SYSTEM_PROPERTY, "pool.max", "35", 9));
    assertThat(value(named(resolve(), "default"), "maximum-pool-size").text()).isEqualTo("35");
  }

  @Test
  void aDisabledDatasourceIsSwitchedOff() {
    files.add(
        yaml("application.yml", "datasources:\n  archive:\n    url: jdbc:x\n    enabled: false\n"));
    DataSource ds = named(resolve(), "archive");
    assertThat(ds.inert()).isPresent();
    assertThat(ds.inert().get().switchedOff()).isTrue();
  }

  @Test
  void applicationNameNamesTheService() {
    files.add(
        yaml(
            "application.yml", "micronaut.application.name: orders\ndatasources.default.url: x\n"));
    assertThat(resolve().name()).isEqualTo("orders");
  }
}
