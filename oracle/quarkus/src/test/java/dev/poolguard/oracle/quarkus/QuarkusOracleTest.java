package dev.poolguard.oracle.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarkus: SmallRye Config built with the sources and ordinals Quarkus gives them (system
 * properties 400, environment 300 with its name mapping, {@code application.properties} 250) and
 * the {@code prod} profile of a packaged application, read for the default datasource's Agroal
 * keys, against poolguard's Agroal model. Generated, seeded cases: a key in several sources, with
 * {@code %prod.}/{@code %dev.} variants and env names in upper-case form.
 */
class QuarkusOracleTest {

  static final long SEED = Long.getLong("oracle.seed", 15L);
  static final int CASES = Integer.getInteger("oracle.quarkusCases", 200);
  static final String PREFIX = "quarkus.datasource.jdbc.";
  static final String[] KEYS = {
    "max-size",
    "min-size",
    "initial-size",
    "acquisition-timeout",
    "idle-removal-interval",
    "max-lifetime",
    "background-validation-interval",
    "leak-detection-interval"
  };

  /** One generated configuration. */
  record Case(
      long seed,
      int number,
      Map<String, String> properties,
      Map<String, String> env,
      Map<String, String> systemProperties) {

    @Override
    public String toString() {
      return "case "
          + number
          + " of seed "
          + seed
          + "\n--- application.properties\n"
          + text(properties)
          + "--- env "
          + env
          + "\n--- -D "
          + systemProperties;
    }
  }

  @Test
  void poolguardAgreesWithSmallRyeConfigOnEveryGeneratedCase(@TempDir Path tmp) throws IOException {
    List<String> disagreements = new ArrayList<>();
    int withValues = 0;
    for (int n = 0; n < CASES; n++) {
      Case c = generate(SEED, n);
      if (!smallRye(c.properties(), c.env(), c.systemProperties()).isEmpty()) {
        withValues++;
      }
      Optional<String> d = compare(c, tmp.resolve("case-" + n), false);
      d.ifPresent(disagreements::add);
    }
    System.out.println(
        "quarkus generated: "
            + CASES
            + " cases, "
            + withValues
            + " with pool values, "
            + disagreements.size()
            + " disagreements");
    assertThat(disagreements)
        .as(
            "%d of %d cases disagree:%n%s",
            disagreements.size(), CASES, String.join("\n========\n", disagreements))
        .isEmpty();
    assertThat(withValues).as("cases that set a pool value").isGreaterThan(CASES / 2);
  }

  @Test
  void aDeliberatelyWrongModelIsCaught(@TempDir Path tmp) throws IOException {
    Case c = generate(SEED, 0);
    assertThat(compare(c, tmp.resolve("honest"), false)).isEmpty();
    assertThat(compare(c, tmp.resolve("wrong"), true))
        .hasValueSatisfying(
            r -> assertThat(r).contains("SmallRye: ", "poolguard: ", "case 0 of seed "));
  }

  static Optional<String> compare(Case c, Path dir, boolean mutate) throws IOException {
    Path service = dir.resolve("ledger/src/main/resources");
    Files.createDirectories(service);
    Files.writeString(service.resolve("application.properties"), text(c.properties()));
    Map<String, String> processEnv = new LinkedHashMap<>(c.env());
    if (!c.systemProperties().isEmpty()) {
      StringBuilder opts = new StringBuilder();
      c.systemProperties()
          .forEach(
              (k, v) ->
                  opts.append(opts.length() > 0 ? " " : "")
                      .append("-D")
                      .append(k)
                      .append('=')
                      .append(v));
      processEnv.put("JAVA_TOOL_OPTIONS", opts.toString());
    }
    if (!processEnv.isEmpty()) {
      StringBuilder y =
          new StringBuilder(
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                  + "  name: ledger\nspec:\n  template:\n    spec:\n      containers:\n"
                  + "        - name: ledger\n          image: ledger:1\n          env:\n");
      processEnv.forEach(
          (k, v) ->
              y.append("            - name: ")
                  .append(k)
                  .append("\n              value: '")
                  .append(v.replace("'", "''"))
                  .append("'\n"));
      Files.writeString(dir.resolve("deploy.yaml"), y.toString());
    }
    Map<String, String> smallRye = smallRye(c.properties(), processEnv, c.systemProperties());
    Map<String, String> ours = poolguard(dir);
    if (mutate) {
      ours.merge("max-size", "1", (a, b) -> a + "0");
    }
    if (ours.equals(smallRye)) {
      return Optional.empty();
    }
    return Optional.of("SmallRye: " + smallRye + "\npoolguard: " + ours + "\n" + c);
  }

  /** The values SmallRye Config resolves, as Quarkus configures it for the prod profile. */
  static Map<String, String> smallRye(
      Map<String, String> properties, Map<String, String> env, Map<String, String> sys)
      throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text(properties)));
    Map<String, String> fileValues = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> fileValues.put(k, p.getProperty(k)));
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withProfile("prod")
            .withSources(
                new PropertiesConfigSource(fileValues, "application.properties", 250),
                new io.smallrye.config.EnvConfigSource(env, 300),
                new MapBackedConfigSource("SysPropConfigSource", sys, 400) {})
            .build();
    Map<String, String> values = new TreeMap<>();
    for (String key : KEYS) {
      config.getOptionalValue(PREFIX + key, String.class).ifPresent(v -> values.put(key, v));
    }
    return values;
  }

  /** poolguard's set (not defaulted) values of the default Agroal datasource. */
  static Map<String, String> poolguard(Path dir) {
    Service service =
        new Linter(RuleSet.of(List.of()))
            .model(LintRequest.of(dir, List.of(dir))).services().stream()
                .filter(s -> s.framework() == Framework.QUARKUS)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Quarkus service in " + dir));
    Map<String, String> values = new TreeMap<>();
    Optional<DataSource> ds =
        service.dataSources().stream()
            .filter(d -> d.pool() == PoolKind.AGROAL && d.name().equals("default"))
            .findFirst();
    if (ds.isEmpty()) {
      return values;
    }
    for (String key : KEYS) {
      ds.get().value(key).filter(Value::isSet).ifPresent(v -> values.put(key, v.text()));
    }
    return values;
  }

  static Case generate(long seed, int number) {
    Random r = new Random(seed * 1_000_003L + number);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("quarkus.datasource.db-kind", "postgresql");
    props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/ledger");
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> sys = new LinkedHashMap<>();
    int keys = 1 + r.nextInt(3);
    for (int i = 0; i < keys; i++) {
      String key = KEYS[r.nextInt(KEYS.length)];
      int placements = 1 + r.nextInt(4);
      for (int p = 0; p < placements; p++) {
        String value = value(key, r);
        switch (r.nextInt(6)) {
          case 0 -> props.put(PREFIX + key, value);
          case 1 -> props.put("%prod." + PREFIX + key, value);
          case 2 -> props.put("%dev." + PREFIX + key, value);
          case 3 ->
              env.put(
                  ("QUARKUS_DATASOURCE_JDBC_" + key.replace('-', '_')).toUpperCase(Locale.ROOT),
                  value);
          case 4 ->
              env.put(
                  ("_PROD_QUARKUS_DATASOURCE_JDBC_" + key.replace('-', '_'))
                      .toUpperCase(Locale.ROOT),
                  value);
          default -> sys.put(PREFIX + key, value);
        }
      }
    }
    return new Case(seed, number, props, env, sys);
  }

  private static String value(String key, Random r) {
    if (key.endsWith("size")) {
      return Integer.toString(1 + r.nextInt(40));
    }
    return switch (r.nextInt(3)) {
      case 0 -> (1 + r.nextInt(120)) + "S";
      case 1 -> "PT" + (1 + r.nextInt(30)) + "M";
      default -> Integer.toString(1 + r.nextInt(600));
    };
  }

  static String text(Map<String, String> props) {
    StringBuilder s = new StringBuilder();
    props.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString();
  }
}
