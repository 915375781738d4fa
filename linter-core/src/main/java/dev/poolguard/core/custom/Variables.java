package dev.poolguard.core.custom;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.quarkus.AgroalProperties;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables a condition sees for one service and datasource, with the origin of every value,
 * and a record of which values the condition read. Secret settings are absent.
 */
final class Variables {

  static final String SERVICE = "service";
  static final String POOL = "pool";

  /** The fields of {@code service}. */
  static final Set<String> SERVICE_FIELDS =
      Set.of("name", "profile", "profiles", "framework", "replicas", "namespace");

  /** The fields {@code pool} may have: every HikariCP and Agroal setting, camelCase. */
  static final Set<String> POOL_FIELDS = poolFields();

  private final Map<String, Object> service = new LinkedHashMap<>();
  private final Map<String, Object> pool = new LinkedHashMap<>();
  private final Map<String, SourcePosition> origins = new LinkedHashMap<>();
  private final List<String> read = new ArrayList<>();

  Variables(Service s, DataSource ds, PoolguardConfig config) {
    put(service, SERVICE, "name", s.name(), s.anchor());
    put(service, SERVICE, "profile", s.profileLabel(), s.anchor());
    put(service, SERVICE, "profiles", s.profiles(), s.anchor());
    put(service, SERVICE, "framework", s.framework().name().toLowerCase(Locale.ROOT), s.anchor());
    if (s.deployment().isPresent()) {
      var workload = s.deployment().get().workload();
      put(
          service,
          SERVICE,
          "replicas",
          (long) workload.replicas().value(),
          workload.replicas().position());
      put(service, SERVICE, "namespace", workload.namespace(), workload.position());
    } else {
      ServiceConfig declared = config.services().get(s.name());
      if (declared != null && declared.replicas().isPresent()) {
        put(
            service,
            SERVICE,
            "replicas",
            (long) declared.replicas().getAsInt(),
            declared.positionOf("replicas"));
      }
    }
    put(pool, POOL, "datasource", ds.name(), ds.anchor());
    for (PoolSetting setting : ds.settings()) {
      if (!setting.known()
          || !setting.value().isKnown()
          || Redaction.isSecret(setting, setting.value().origin())) {
        continue;
      }
      put(pool, POOL, camel(setting.key()), typed(setting), setting.value().origin().position());
    }
  }

  /** The variables for CEL, recording every field the expression reads. */
  Map<String, Object> forEvaluation() {
    return Map.of(SERVICE, new Recording(SERVICE, service), POOL, new Recording(POOL, pool));
  }

  /** The fields read so far, as {@code pool.maximumPoolSize}, in the order they were read. */
  List<String> read() {
    return read.stream().distinct().filter(origins::containsKey).toList();
  }

  SourcePosition origin(String qualified) {
    return origins.get(qualified);
  }

  /** The value of {@code variable.field} as text, for message placeholders. */
  String text(String variable, String field) {
    Object v = (SERVICE.equals(variable) ? service : pool).get(field);
    if (v instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return v == null ? "?" : String.valueOf(v);
  }

  private void put(
      Map<String, Object> into, String variable, String field, Object value, SourcePosition at) {
    into.put(field, value);
    origins.put(variable + "." + field, at);
  }

  private static Object typed(PoolSetting setting) {
    String text = setting.value().text().strip();
    OptionalLong number = setting.value().asLong();
    if (number.isPresent()) {
      return number.getAsLong();
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    return Redaction.redactText(text);
  }

  /** {@code maximum-pool-size} → {@code maximumPoolSize}; Agroal's {@code jdbc.} prefix dropped. */
  static String camel(String key) {
    String k = key.startsWith("jdbc.") ? key.substring("jdbc.".length()) : key;
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : k.toCharArray()) {
      if (c == '-' || c == '.' || c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Set<String> poolFields() {
    Set<String> fields = new TreeSet<>();
    fields.add("datasource");
    HikariProperties.all().forEach(p -> fields.add(camel(p.key())));
    AgroalProperties.all().forEach(p -> fields.add(camel(p.key())));
    fields.removeIf(Redaction::isSecretKey);
    return Set.copyOf(fields);
  }

  /** A read-only map that notes every key the expression looks up. */
  private final class Recording extends AbstractMap<String, Object> {
    private final String name;
    private final Map<String, Object> values;

    Recording(String name, Map<String, Object> values) {
      this.name = name;
      this.values = values;
    }

    @Override
    public Object get(Object key) {
      read.add(name + "." + key);
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      read.add(name + "." + key);
      return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return values.entrySet();
    }
  }
}
