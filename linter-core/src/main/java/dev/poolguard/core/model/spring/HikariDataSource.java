package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HikariCP pool a Spring Boot service gets from {@code spring.datasource.hikari.*}: each
 * setting with its precedence chain, HikariCP's defaults for the rest, and whether Spring Boot
 * binds the pool at all.
 */
final class HikariDataSource {

  private static final String HIKARI_DATA_SOURCE = "com.zaxxer.hikari.HikariDataSource";

  private HikariDataSource() {}

  /**
   * The HikariCP pool of {@code spring.datasource.hikari.*}, defaults filled in at {@code anchor}.
   */
  static DataSource of(PropertyLookup lookup, SourcePosition anchor, int hikariMajor) {
    return of(
        lookup, "default", SpringResolver.HIKARI_PREFIX, anchor, hikariMajor, inert(lookup), true);
  }

  /**
   * A HikariCP pool bound under {@code prefix} ({@code @ConfigurationProperties}), defaults filled
   * in at {@code anchor}; {@code unknownKeys} keeps keys HikariCP does not have (false where the
   * prefix also holds the application's own keys, such as a URL beside the pool settings).
   */
  static DataSource of(
      PropertyLookup lookup,
      String name,
      String prefix,
      SourcePosition anchor,
      int hikariMajor,
      Optional<DataSource.Inert> inert,
      boolean unknownKeys) {
    int elements = prefix.split("\\.", -1).length;
    Map<String, List<Property>> byKey = new LinkedHashMap<>();
    for (Property p : lookup.under(prefix, q -> spellingRank(q, prefix, elements))) {
      String rest = afterPrefix(p.name(), elements);
      String key = settingKey(rest);
      if (!unknownKeys && HikariProperties.find(firstElement(key)).isEmpty()) {
        continue;
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    Map<String, PoolSetting> settings = new java.util.TreeMap<>();
    for (Map.Entry<String, List<Property>> e : byKey.entrySet()) {
      List<Property> chain = e.getValue();
      Property top = chain.get(0);
      List<Origin> overridden =
          chain.subList(1, chain.size()).stream().map(Property::origin).toList();
      boolean known = HikariProperties.find(firstElement(e.getKey())).isPresent();
      settings.put(
          e.getKey(),
          new PoolSetting(
              e.getKey(),
              top.name(),
              wholeNumber(e.getKey(), top, lookup.value(top, overridden)),
              known));
    }
    addDefaults(settings, anchor, hikariMajor, prefix);
    return new DataSource(
        name, PoolKind.HIKARI, prefix, List.copyOf(settings.values()), inert, anchor, hikariMajor);
  }

  /**
   * Which of several spellings of one key in one source Spring binds, lowest first, whatever their
   * order: {@code SpringConfigurationPropertySource} looks up the canonical (kebab-case) name
   * first, for the environment through {@code SystemEnvironmentPropertyMapper} (the documented
   * form, then the legacy form) before {@code DefaultPropertyMapper}; other spellings are found
   * only through the reverse mapping of {@code SpringIterableConfigurationPropertySource}.
   */
  private static int spellingRank(Property p, String prefix, int elements) {
    String canonical = prefix + "." + settingKey(afterPrefix(p.name(), elements));
    String written = p.writtenAs();
    if (p.kind() == Origin.Kind.ENV) {
      if (written.equalsIgnoreCase(SpringNames.envName(canonical))) {
        return 0;
      }
      if (written.equalsIgnoreCase(SpringNames.legacyEnvName(canonical))) {
        return 1;
      }
      return written.equals(canonical) ? 2 : 3;
    }
    return written.equals(canonical) ? 0 : 1 + hashSetBucket(written);
  }

  /**
   * A YAML or JSON float bound to a whole-number setting: Spring converts the {@code Double} with
   * {@code Number.longValue()} (truncating; {@code NumberUtils.convertNumberToTargetClass}), and an
   * {@code int} setting out of range fails to bind (left as written, so it reads as unbindable).
   */
  private static Value wholeNumber(String key, Property top, Value value) {
    Optional<HikariProperty.Type> type = HikariProperties.find(key).map(HikariProperty::type);
    if (!top.value().floating()
        || !value.isSet()
        || !value.text().equals(top.value().value())
        || type.isEmpty()
        || !(type.get() == HikariProperty.Type.MILLIS
            || type.get() == HikariProperty.Type.COUNT
            || type.get() == HikariProperty.Type.SECONDS)) {
      return value;
    }
    double d;
    try {
      d = Double.parseDouble(value.text());
    } catch (NumberFormatException e) {
      return value;
    }
    long whole = (long) d;
    if (type.get() != HikariProperty.Type.MILLIS
        && (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)) {
      return value;
    }
    return new Value(
        Long.toString(whole),
        value.state(),
        value.origin(),
        value.overridden(),
        value.unknown(),
        value.via());
  }

  /**
   * Where a name lands in a default-sized {@code HashSet}: Spring keeps the other spellings of one
   * property in a {@code HashSet} per source ({@code
   * SpringIterableConfigurationPropertySource.Mappings}) and binds the first it iterates, so among
   * non-canonical spellings the bucket decides, and the order written only within one bucket.
   */
  static int hashSetBucket(String name) {
    int h = name.hashCode();
    return (h ^ (h >>> 16)) & 15;
  }

  /** The written name after a prefix of {@code elements} dotted elements. */
  private static String afterPrefix(String name, int elements) {
    int dots = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.' && ++dots == elements) {
        return name.substring(i + 1);
      }
    }
    return name;
  }

  /** The canonical kebab key of a known setting; unknown keys as written. */
  private static String settingKey(String rest) {
    String first = firstElement(rest);
    String tail = rest.substring(first.length());
    return HikariProperties.find(first).map(p -> p.key() + tail).orElse(rest);
  }

  private static String firstElement(String rest) {
    int end = rest.length();
    int dot = rest.indexOf('.');
    int bracket = rest.indexOf('[');
    if (dot >= 0) {
      end = dot;
    }
    if (bracket >= 0 && bracket < end) {
      end = bracket;
    }
    return rest.substring(0, end);
  }

  private static void addDefaults(
      Map<String, PoolSetting> settings, SourcePosition anchor, int hikariMajor, String prefix) {
    for (String key : HikariBehaviour.KEYS) {
      var property = HikariProperties.find(key).orElseThrow();
      if (settings.containsKey(property.key())) {
        continue;
      }
      Optional<String> text = HikariProperties.defaultText(property.key(), hikariMajor);
      if (property.key().equals("minimum-idle")) {
        // HikariCP: minimumIdle defaults to maximumPoolSize.
        text =
            Optional.ofNullable(settings.get("maximum-pool-size"))
                .map(PoolSetting::value)
                .filter(Value::isKnown)
                .map(Value::text)
                .or(() -> HikariProperties.defaultText("maximum-pool-size", hikariMajor));
      }
      text.ifPresent(
          t ->
              settings.put(
                  property.key(),
                  new PoolSetting(
                      property.key(),
                      prefix + "." + property.key(),
                      Value.defaultValue(
                          t,
                          new Origin(
                              Origin.Kind.DEFAULT, anchor, prefix + "." + property.key(), "")),
                      true)));
    }
  }

  static Optional<DataSource.Inert> inert(PropertyLookup lookup) {
    Optional<Property> type = lookup.top("spring.datasource.type");
    if (type.isPresent()) {
      String t = lookup.resolved("spring.datasource.type").orElse("").strip();
      if (!t.isEmpty() && !t.equals(HIKARI_DATA_SOURCE)) {
        return Optional.of(
            new DataSource.Inert(
                "spring.datasource.type selects "
                    + t
                    + ", so spring.datasource.hikari.* settings are not bound",
                type.get().value().position()));
      }
    }
    for (Property p : lookup.listItems("spring.autoconfigure.exclude")) {
      for (String item : p.value().value().split(",")) {
        if (item.strip().endsWith(".DataSourceAutoConfiguration")) {
          return Optional.of(
              new DataSource.Inert(
                  "DataSourceAutoConfiguration is excluded, so Spring Boot creates no HikariCP pool from these settings",
                  p.value().position()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The position of the key {@code target} (uniform form) or of its first sub-key in {@code node}.
   */
  static Optional<SourcePosition> keyPosition(ConfigNode node, String prefix, String target) {
    if (!(node instanceof MapNode map)) {
      return Optional.empty();
    }
    for (MapNode.Entry entry : map.entries()) {
      String path = prefix.isEmpty() ? entry.key().value() : prefix + "." + entry.key().value();
      String uniform = SpringNames.uniform(path);
      if (uniform.equals(target) || uniform.startsWith(target + ".")) {
        return Optional.of(entry.key().position());
      }
      if (target.startsWith(uniform + ".")) {
        Optional<SourcePosition> inner = keyPosition(entry.value(), path, target);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
