package dev.poolguard.core.model.spring;

import dev.poolguard.core.model.Observability;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Spring Boot settings that decide whether HikariCP's meters reach Prometheus (the actuator
 * endpoint's exposure and access, the switches that turn exporting or the hikaricp meters off) and
 * what the health endpoint a probe calls includes (its base path, the db indicator, the liveness
 * group).
 */
final class MetricsSettings {

  /** Read from every source of the model (files, env, arguments), by canonical name. */
  static final List<String> NAMES =
      List.of(
          "management.endpoints.web.exposure.include",
          "management.endpoints.web.exposure.exclude",
          "management.endpoint.prometheus.enabled",
          "management.endpoint.prometheus.access",
          "management.endpoints.enabled-by-default",
          "management.endpoints.access.default",
          "management.prometheus.metrics.export.enabled",
          "management.defaults.metrics.export.enabled",
          "management.metrics.enable.hikaricp",
          "management.metrics.enable.all",
          "management.endpoints.web.base-path",
          "management.health.db.enabled",
          "management.health.defaults.enabled",
          "management.endpoint.health.group.liveness.include");

  private MetricsSettings() {}

  static SortedMap<String, Observability.Setting> of(PropertyLookup lookup) {
    SortedMap<String, Observability.Setting> out = new TreeMap<>();
    for (String name : NAMES) {
      Optional<Property> top = lookup.top(name);
      Optional<String> text = lookup.resolved(name);
      if (top.isPresent() && text.isPresent()) {
        out.put(name, new Observability.Setting(text.get(), top.get().value().position()));
      }
    }
    return out;
  }
}
