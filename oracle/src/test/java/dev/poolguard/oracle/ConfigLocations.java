package dev.poolguard.oracle;

import java.util.List;
import java.util.Random;

/**
 * Generated config locations: ConfigMaps mounted at {@code ./config/}, {@code ./config/*}{@code /}
 * or a folder named by {@code spring.config.additional-location} or {@code spring.config.location}
 * (which replaces Boot's defaults), given as env, {@code -D} or argument; and {@code
 * spring.config.import} of classpath files, optional or not, with profile-specific variants.
 */
final class ConfigLocations {

  private ConfigLocations() {}

  static void add(CaseGenerator g, List<String> active) {
    Random r = g.random();
    String app = SpringRun.WORKING_DIR;
    switch (r.nextInt(6)) {
      case 0 -> g.mount(app + "/config", fileName(g, active), g.someSettings());
      case 1 -> g.mount(app + "/config/db", fileName(g, active), g.someSettings());
      case 2 -> {
        g.mount("/etc/pool", fileName(g, active), g.someSettings());
        set(g, "spring.config.additional-location", prefix(r) + "/etc/pool/");
      }
      case 3 -> {
        g.mount("/etc/pool", fileName(g, active), g.someSettings());
        String keep = r.nextBoolean() ? "optional:classpath:/," : "";
        set(g, "spring.config.location", keep + prefix(r) + "/etc/pool/");
      }
      default -> imports(g, active);
    }
  }

  private static void imports(CaseGenerator g, List<String> active) {
    Random r = g.random();
    String ext = r.nextBoolean() ? ".yml" : ".properties";
    boolean exists = r.nextInt(4) != 0;
    boolean optional = !exists || r.nextBoolean();
    String location = (optional ? "optional:" : "") + "classpath:pool" + ext;
    String base = r.nextBoolean() ? "application.yml" : "application.properties";
    g.file(base).put("spring.config.import", location);
    if (exists) {
      g.file("pool" + ext).putAll(g.someSettings());
    }
    if (r.nextBoolean()) {
      String profile =
          active.isEmpty() || r.nextInt(3) == 0
              ? CaseGenerator.PROFILES[r.nextInt(CaseGenerator.PROFILES.length)]
              : active.get(r.nextInt(active.size()));
      g.file("pool-" + profile + ext).putAll(g.someSettings());
    }
  }

  private static String fileName(CaseGenerator g, List<String> active) {
    Random r = g.random();
    String ext = r.nextBoolean() ? ".yml" : ".properties";
    if (r.nextInt(3) == 0) {
      String profile = active.isEmpty() ? "prod" : active.get(r.nextInt(active.size()));
      return "application-" + profile + ext;
    }
    return "application" + ext;
  }

  private static String prefix(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> "optional:file:";
      case 1 -> "file:";
      default -> "";
    };
  }

  private static void set(CaseGenerator g, String property, String value) {
    switch (g.random().nextInt(3)) {
      case 0 ->
          g.env()
              .put(
                  property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'),
                  value);
      case 1 -> g.systemProperties().put(property, value);
      default -> g.args().add("--" + property + "=" + value);
    }
  }
}
