package dev.poolguard.rules.monitoring;

import dev.poolguard.core.model.BuildFile;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether Spring Boot publishes a service's HikariCP meters, and if not, the line to fix. */
final class SpringMetrics {

  private static final String INCLUDE = "management.endpoints.web.exposure.include";
  private static final String EXCLUDE = "management.endpoints.web.exposure.exclude";

  /** Settings that turn the meters or their export off, and what each turns off. */
  private static final List<List<String>> SWITCHES =
      List.of(
          List.of("management.metrics.enable.hikaricp", "HikariCP's meters"),
          List.of("management.metrics.enable.all", "every meter"),
          List.of("management.defaults.metrics.export.enabled", "every metrics exporter"));

  private SpringMetrics() {}

  static Optional<Violation> problem(Service service, BuildFile build, Observability seen) {
    if (build.find("spring-boot-starter-actuator").isEmpty()
        && build.find("spring-boot-actuator-autoconfigure").isEmpty()) {
      return Optional.of(
          PoolNotObservable.missing(
              service,
              build,
              "spring-boot-starter-actuator",
              "which binds HikariCP's meters (hikaricp_connections_pending,"
                  + " hikaricp_connections_timeout_total), so no alert can see the pool run dry"));
    }
    Optional<BuildFile.Dependency> registry = build.findStartingWith("micrometer-registry-");
    if (registry.isEmpty()) {
      return Optional.of(
          PoolNotObservable.missing(
              service,
              build,
              "Micrometer registry (io.micrometer:micrometer-registry-prometheus)",
              "so HikariCP's meters stay inside the JVM and no alert can see the pool run dry"));
    }
    for (List<String> sw : SWITCHES) {
      Optional<Observability.Setting> setting = seen.setting(sw.get(0));
      if (PoolNotObservable.isFalse(setting)) {
        return Optional.of(
            off(service, setting.get(), sw.get(0) + ": false switches off " + sw.get(1)));
      }
    }
    if (!registry.get().artifact().startsWith("micrometer-registry-prometheus")) {
      return Optional.empty(); // a push registry needs no endpoint
    }
    Optional<Observability.Setting> export =
        seen.setting("management.prometheus.metrics.export.enabled");
    if (PoolNotObservable.isFalse(export)) {
      return Optional.of(
          off(
              service,
              export.get(),
              "management.prometheus.metrics.export.enabled: false switches off the Prometheus"
                  + " registry"));
    }
    return endpoint(service, seen);
  }

  /** The prometheus endpoint: exposed over HTTP and accessible. */
  private static Optional<Violation> endpoint(Service service, Observability seen) {
    Optional<Observability.Setting> exclude = seen.setting(EXCLUDE);
    if (exclude.isPresent()
        && names(exclude.get()).anyMatch(n -> n.equals("prometheus") || n.equals("*"))) {
      return Optional.of(
          off(service, exclude.get(), EXCLUDE + " removes the prometheus endpoint from HTTP"));
    }
    for (String access :
        List.of("management.endpoint.prometheus.access", "management.endpoints.access.default")) {
      Optional<Observability.Setting> a = seen.setting(access);
      if (a.isPresent() && a.get().text().strip().equalsIgnoreCase("none")) {
        return Optional.of(off(service, a.get(), access + ": none closes the prometheus endpoint"));
      }
    }
    Optional<Observability.Setting> enabled =
        seen.setting("management.endpoint.prometheus.enabled");
    if (PoolNotObservable.isFalse(enabled)) {
      return Optional.of(
          off(
              service,
              enabled.get(),
              "management.endpoint.prometheus.enabled: false switches the prometheus endpoint"
                  + " off"));
    }
    Optional<Observability.Setting> include = seen.setting(INCLUDE);
    if (include.isPresent()
        && names(include.get()).anyMatch(n -> n.equals("prometheus") || n.equals("*"))) {
      return Optional.empty();
    }
    String why =
        "the prometheus endpoint is not exposed over HTTP ("
            + include
                .map(i -> INCLUDE + " is '" + i.text().strip() + "'")
                .orElse(INCLUDE + " is unset, and Spring Boot exposes only health")
            + "), so Prometheus cannot scrape HikariCP's meters";
    return Optional.of(
        Violation.at(
                include.map(Observability.Setting::position).orElse(service.anchor()),
                PoolNotObservable.lead(service) + why)
            .withSubject(service.name()));
  }

  private static java.util.stream.Stream<String> names(Observability.Setting setting) {
    return Arrays.stream(setting.text().split(",")).map(n -> n.strip().toLowerCase(Locale.ROOT));
  }

  private static Violation off(Service service, Observability.Setting at, String why) {
    return Violation.at(at.position(), PoolNotObservable.lead(service) + why)
        .withSubject(service.name());
  }
}
