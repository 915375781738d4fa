package dev.poolguard.core.project;

import static dev.poolguard.core.project.PoolguardConfigTestSupport.load;
import static dev.poolguard.core.project.PoolguardConfigTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolguardConfigsLoadTest {

  private static final String SPEC_EXAMPLE = "spec-example.yaml";

  @TempDir Path dir;

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("poolguard.yaml", line, column);
  }

  @Test
  void specExampleLoadsWithEveryValue() {
    PoolguardConfig config = load(dir, resource(SPEC_EXAMPLE));
    Path base = dir.toAbsolutePath().normalize();

    assertThat(config.file()).contains(base.resolve("poolguard.yaml"));
    assertThat(config.displayPath()).isEqualTo("poolguard.yaml");
    assertThat(config.baseDir()).isEqualTo(base);
    assertThat(config.baseline()).contains("baseline/poolguard-baseline.json");
    assertThat(config.concurrentRollouts()).isEqualTo(ConcurrentRollouts.ONE);
    assertThat(config.hikariVersion()).isEqualTo(OptionalInt.of(6));
    assertThat(config.exclude()).containsExactly("legacy/**");
    assertThat(config.limits()).isEqualTo(new Limits(10485760, 20000, 200, 100));

    assertThat(config.services()).containsOnlyKeys("orders-api");
    ServiceConfig service = config.services().get("orders-api");
    assertThat(service.name()).isEqualTo("orders-api");
    assertThat(service.framework()).contains(Framework.SPRING);
    assertThat(service.config()).containsExactly(base.resolve("orders-api/src/main/resources"));
    assertThat(service.deployment()).containsExactly(base.resolve("deploy/orders-api.yaml"));
    assertThat(service.container()).contains("app");
    assertThat(service.profiles()).containsExactly("prod");
    assertThat(service.database()).contains("orders-db");
    assertThat(service.datasources()).isEqualTo(Map.of("reporting", "reports-db"));
    assertThat(service.replicas()).isEqualTo(OptionalInt.of(6));
    assertThat(service.position()).isEqualTo(at(4, 3));
    assertThat(service.positionOf("replicas")).isEqualTo(at(12, 5));

    Load load = service.load().orElseThrow();
    assertThat(load.peakRequestsPerSecond()).isEqualTo(2400.0);
    assertThat(load.connectionHoldMillis()).isEqualTo(25.0);
    assertThat(load.replicasAtPeak()).isEqualTo(OptionalInt.of(6));
    assertThat(load.maxWaitMillis()).isEqualTo(OptionalDouble.of(200.0));
    assertThat(load.position()).isEqualTo(at(13, 5));
    assertThat(load.positionOf("peakRequestsPerSecond")).isEqualTo(at(14, 7));
    assertThat(load.positionOf("connectionHoldMillis")).isEqualTo(at(15, 7));
    assertThat(load.positionOf("maxWaitMillis")).isEqualTo(at(17, 7));

    assertThat(config.databases()).containsOnlyKeys("orders-db");
    DatabaseConfig db = config.databases().get("orders-db");
    assertThat(db.maxConnections()).isEqualTo(OptionalInt.of(500));
    assertThat(db.config()).isEmpty();
    assertThat(db.reservedConnections()).isEqualTo(10);
    assertThat(db.connectionIdleLimitSeconds()).isEqualTo(OptionalInt.of(300));
    assertThat(db.position()).isEqualTo(at(19, 3));
    assertThat(db.positionOf("maxConnections")).isEqualTo(at(20, 5));

    assertThat(config.rules()).containsOnlyKeys("pool-utilisation-high");
    RuleConfig rule = config.rules().get("pool-utilisation-high");
    assertThat(rule.severity()).contains("warning");
    assertThat(rule.severity()).contains("warning");
    assertThat(rule.off()).isFalse();
    assertThat(rule.thresholds()).isEqualTo(Map.of("maxUtilisation", 0.8));
    assertThat(rule.position()).isEqualTo(at(29, 3));

    assertThat(config.waivers()).hasSize(1);
    Waiver waiver = config.waivers().get(0);
    assertThat(waiver.rule()).isEqualTo("database-connections-exceeded");
    assertThat(waiver.path()).contains("deploy/orders-api.yaml");
    assertThat(waiver.service()).isEmpty();
    assertThat(waiver.reason())
        .isEqualTo("DBA raises max_connections to 800 on 2026-12-01, CHG-1234");
    assertThat(waiver.expires()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(waiver.position()).isEqualTo(at(31, 5));
    assertThat(waiver.positionOf("expires")).isEqualTo(at(34, 5));
    assertThat(config.positionOf("waivers")).contains(at(30, 1));
  }

  /** The example in SPEC section 4 is the one tested above, so the documentation cannot rot. */
  @Test
  void specExampleIsVerbatimFromTheSpec() throws IOException {
    Optional<Path> spec = SharedResources.locate("SPEC.md");
    assumeTrue(spec.isPresent(), SharedResources.skipMessage("SPEC.md"));
    String text = Files.readString(spec.get());
    Matcher m = Pattern.compile("## 4\\..*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertThat(m.find()).as("SPEC.md section 4 has a yaml example").isTrue();
    assertThat(resource(SPEC_EXAMPLE)).isEqualTo(m.group(1));
  }

  @Test
  void minimalFileHasDefaults() {
    PoolguardConfig config = load(dir, "version: 1\n");
    assertThat(config.services()).isEmpty();
    assertThat(config.databases()).isEmpty();
    assertThat(config.baseline()).isEmpty();
    assertThat(config.concurrentRollouts()).isEqualTo(ConcurrentRollouts.ONE);
    assertThat(config.hikariVersion()).isEmpty();
    assertThat(config.limits()).isEqualTo(Limits.DEFAULT);
    assertThat(config.rules()).isEmpty();
    assertThat(config.waivers()).isEmpty();
  }

  @Test
  void emptyConfigForRunsWithoutAFile() {
    PoolguardConfig config = PoolguardConfig.empty(dir);
    assertThat(config.file()).isEmpty();
    assertThat(config.baseDir()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(config.limits()).isEqualTo(Limits.DEFAULT);
    assertThat(config.services()).isEmpty();
  }

  @Test
  void relativePathsResolveAgainstTheFilesFolder() {
    Path sub = dir.resolve("ops");
    PoolguardConfig config =
        load(
            sub,
            """
            version: 1
            services:
              a:
                config: [../a/src/main/resources, a.yml]
                deployment: /abs/deploy.yaml
            databases:
              db: { config: pg/postgresql.conf }
            """);
    Path base = sub.toAbsolutePath().normalize();
    ServiceConfig a = config.services().get("a");
    assertThat(a.config())
        .containsExactly(
            dir.toAbsolutePath().normalize().resolve("a/src/main/resources"),
            base.resolve("a.yml"));
    assertThat(a.deployment()).containsExactly(Path.of("/abs/deploy.yaml"));
    assertThat(config.databases().get("db").config()).contains(base.resolve("pg/postgresql.conf"));
    assertThat(config.databases().get("db").maxConnections()).isEmpty();
    assertThat(config.databases().get("db").reservedConnections()).isZero();
  }

  @Test
  void stringFieldsKeepTheTextAsWritten() {
    // YAML would make these numbers or (YAML 1.1) booleans; where only a string fits, they stay
    // text.
    PoolguardConfig config =
        load(
            dir,
            """
            version: 1
            baseline: 010
            rules:
              pool-utilisation-high: { severity: off }
            waivers:
              - rule: waiver-unused
                service: 2024
                reason: 1234
                expires: 2026-12-31
            """);
    assertThat(config.baseline()).contains("010");
    assertThat(config.rules().get("pool-utilisation-high").off()).isTrue();
    assertThat(config.waivers().get(0).service()).contains("2024");
    assertThat(config.waivers().get(0).reason()).isEqualTo("1234");
  }

  @Test
  void numbersMayBeQuotedOrSigned() {
    PoolguardConfig config =
        load(
            dir,
            """
            version: 1
            concurrentRollouts: all
            services:
              a: { replicas: "3", load: { peakRequestsPerSecond: +1.5e3, connectionHoldMillis: .5 } }
            """);
    ServiceConfig a = config.services().get("a");
    assertThat(a.replicas()).isEqualTo(OptionalInt.of(3));
    assertThat(a.load().orElseThrow().peakRequestsPerSecond()).isEqualTo(1500.0);
    assertThat(a.load().orElseThrow().connectionHoldMillis()).isEqualTo(0.5);
    assertThat(a.load().orElseThrow().replicasAtPeak()).isEmpty();
    assertThat(config.concurrentRollouts()).isEqualTo(ConcurrentRollouts.ALL);
  }

  @Test
  void mapsIterateSortedByName() {
    PoolguardConfig config =
        load(
            dir,
            """
            version: 1
            services: { zeta: {}, alpha: {}, mid: {} }
            """);
    assertThat(List.copyOf(config.services().keySet())).containsExactly("alpha", "mid", "zeta");
  }
}
