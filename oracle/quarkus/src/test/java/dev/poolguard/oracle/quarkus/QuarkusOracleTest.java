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
  static final String NAMED = "users";
  static final String NAMED_PREFIX = "quarkus.datasource." + NAMED + ".jdbc.";
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
      Map<String, String> yaml,
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
          + (yaml.isEmpty() ? "" : "--- application.yaml\n" + yamlText(yaml))
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
      if (!smallRye(c.properties(), c.yaml(), c.env(), c.systemProperties()).isEmpty()) {
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
    if (!c.yaml().isEmpty()) {
      Files.writeString(service.resolve("application.yaml"), yamlText(c.yaml()));
    }
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
    Map<String, String> smallRye =
        smallRye(c.properties(), c.yaml(), processEnv, c.systemProperties());
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
      Map<String, String> properties,
      Map<String, String> yaml,
      Map<String, String> env,
      Map<String, String> sys)
      throws IOException {
    return smallRye(text(properties), yamlText(yaml), env, sys);
  }

  /** The values SmallRye Config resolves from a properties text and a YAML text. */
  static Map<String, String> smallRye(
      String propertiesText, String yamlText, Map<String, String> env, Map<String, String> sys)
      throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(propertiesText));
    Map<String, String> fileValues = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> fileValues.put(k, p.getProperty(k)));
    // As Quarkus builds it: the profile is the config value quarkus.profile (prod by default),
    // read from the same sources with their ordinals, then the config is built for it.
    String profile =
        new SmallRyeConfigBuilder()
            .withSources(sources(fileValues, yamlText, env, sys))
            .build()
            .getOptionalValue("quarkus.profile", String.class)
            .orElse("prod");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withProfile(profile)
            .withSources(sources(fileValues, yamlText, env, sys))
            .withMapping(AgroalMapping.class)
            .withValidateUnknown(false)
            .build();
    Map<String, String> values = new TreeMap<>();
    config
        .getConfigMapping(AgroalMapping.class)
        .dataSources()
        .forEach(
            (name, ds) -> {
              String label = name.equals(AgroalMapping.DEFAULT) ? "" : name.replace("\"", "") + "/";
              for (String key : KEYS) {
                ds.jdbc().value(key).ifPresent(v -> values.put(label + key, v));
              }
            });
    return values;
  }

  private static org.eclipse.microprofile.config.spi.ConfigSource[] sources(
      Map<String, String> fileValues,
      String yamlText,
      Map<String, String> env,
      Map<String, String> sys) {
    return new org.eclipse.microprofile.config.spi.ConfigSource[] {
      new PropertiesConfigSource(fileValues, "application.properties", 250),
      // quarkus-config-yaml gives application.yaml the ordinal 255, above the properties file.
      new io.smallrye.config.source.yaml.YamlConfigSource("application.yaml", yamlText, 255),
      new io.smallrye.config.EnvConfigSource(env, 300),
      new MapBackedConfigSource("SysPropConfigSource", sys, 400) {}
    };
  }

  /** poolguard's set (not defaulted) values of the default Agroal datasource. */
  static Map<String, String> poolguard(Path dir) {
    Service service =
        new Linter(RuleSet.of(List.of()))
            .model(LintRequest.of(dir, List.of(dir))).services().stream()
                .filter(s -> s.framework() == Framework.QUARKUS)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Quarkus service in " + dir));
    return poolguard(service);
  }

  /** A Quarkus service's set (not defaulted) values, by datasource ("" or "name/") and key. */
  static Map<String, String> poolguard(Service service) {
    Map<String, String> values = new TreeMap<>();
    for (DataSource ds : service.dataSources()) {
      if (ds.pool() != PoolKind.AGROAL) {
        continue;
      }
      String label = ds.name().equals("default") ? "" : ds.name() + "/";
      for (String key : KEYS) {
        ds.value(key).filter(Value::isSet).ifPresent(v -> values.put(label + key, v.text()));
      }
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
    Map<String, String> yaml = new LinkedHashMap<>();
    boolean withYaml = r.nextInt(3) == 0;
    boolean named = r.nextInt(3) == 0;
    // One spelling of the name per case: SmallRye looks a quoted and an unquoted name up apart.
    boolean quoted = r.nextBoolean();
    String namedRoot = "quarkus.datasource." + (quoted ? "\"" + NAMED + "\"" : NAMED) + ".";
    if (named) {
      props.put(namedRoot + "db-kind", "postgresql");
      props.put(namedRoot + "jdbc.url", "jdbc:postgresql://db/users");
    }
    switch (r.nextInt(6)) {
      case 0 -> env.put("QUARKUS_PROFILE", r.nextBoolean() ? "dev" : "staging");
      case 1 -> sys.put("quarkus.profile", r.nextBoolean() ? "dev" : "prod");
      case 2 -> props.put("quarkus.profile", "staging");
      default -> {}
    }
    int keys = 1 + r.nextInt(3);
    for (int i = 0; i < keys; i++) {
      String key = KEYS[r.nextInt(KEYS.length)];
      String prefix = !named || r.nextBoolean() ? PREFIX : namedRoot + "jdbc.";
      // SmallRye's env form: a quoted segment between double underscores.
      String envPrefix =
          prefix.replace("\"", "_").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
      String envKey = envPrefix + key.replace('-', '_').toUpperCase(Locale.ROOT);
      int placements = 1 + r.nextInt(4);
      for (int p = 0; p < placements; p++) {
        String value = value(key, r);
        switch (r.nextInt(9)) {
          case 0 -> (withYaml && r.nextBoolean() ? yaml : props).put(prefix + key, value);
          case 1 ->
              (withYaml && r.nextBoolean() ? yaml : props).put("%prod." + prefix + key, value);
          case 2 -> props.put("%dev." + prefix + key, value);
          case 3 -> props.put("%staging." + prefix + key, value);
          case 4 -> env.put(envKey, value);
          case 5 -> env.put("_PROD_" + envKey, value);
          case 6 -> env.put("_" + (r.nextBoolean() ? "DEV" : "STAGING") + "_" + envKey, value);
          // A name that binds to nothing: SmallRye and poolguard both ignore it.
          case 7 -> env.put(envKey.replace("_SIZE", "SIZE").replace("_TIMEOUT", "TIMEOUT"), value);
          default -> sys.put(prefix + key, value);
        }
      }
    }
    return new Case(seed, number, props, yaml, env, sys);
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

  /** Nested YAML; a profile key {@code %prod.x.y} is written under a quoted {@code "%prod"}. */
  @SuppressWarnings("unchecked")
  static String yamlText(Map<String, String> flat) {
    Map<String, Object> tree = new LinkedHashMap<>();
    flat.forEach(
        (k, v) -> {
          String[] parts = k.split("\\.");
          Map<String, Object> node = tree;
          for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], p -> new LinkedHashMap<>());
          }
          node.put(parts[parts.length - 1], v);
        });
    StringBuilder out = new StringBuilder();
    yaml(tree, 0, out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void yaml(Map<String, Object> node, int depth, StringBuilder out) {
    node.forEach(
        (k, v) -> {
          // A quoted name segment keeps its quotes inside a YAML string: '"users"'.
          out.append("  ".repeat(depth))
              .append(k.startsWith("%") ? "\"" + k + "\"" : k.startsWith("\"") ? "'" + k + "'" : k);
          if (v instanceof Map<?, ?> m) {
            out.append(":\n");
            yaml((Map<String, Object>) m, depth + 1, out);
          } else {
            out.append(": ").append(v).append('\n');
          }
        });
  }

  static String text(Map<String, String> props) {
    StringBuilder s = new StringBuilder();
    props.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString();
  }
}
