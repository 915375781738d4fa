package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pools other than HikariCP that Spring Boot's DataSourceAutoConfiguration can create and
 * poolguard counts: Tomcat JDBC ({@code spring.datasource.tomcat.*} bound onto {@code
 * org.apache.tomcat.jdbc.pool.DataSource}) and Commons DBCP2 ({@code spring.datasource.dbcp2.*}
 * onto {@code BasicDataSource}), chosen by {@code spring.datasource.type}.
 */
final class OtherPools {

  static final String TOMCAT_TYPE = "org.apache.tomcat.jdbc.pool.DataSource";
  static final String DBCP2_TYPE = "org.apache.commons.dbcp2.BasicDataSource";

  /** The settings that matter for capacity, by uniform name, in their kebab-case form. */
  private static final Map<String, String> KEYS =
      Map.of(
          "maxactive", "max-active",
          "maxtotal", "max-total",
          "maxidle", "max-idle",
          "minidle", "min-idle",
          "initialsize", "initial-size",
          "maxwait", "max-wait",
          "maxwaitmillis", "max-wait-millis");

  private OtherPools() {}

  /** The pool {@code spring.datasource.type} selects, when it is one of these. */
  static Optional<PoolKind> selected(PropertyLookup lookup) {
    String type = lookup.resolved("spring.datasource.type").orElse("").strip();
    return switch (type) {
      case TOMCAT_TYPE -> Optional.of(PoolKind.TOMCAT);
      case DBCP2_TYPE -> Optional.of(PoolKind.DBCP2);
      default -> Optional.empty();
    };
  }

  /** The prefix Spring Boot binds the pool's settings under. */
  static String prefix(PoolKind pool) {
    return pool == PoolKind.TOMCAT ? "spring.datasource.tomcat" : "spring.datasource.dbcp2";
  }

  /**
   * The main datasource as the selected pool: every setting written under its prefix with its
   * precedence chain, and the library's default maximum where none is written.
   */
  static DataSource of(PropertyLookup lookup, PoolKind pool, SourcePosition anchor) {
    String prefix = prefix(pool);
    int elements = 3;
    Map<String, List<Property>> byKey = new TreeMap<>();
    for (Property p : lookup.under(prefix)) {
      String rest = afterPrefix(p.name(), elements);
      String key = KEYS.getOrDefault(SpringNames.uniform(rest), rest);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    // DBCP2's max-wait-millis is the older name of max-wait: either sets the wait.
    if (byKey.containsKey("max-wait-millis") && !byKey.containsKey("max-wait")) {
      byKey.put("max-wait", byKey.remove("max-wait-millis"));
    }
    Map<String, PoolSetting> settings = new TreeMap<>();
    for (Map.Entry<String, List<Property>> e : byKey.entrySet()) {
      List<Property> chain = e.getValue();
      Property top = chain.get(0);
      List<Origin> overridden =
          chain.subList(1, chain.size()).stream().map(Property::origin).toList();
      settings.put(
          e.getKey(), new PoolSetting(e.getKey(), top.name(), lookup.value(top, overridden), true));
    }
    String maxKey = pool == PoolKind.TOMCAT ? "max-active" : "max-total";
    if (!settings.containsKey(maxKey)) {
      String property = prefix + "." + maxKey;
      String text = pool == PoolKind.TOMCAT ? "100" : "8";
      settings.put(
          maxKey,
          new PoolSetting(
              maxKey,
              property,
              Value.defaultValue(text, new Origin(Origin.Kind.DEFAULT, anchor, property, "")),
              true));
    }
    return new DataSource(
        "default", pool, prefix, List.copyOf(settings.values()), Optional.empty(), anchor, 0);
  }

  private static String afterPrefix(String name, int elements) {
    int dots = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.' && ++dots == elements) {
        return name.substring(i + 1);
      }
    }
    return name;
  }
}
