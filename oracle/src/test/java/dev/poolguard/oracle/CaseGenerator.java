package dev.poolguard.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates configurations where one Hikari key is set in several sources and spellings at once:
 * base and profile files in YAML and properties, env in every form, {@code
 * SPRING_APPLICATION_JSON}, arguments (sometimes repeated) and {@code -D}; several active profiles
 * chosen from several places. Each case depends only on the seed and its number, so any failure can
 * be replayed.
 */
final class CaseGenerator {

  private static final String[] KEYS = {
    "maximum-pool-size", "minimum-idle", "connection-timeout", "idle-timeout",
    "max-lifetime", "keepalive-time", "validation-timeout", "leak-detection-threshold"
  };
  static final String[] PROFILES = {"prod", "eu", "dev"};
  static final String HIKARI = "spring.datasource.hikari.";

  private final Random random;
  private final Map<String, Map<String, String>> files = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, Object> applicationJson = new TreeMap<>();
  private final Map<String, List<Map<String, String>>> laterDocs = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> mounts = new LinkedHashMap<>();

  private CaseGenerator(long seed, int number) {
    this.random = new Random(seed * 1_000_003L + number);
  }

  static GeneratedCase generate(long seed, int number) {
    return new CaseGenerator(seed, number).build(seed, number);
  }

  private GeneratedCase build(long seed, int number) {
    String base = random.nextBoolean() ? "application.yml" : "application.properties";
    file(base).put("spring.datasource.url", "jdbc:postgresql://db/orders");
    List<String> active = activeProfiles();
    int keys = 1 + random.nextInt(3);
    for (int i = 0; i < keys; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      int placements = 1 + random.nextInt(4);
      for (int p = 0; p < placements; p++) {
        place(key, value(key), active);
      }
    }
    if (random.nextInt(6) == 0) {
      profileHazard(active);
    }
    if (random.nextInt(3) == 0) {
      ConfigLocations.add(this, active);
    }
    if (!applicationJson.isEmpty()) {
      String json = json(applicationJson);
      switch (random.nextInt(3)) {
        case 0 -> args.add("--spring.application.json=" + json);
        case 1 -> systemProperties.put("spring.application.json", json);
        default -> env.put("SPRING_APPLICATION_JSON", json);
      }
    }
    if (random.nextInt(5) == 0) {
      configName();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    files.forEach((name, props) -> texts.put(name, render(name, props)));
    laterDocs.forEach(
        (name, docs) -> {
          StringBuilder text = new StringBuilder(texts.getOrDefault(name, ""));
          for (Map<String, String> doc : docs) {
            text.append(name.endsWith(".properties") ? "#---\n" : "---\n")
                .append(render(name, doc));
          }
          texts.put(name, text.toString());
        });
    return new GeneratedCase(seed, number, texts, env, args, systemProperties, mounts);
  }

  /**
   * {@code spring.config.name} from env, {@code -D} or an argument: some packaged and mounted files
   * move to the name {@code orders}, read instead of (or, named second or first, beside) {@code
   * application}; a packaged {@code application} file stays so that the folder is still found as a
   * service.
   */
  private void configName() {
    String names =
        switch (random.nextInt(3)) {
          case 0 -> "orders";
          case 1 -> "application,orders";
          default -> "orders,application";
        };
    Map<String, Map<String, String>> renamed = new LinkedHashMap<>();
    files.forEach(
        (name, props) ->
            renamed.put(
                name.startsWith("application") && random.nextBoolean()
                    ? "orders" + name.substring("application".length())
                    : name,
                props));
    if (renamed.keySet().stream().noneMatch(n -> n.startsWith("application"))) {
      renamed.put("application.properties", new LinkedHashMap<>(Map.of("app.unread", "1")));
    }
    Map<String, List<Map<String, String>>> docs = new LinkedHashMap<>();
    laterDocs.forEach(
        (name, list) ->
            docs.put(
                renamed.containsKey(name) || !name.startsWith("application")
                    ? name
                    : "orders" + name.substring("application".length()),
                list));
    files.clear();
    files.putAll(renamed);
    mounts.replaceAll(
        (folder, named) -> {
          Map<String, String> moved = new LinkedHashMap<>();
          named.forEach(
              (name, text) ->
                  moved.put(
                      name.startsWith("application") && random.nextBoolean()
                          ? "orders" + name.substring("application".length())
                          : name,
                      text));
          return moved;
        });
    laterDocs.clear();
    laterDocs.putAll(docs);
    switch (random.nextInt(3)) {
      case 0 -> env.put("SPRING_CONFIG_NAME", names);
      case 1 -> systemProperties.put("spring.config.name", names);
      default -> args.add("--spring.config.name=" + names);
    }
  }

  /**
   * Profile settings Spring Boot checks while it loads config data: a Boot 2.3-style {@code
   * spring.profiles} document, profile settings in a profile-specific file or in a document
   * activated by {@code on-profile} (some refused at startup, some not), {@code on-profile}
   * documents that are fine.
   */
  private void profileHazard(List<String> active) {
    String base = random.nextBoolean() ? "application.yml" : "application.properties";
    String profile = PROFILES[random.nextInt(PROFILES.length)];
    String pool = HIKARI + "maximum-pool-size";
    Map<String, String> doc = new LinkedHashMap<>();
    switch (random.nextInt(6)) {
      case 0 -> doc.put("spring.profiles", profile);
      case 1 -> {
        doc.put("spring.config.activate.on-profile", profile);
        doc.put("spring.profiles." + (random.nextBoolean() ? "include" : "active"), "eu");
      }
      case 2 -> file(profileFile(active)).put("spring.profiles.include", "eu");
      case 3 -> args.add("--spring.profiles=" + profile);
      default -> doc.put("spring.config.activate.on-profile", profile);
    }
    if (!doc.isEmpty()) {
      doc.put(pool, Integer.toString(2 + random.nextInt(30)));
      file(base);
      laterDocs.computeIfAbsent(base, n -> new ArrayList<>()).add(doc);
    }
  }

  private List<String> activeProfiles() {
    List<String> active = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String p = PROFILES[random.nextInt(PROFILES.length)];
      if (!active.contains(p)) {
        active.add(p);
      }
    }
    if (active.isEmpty()) {
      return active;
    }
    String list = String.join(",", active);
    switch (random.nextInt(4)) {
      case 0 ->
          file(random.nextBoolean() ? "application.yml" : "application.properties")
              .put("spring.profiles.active", list);
      case 1 -> env.put("SPRING_PROFILES_ACTIVE", list);
      case 2 -> args.add("--spring.profiles.active=" + list);
      default -> systemProperties.put("spring.profiles.active", list);
    }
    return active;
  }

  private void place(String key, long value, List<String> active) {
    String text = Long.toString(value);
    if (random.nextInt(12) == 0) {
      // How Helm renders a large number (1.8e+06), or a round one written with a fraction.
      text =
          random.nextBoolean() ? String.format(Locale.ROOT, "%.1e", (double) value) : value + ".0";
    }
    if (random.nextInt(8) == 0) {
      throughPlaceholder(key, text);
      return;
    }
    switch (random.nextInt(9)) {
      case 0 -> file("application.yml").put(HIKARI + spelling(key), text);
      case 1 -> file("application.properties").put(HIKARI + spelling(key), text);
      case 2, 3 -> file(profileFile(active)).put(HIKARI + spelling(key), text);
      case 4 -> env.put(envName(key), text);
      case 5 -> {
        String arg = "--" + HIKARI + spelling(key) + "=" + text;
        args.add(arg);
        if (random.nextInt(6) == 0) {
          args.add(random.nextBoolean() ? arg : "--" + HIKARI + key + "=" + (value + 1));
        }
      }
      case 6 -> systemProperties.put(HIKARI + spelling(key), text);
      case 7 -> applicationJson.put(HIKARI + key, value);
      default -> file("application.yml").put(HIKARI + key, text);
    }
  }

  /**
   * The setting holds {@code ${app.<key>:default}} and the value comes from {@code app.<key>} set
   * in another source, both in any spelling (kebab, camel, underscores; env in upper case).
   */
  private void throughPlaceholder(String key, String text) {
    String name = "app.pool." + spelling(key);
    String reference =
        random.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT).replace('.', '_') : name;
    String placeholder = "${" + reference + (random.nextBoolean() ? ":" + value(key) : "") + "}";
    file(random.nextBoolean() ? "application.yml" : "application.properties")
        .put(HIKARI + key, placeholder);
    String source = "app.pool." + spelling(key);
    switch (random.nextInt(5)) {
      case 0 -> file("application.properties").put(source, text);
      case 1 -> env.put(source.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""), text);
      case 2 -> env.put(source.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), text);
      case 3 -> args.add("--" + source + "=" + text);
      default -> systemProperties.put(source, text);
    }
  }

  Random random() {
    return random;
  }

  Map<String, String> env() {
    return env;
  }

  List<String> args() {
    return args;
  }

  Map<String, String> systemProperties() {
    return systemProperties;
  }

  /** A file mounted from a ConfigMap into {@code folder}. */
  void mount(String folder, String name, Map<String, String> props) {
    mounts.computeIfAbsent(folder, f -> new LinkedHashMap<>()).put(name, render(name, props));
  }

  /** A pool setting with a value the generator would give it, under its canonical name. */
  Map<String, String> someSettings() {
    Map<String, String> props = new LinkedHashMap<>();
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      props.put(HIKARI + spelling(key), Long.toString(value(key)));
    }
    return props;
  }

  String profileFile(List<String> active) {
    String profile =
        !active.isEmpty() && random.nextInt(4) != 0
            ? active.get(random.nextInt(active.size()))
            : PROFILES[random.nextInt(PROFILES.length)];
    return "application-" + profile + (random.nextBoolean() ? ".yml" : ".properties");
  }

  Map<String, String> file(String name) {
    return files.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  private String spelling(String key) {
    return switch (random.nextInt(5)) {
      case 0 -> camel(key);
      case 1 -> key.replace('-', '_');
      default -> key;
    };
  }

  private String envName(String key) {
    // The legacy form of connection-timeout starts the pool while binding (spring-boot#51363):
    // binding onto a HikariConfig without a database cannot show that, so it is not generated.
    return switch (key.equals("connection-timeout") ? 2 : random.nextInt(4)) {
      case 0 -> "SPRING_DATASOURCE_HIKARI_" + key.replace("-", "_").toUpperCase(Locale.ROOT);
      case 1 -> random.nextBoolean() ? HIKARI + key : HIKARI + camel(key);
      default -> "SPRING_DATASOURCE_HIKARI_" + key.replace("-", "").toUpperCase(Locale.ROOT);
    };
  }

  private long value(String key) {
    int pick = random.nextInt(10);
    return switch (key) {
      case "maximum-pool-size" -> pick == 0 ? 0 : 1 + random.nextInt(40);
      case "minimum-idle" -> random.nextInt(45);
      case "connection-timeout", "validation-timeout" ->
          pick == 0 ? 0 : pick == 1 ? 100 : 250 + random.nextInt(60_000);
      case "idle-timeout" -> pick == 0 ? 0 : pick == 1 ? 5_000 : 10_000 + random.nextInt(900_000);
      case "max-lifetime" -> pick == 0 ? 20_000 : 30_000 + random.nextInt(3_600_000);
      case "keepalive-time" -> pick == 0 ? 0 : 10_000 + random.nextInt(600_000);
      default -> pick == 0 ? -1 : pick < 3 ? 0 : 1_000 + random.nextInt(60_000);
    };
  }

  private static String camel(String key) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }

  private static String render(String name, Map<String, String> props) {
    StringBuilder s = new StringBuilder();
    if (name.endsWith(".properties")) {
      props.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
      return s.toString();
    }
    // Nested YAML: every key here is spring.<group>.<...>.<leaf>; the tree keeps first-seen order.
    Map<String, Object> tree = new LinkedHashMap<>();
    props.forEach(
        (k, v) -> {
          String[] parts = k.split("\\.");
          Map<String, Object> node = tree;
          for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child =
                (Map<String, Object>) node.computeIfAbsent(parts[i], p -> new LinkedHashMap<>());
            node = child;
          }
          node.put(parts[parts.length - 1], v);
        });
    yaml(tree, 0, s);
    return s.toString();
  }

  private static void yaml(Map<String, Object> node, int depth, StringBuilder s) {
    node.forEach(
        (k, v) -> {
          s.append("  ".repeat(depth)).append(k).append(':');
          if (v instanceof Map<?, ?> m) {
            s.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) m;
            yaml(child, depth + 1, s);
          } else {
            s.append(' ').append(v).append('\n');
          }
        });
  }

  private String json(Map<String, Object> flat) {
    boolean nested = random.nextBoolean();
    StringBuilder s = new StringBuilder(nested ? "{\"spring\":{\"datasource\":{\"hikari\":{" : "{");
    String separator = "";
    for (Map.Entry<String, Object> e : flat.entrySet()) {
      String name = nested ? e.getKey().substring(HIKARI.length()) : e.getKey();
      s.append(separator).append('"').append(name).append("\":").append(e.getValue());
      separator = ",";
    }
    return s.append(nested ? "}}}}" : "}").toString();
  }
}
