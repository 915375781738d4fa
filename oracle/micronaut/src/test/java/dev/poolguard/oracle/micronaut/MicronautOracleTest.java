package dev.poolguard.oracle.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micronaut: a real application context with micronaut-sql's HikariCP configuration, over generated
 * cases (a pool key of two datasources set in {@code application.yml}, {@code
 * application.properties}, the files of the active environments, environment variables and {@code
 * -D}, in the spellings Micronaut accepts and some it does not), against poolguard's model of the
 * same files and Deployment. In a pod Micronaut deduces the {@code k8s} and {@code cloud}
 * environments: the real context is given them first, as Micronaut's deduction would.
 */
class MicronautOracleTest {

  static final long SEED = Long.getLong("oracle.seed", 18L);
  static final int CASES = Integer.getInteger("oracle.micronautCases", 300);
  static final String[] NAMES = {"default", "reporting"};
  static final String[] ENVIRONMENTS = {"prod", "eu", "k8s"};

  /** One generated configuration: file texts by name, env, -D, specified environments. */
  record Case(
      long seed,
      int number,
      Map<String, Map<String, String>> files,
      Map<String, String> env,
      Map<String, String> systemProperties,
      List<String> environments) {

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("case " + number + " of seed " + seed + "\n");
      files.forEach((f, keys) -> s.append("--- ").append(f).append('\n').append(keys).append('\n'));
      return s.append("--- env ")
          .append(env)
          .append("\n--- -D ")
          .append(systemProperties)
          .append("\n--- environments ")
          .append(environments)
          .toString();
    }
  }

  @Test
  void poolguardAgreesWithMicronautOnEveryGeneratedCase(@TempDir Path tmp) throws IOException {
    List<String> disagreements = new ArrayList<>();
    int withValues = 0;
    for (int n = 0; n < CASES; n++) {
      Case c = generate(SEED, n);
      Outcome o = compare(c, tmp.resolve("case-" + n), false);
      if (!o.real().isEmpty()) {
        withValues++;
      }
      o.disagreement().ifPresent(disagreements::add);
    }
    System.out.println(
        "micronaut generated: "
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
    Case c = generate(SEED, 1);
    assertThat(compare(c, tmp.resolve("honest"), false).disagreement()).isEmpty();
    assertThat(compare(c, tmp.resolve("wrong"), true).disagreement())
        .hasValueSatisfying(r -> assertThat(r).contains("Micronaut: ", "poolguard: ", "case 1"));
  }

  record Outcome(Map<String, String> real, Optional<String> disagreement) {}

  static Outcome compare(Case c, Path dir, boolean mutate) throws IOException {
    Path resources = dir.resolve("svc/src/main/resources");
    Files.createDirectories(resources);
    for (Map.Entry<String, Map<String, String>> f : c.files().entrySet()) {
      Files.writeString(resources.resolve(f.getKey()), text(f.getKey(), f.getValue()));
    }
    Map<String, String> processEnv = new LinkedHashMap<>(c.env());
    if (!c.environments().isEmpty()) {
      processEnv.put("MICRONAUT_ENVIRONMENTS", String.join(",", c.environments()));
    }
    if (!c.systemProperties().isEmpty()) {
      StringBuilder opts = new StringBuilder();
      c.systemProperties()
          .forEach((k, v) -> opts.append(opts.length() > 0 ? " " : "").append("-D" + k + "=" + v));
      processEnv.put("JAVA_TOOL_OPTIONS", opts.toString());
    }
    StringBuilder y =
        new StringBuilder(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc\nspec:\n  template:\n"
                + "    spec:\n      containers:\n        - name: svc\n          image: svc:1\n");
    if (!processEnv.isEmpty()) {
      y.append("          env:\n");
      processEnv.forEach(
          (k, v) ->
              y.append("            - name: ")
                  .append(k)
                  .append("\n              value: '")
                  .append(v.replace("'", "''"))
                  .append("'\n"));
    }
    Files.writeString(dir.resolve("deploy.yaml"), y.toString());
    Files.writeString(
        dir.resolve("poolguard.yaml"),
        "version: 1\nservices:\n  svc:\n    framework: micronaut\n"
            + "    config: svc/src/main/resources\n    deployment: deploy.yaml\n");
    // In a pod Micronaut deduces k8s and cloud first, then adds the specified environments.
    List<String> active = new ArrayList<>(List.of("k8s", "cloud"));
    active.removeAll(c.environments());
    active.addAll(c.environments());
    Map<String, String> real =
        RealMicronaut.values(resources, active, processEnv, c.systemProperties());
    Map<String, String> ours = poolguard(dir);
    if (mutate) {
      ours.merge("default/maximum-pool-size", "1", (a, b) -> a + "0");
    }
    return new Outcome(
        real,
        ours.equals(real)
            ? Optional.empty()
            : Optional.of("Micronaut: " + real + "\npoolguard: " + ours + "\n" + c));
  }

  /** poolguard's set values (not defaults) of each datasource, as "name/key". */
  static Map<String, String> poolguard(Path dir) {
    Service service =
        new Linter(RuleSet.of(List.of()))
            .model(LintRequest.of(dir, List.of(dir))).services().stream()
                .filter(s -> s.framework() == Framework.MICRONAUT)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Micronaut service in " + dir));
    Map<String, String> values = new TreeMap<>();
    for (DataSource ds : service.dataSources()) {
      for (String key : RealMicronaut.KEYS.keySet()) {
        ds.value(key)
            .filter(Value::isSet)
            .ifPresent(v -> values.put(ds.name() + "/" + key, v.text().strip()));
      }
    }
    return values;
  }

  static Case generate(long seed, int number) {
    Random r = new Random(seed * 1_000_003L + number);
    Map<String, Map<String, String>> files = new LinkedHashMap<>();
    Map<String, String> base = new LinkedHashMap<>();
    for (String name : NAMES) {
      base.put("datasources." + name + ".url", "jdbc:postgresql://db/" + name);
      base.put("datasources." + name + ".driver-class-name", FakeDriver.class.getName());
      // The configuration is bound all the same; no DataSource (no pool, no connection) is made.
      base.put("datasources." + name + ".enabled", "false");
    }
    files.put("application.yml", base);
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> sys = new LinkedHashMap<>();
    List<String> environments = new ArrayList<>();
    for (String e : ENVIRONMENTS) {
      if (r.nextInt(3) == 0) {
        environments.add(r.nextInt(2) == 0 ? environments.size() : 0, e);
      }
    }
    int settings = 1 + r.nextInt(6);
    for (int i = 0; i < settings; i++) {
      String name = NAMES[r.nextInt(NAMES.length)];
      List<String> keys = new ArrayList<>(RealMicronaut.KEYS.keySet());
      keys.sort(null);
      String key = keys.get(r.nextInt(keys.size()));
      String value = value(key, r);
      String property = "datasources." + name + "." + spelling(key, r);
      switch (r.nextInt(6)) {
        case 0 -> base.put(property, value);
        case 1 ->
            putHashed(
                files.computeIfAbsent("application.properties", f -> new LinkedHashMap<>()),
                property,
                value);
        case 2 -> {
          String e = ENVIRONMENTS[r.nextInt(ENVIRONMENTS.length)];
          String file = "application-" + e + (r.nextBoolean() ? ".yml" : ".properties");
          Map<String, String> target = files.computeIfAbsent(file, f -> new LinkedHashMap<>());
          if (file.endsWith(".properties")) {
            putHashed(target, property, value);
          } else {
            target.put(property, value);
          }
        }
        case 3, 4 -> env.put(envName(name, key, r), value);
        default -> putHashed(sys, property, value);
      }
    }
    return new Case(seed, number, files, env, sys, environments);
  }

  /**
   * Puts a property into a source Java keeps in a hash table ({@code Properties}: a {@code
   * .properties} file, the system properties), replacing another spelling of the same key: the
   * winner between two spellings there is the table's iteration order, which poolguard does not
   * model (docs/RESOLUTION.md, known gaps).
   */
  static void putHashed(Map<String, String> source, String property, String value) {
    source.keySet().removeIf(k -> uniform(k).equals(uniform(property)));
    source.put(property, value);
  }

  static String uniform(String property) {
    return property.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** A spelling Micronaut hyphenates to the key: kebab, camel or snake case. */
  static String spelling(String key, Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> key;
      case 1 -> camel(key);
      default -> key.replace('-', '_');
    };
  }

  /** DATASOURCES_NAME_KEY with underscores, now and then without them (which binds nothing). */
  static String envName(String name, String key, Random r) {
    String tail = r.nextInt(5) == 0 ? key.replace("-", "") : key.replace('-', '_');
    return ("DATASOURCES_" + name + "_" + tail).toUpperCase(Locale.ROOT);
  }

  static String camel(String key) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  /** A value HikariConfig accepts and that differs from its initial value. */
  static String value(String key, Random r) {
    return switch (key) {
      case "maximum-pool-size" -> Integer.toString(11 + r.nextInt(80));
      case "minimum-idle" -> Integer.toString(1 + r.nextInt(9));
      case "connection-timeout" -> Integer.toString(1000 + r.nextInt(20_000));
      case "idle-timeout" -> Integer.toString(10_000 + r.nextInt(500_000));
      default -> Integer.toString(60_000 + r.nextInt(1_000_000));
    };
  }

  static String text(String file, Map<String, String> keys) {
    StringBuilder s = new StringBuilder();
    keys.forEach(
        (k, v) ->
            s.append(k)
                .append(file.endsWith(".properties") ? "=" : ": ")
                .append(file.endsWith(".properties") ? v : "'" + v + "'")
                .append('\n'));
    return s.toString();
  }
}
