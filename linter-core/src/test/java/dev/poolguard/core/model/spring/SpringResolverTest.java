package dev.poolguard.core.model.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringResolverTest {

  @TempDir Path dir;

  private final List<SpringFile> files = new ArrayList<>();

  private void file(String name, String text) throws IOException {
    file(name, 0, text);
  }

  private void file(String name, int location, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    files.add(new SpringFile(ConfigLoader.load(path, name, Limits.DEFAULT), path, location));
  }

  private List<Service> resolve(List<String> configuredProfiles, Optional<List<String>> override) {
    return SpringResolver.resolve(
        new SpringInput(
            "svc",
            false,
            files,
            configuredProfiles,
            override,
            7,
            p ->
                Files.isRegularFile(p)
                    ? Optional.of(
                        ConfigLoader.load(p, dir.relativize(p).toString(), Limits.DEFAULT))
                    : Optional.<ConfigFile>empty()));
  }

  private Service only() {
    List<Service> services = resolve(List.of(), Optional.empty());
    assertThat(services).hasSize(1);
    return services.get(0);
  }

  private static Value value(Service service, String key) {
    DataSource ds = service.dataSources().get(0);
    return ds.value(key).orElseThrow();
  }

  @Test
  void relaxedBindingFindsEveryForm() throws IOException {
    file(
        "application.properties",
        "spring.datasource.hikari.maximumPoolSize=11\n"
            + "spring.datasource.hikari.MINIMUM_IDLE=3\n"
            + "spring.datasource.hikari.connection_timeout=2000\n");
    Service s = only();
    assertThat(value(s, "maximum-pool-size").text()).isEqualTo("11");
    assertThat(value(s, "minimum-idle").text()).isEqualTo("3");
    assertThat(value(s, "connection-timeout").text()).isEqualTo("2000");
  }

  @Test
  void profileFileOverridesDefaultFileAndRecordsWhatItOverrode() throws IOException {
    file(
        "application.yml",
        "spring:\n  profiles:\n    active: prod\n  datasource:\n    hikari:\n      maximum-pool-size: 40\n");
    file(
        "application-prod.yml",
        "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n");
    Service s = only();
    assertThat(s.profiles()).containsExactly("prod");
    assertThat(s.profileSource()).startsWith("spring.profiles.active at application.yml:3");
    Value max = value(s, "maximum-pool-size");
    assertThat(max.text()).isEqualTo("10");
    assertThat(max.origin().position().toString()).isEqualTo("application-prod.yml:4:26");
    assertThat(max.overridden()).extracting(Origin::text).containsExactly("40");
  }

  @Test
  void propertiesBeatYamlInOneLocation() throws IOException {
    file("application.yml", "spring.datasource.hikari.maximum-pool-size: 5\n");
    file("application.properties", "spring.datasource.hikari.maximum-pool-size=7\n");
    assertThat(value(only(), "maximum-pool-size").text()).isEqualTo("7");
  }

  @Test
  void configFolderBeatsRoot() throws IOException {
    file("application.yml", 0, "spring.datasource.hikari.maximum-pool-size: 5\n");
    file("config/application.yml", 1, "spring.datasource.hikari.maximum-pool-size: 6\n");
    assertThat(value(only(), "maximum-pool-size").text()).isEqualTo("6");
  }

  @Test
  void lastActiveProfileWins() throws IOException {
    file("application.yml", "spring.datasource.url: jdbc:x\n");
    file("application-prod.yml", "spring.datasource.hikari.maximum-pool-size: 20\n");
    file("application-live.yml", "spring.datasource.hikari.maximum-pool-size: 30\n");
    List<Service> services = resolve(List.of("prod", "live"), Optional.empty());
    assertThat(services).hasSize(1);
    assertThat(value(services.get(0), "maximum-pool-size").text()).isEqualTo("30");
  }

  @Test
  void laterActivatedDocumentWinsAndExpressionsAreEvaluated() throws IOException {
    file(
        "application.yml",
        "spring.datasource.hikari.maximum-pool-size: 1\n"
            + "---\n"
            + "spring.config.activate.on-profile: '!dev'\n"
            + "spring.datasource.hikari.maximum-pool-size: 2\n"
            + "---\n"
            + "spring.config.activate.on-profile: 'prod & eu'\n"
            + "spring.datasource.hikari.maximum-pool-size: 3\n"
            + "---\n"
            + "spring.config.activate.on-profile: '(staging | dev)'\n"
            + "spring.datasource.hikari.maximum-pool-size: 4\n");
    assertThat(
            value(resolve(List.of("prod", "eu"), Optional.empty()).get(0), "maximum-pool-size")
                .text())
        .isEqualTo("3");
    assertThat(value(resolve(List.of("dev"), Optional.empty()).get(0), "maximum-pool-size").text())
        .isEqualTo("4");
    assertThat(value(resolve(List.of("prod"), Optional.empty()).get(0), "maximum-pool-size").text())
        .isEqualTo("2");
  }

  @Test
  void mavenFilterTokenIsNotAProfile() throws IOException {
    file(
        "application.yml",
        "spring:\n  profiles:\n    active: '@spring.profiles.active@'\n  datasource.url: jdbc:x\n");
    Service s = resolve(List.of(), Optional.empty()).get(0);
    assertThat(s.profiles()).containsExactly("default");
  }

  @Test
  void includeAndGroupExpand() throws IOException {
    file(
        "application.yml",
        "spring:\n  profiles:\n    active: prod\n    include: metrics\n    group:\n      prod: [proddb, prodmq]\n  datasource.url: jdbc:x\n");
    assertThat(only().profiles()).containsExactly("metrics", "prod", "proddb", "prodmq");
  }

  @Test
  void withoutActiveProfilesEachDeclaredProfileIsAWhatIf() throws IOException {
    file("application.yml", "spring.datasource.hikari.maximum-pool-size: 40\n");
    file("application-prod.yml", "spring.datasource.hikari.maximum-pool-size: 10\n");
    List<Service> services = resolve(List.of(), Optional.empty());
    assertThat(services).extracting(Service::profileLabel).containsExactly("default", "prod");
    assertThat(value(services.get(1), "maximum-pool-size").text()).isEqualTo("10");
    assertThat(services.get(1).profileSource()).startsWith("what-if");
  }

  @Test
  void overrideReplacesEveryOtherSource() throws IOException {
    file("application.yml", "spring.profiles.active: prod\nspring.datasource.url: jdbc:x\n");
    Service s = resolve(List.of("qa"), Optional.of(List.of("staging"))).get(0);
    assertThat(s.profiles()).containsExactly("staging");
    assertThat(s.profileSource()).isEqualTo("--profile");
  }

  @Test
  void placeholdersResolveAgainstConfigAndDefaults() throws IOException {
    file(
        "application.yml",
        "pool:\n  max: 25\nspring.datasource.hikari:\n  maximum-pool-size: ${pool.max}\n"
            + "  minimum-idle: ${POOL_MIN:${pool.max}}\n  connection-timeout: ${TIMEOUT}\n");
    Service s = only();
    assertThat(value(s, "maximum-pool-size").text()).isEqualTo("25");
    assertThat(value(s, "minimum-idle").text()).isEqualTo("25");
    Value timeout = value(s, "connection-timeout");
    assertThat(timeout.isKnown()).isFalse();
    assertThat(timeout.unknown().orElseThrow().name()).isEqualTo("TIMEOUT");
  }

  @Test
  void localImportIsFollowedAndOverridesTheImporter() throws IOException {
    file(
        "application.yml",
        "spring.config.import: optional:file:./pool.yml\nspring.datasource.hikari.maximum-pool-size: 5\n");
    Files.writeString(dir.resolve("pool.yml"), "spring.datasource.hikari.maximum-pool-size: 9\n");
    Value max = value(only(), "maximum-pool-size");
    assertThat(max.text()).isEqualTo("9");
    assertThat(max.origin().position().path()).isEqualTo("pool.yml");
  }

  @Test
  void defaultsAreMarkedAndAnchoredAtTheHikariBlock() throws IOException {
    file(
        "application.yml",
        "spring:\n  datasource:\n    url: jdbc:x\n    hikari:\n      pool-name: orders\n");
    Value max = value(only(), "maximum-pool-size");
    assertThat(max.isDefault()).isTrue();
    assertThat(max.text()).isEqualTo("10");
    assertThat(max.origin().position().toString()).isEqualTo("application.yml:4:5");
    assertThat(value(only(), "minimum-idle").text()).isEqualTo("10");
  }

  @Test
  void otherPoolTypeIsThatPoolAndMakesHikariSettingsInert() throws IOException {
    file(
        "application.yml",
        "spring.datasource:\n  type: org.apache.commons.dbcp2.BasicDataSource\n  hikari.maximum-pool-size: 5\n");
    DataSource dbcp2 = only().dataSources().get(0);
    assertThat(dbcp2.name()).isEqualTo("default");
    assertThat(dbcp2.pool()).isEqualTo(PoolKind.DBCP2);
    assertThat(dbcp2.value("max-total").map(Value::text)).contains("8");
    DataSource hikari = only().dataSources().get(1);
    assertThat(hikari.name()).isEqualTo("hikari");
    assertThat(hikari.inert()).isPresent();
  }

  @Test
  void applicationNameNamesTheService() throws IOException {
    file("application.yml", "spring.application.name: orders-api\nspring.datasource.url: jdbc:x\n");
    assertThat(only().name()).isEqualTo("orders-api");
  }

  @Test
  void noDatasourceMeansNoPool() throws IOException {
    file("application.yml", "server.port: 8080\n");
    assertThat(only().dataSources()).isEmpty();
  }
}
