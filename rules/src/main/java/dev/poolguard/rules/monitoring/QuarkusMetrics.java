package dev.poolguard.rules.monitoring;

import dev.poolguard.core.model.BuildFile;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.Violation;
import java.util.Optional;

/** Whether Quarkus publishes a service's Agroal pool metrics, and if not, the line to fix. */
final class QuarkusMetrics {

  private static final String ENABLED = "quarkus.datasource.metrics.enabled";

  private QuarkusMetrics() {}

  static Optional<Violation> problem(Service service, BuildFile build, Observability seen) {
    boolean extension =
        build.findStartingWith("quarkus-micrometer-registry-").isPresent()
            || build.find("quarkus-micrometer-opentelemetry").isPresent()
            || build.find("quarkus-smallrye-metrics").isPresent();
    if (!extension) {
      return Optional.of(
          PoolNotObservable.missing(
              service,
              build,
              "metrics extension (quarkus-micrometer-registry-prometheus)",
              "so Agroal's pool metrics (agroal_awaiting_count, agroal_active_count) are not"
                  + " published and no alert can see the pool run dry"));
    }
    for (String off :
        new String[] {"quarkus.micrometer.enabled", "quarkus.datasource.jdbc.enable-metrics"}) {
      Optional<Observability.Setting> setting = seen.setting(off);
      if (PoolNotObservable.isFalse(setting)) {
        return Optional.of(
            Violation.at(
                    setting.get().position(),
                    PoolNotObservable.lead(service) + off + "=false switches them off")
                .withSubject(service.name()));
      }
    }
    Optional<Observability.Setting> enabled = seen.setting(ENABLED);
    if (enabled.isPresent() && enabled.get().text().strip().equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    String why =
        enabled
                .map(e -> ENABLED + " is '" + e.text().strip() + "'")
                .orElse(ENABLED + " is unset and Quarkus defaults it to false")
            + ", so Agroal's pool metrics (agroal_awaiting_count, agroal_active_count) are not"
            + " published";
    return Optional.of(
        Violation.at(
                enabled.map(Observability.Setting::position).orElse(service.anchor()),
                PoolNotObservable.lead(service) + why)
            .withSubject(service.name()));
  }
}
