package dev.poolguard.rules.rollback;

import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.HttpProbe;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A liveness probe that calls a health check including the database: a pool that runs dry (or a
 * slow database) fails liveness on every pod at once, and the kubelet restarts them all.
 */
public final class LivenessProbeChecksDatabase implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("liveness-probe-checks-database")
          .title("Liveness probe includes the database health check")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "The kubelet restarts a container whose liveness probe fails. Spring Boot's"
                  + " aggregate /actuator/health includes the db indicator, which borrows a"
                  + " connection from the pool and runs a validation query; Quarkus's /q/health and"
                  + " /q/health/ready include the datasource readiness check. When the pool is"
                  + " exhausted or the database is slow, such a probe times out on every pod at"
                  + " once: Kubernetes restarts the whole fleet, each restart opens a fresh pool"
                  + " against the struggling database, and a slowdown becomes an outage."
                  + " Liveness should say only whether the process is alive: Spring Boot's"
                  + " /actuator/health/liveness group and Quarkus's /q/health/live leave the"
                  + " database out; the database belongs in readiness, which takes a pod out of"
                  + " the Service without restarting it.")
          .remediation(
              "Point livenessProbe at /actuator/health/liveness (Spring Boot) or /q/health/live"
                  + " (Quarkus), and readinessProbe at /actuator/health/readiness or"
                  + " /q/health/ready.")
          .example(
              "livenessProbe:\n"
                  + "  httpGet:\n"
                  + "    path: /actuator/health\n"
                  + "    port: 8080\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Service service : context.model().services()) {
      if (service.dataSources().isEmpty()
          || service.deployment().isEmpty()
          || service.framework() == Framework.MICRONAUT) {
        continue; // Micronaut's health endpoints are not modelled
      }
      Deployment d = service.deployment().get();
      Optional<HttpProbe> probe =
          d.workload().containers().stream()
              .filter(c -> c.name().equals(d.container()))
              .findFirst()
              .flatMap(Container::livenessProbe);
      if (probe.isEmpty()) {
        continue;
      }
      Optional<String> why =
          service.framework() == Framework.QUARKUS
              ? quarkus(probe.get(), service.observability())
              : spring(probe.get(), service.observability());
      if (why.isPresent() && seen.add(probe.get().position() + "\n" + service.name())) {
        out.add(
            Violation.at(
                    probe.get().position(),
                    "the livenessProbe of "
                        + d.workload().describe()
                        + " calls "
                        + probe.get().path().strip()
                        + ", "
                        + why.get()
                        + ": when "
                        + service.name()
                        + "'s pool runs dry or the database slows down, every pod fails"
                        + " liveness and the kubelet restarts them all")
                .withService(service.name(), service.profileLabel())
                .withSubject(d.workload().describe()));
      }
    }
    return out;
  }

  /** Why the path includes the db indicator, if it does. */
  private static Optional<String> spring(HttpProbe probe, Observability seen) {
    if (seen.isFalse("management.health.db.enabled")
        || seen.isFalse("management.health.defaults.enabled")) {
      return Optional.empty();
    }
    String base =
        trimmed(
            seen.setting("management.endpoints.web.base-path")
                .map(Observability.Setting::text)
                .orElse("/actuator"));
    String path = trimmed(probe.path());
    if (path.equals(base + "/health")) {
      return Optional.of("Spring Boot's aggregate health, which includes the database check (db)");
    }
    Optional<Observability.Setting> group =
        seen.setting("management.endpoint.health.group.liveness.include");
    if (path.equals(base + "/health/liveness")
        && group.isPresent()
        && Arrays.stream(group.get().text().split(","))
            .map(m -> m.strip().toLowerCase(Locale.ROOT))
            .anyMatch(m -> m.equals("db") || m.equals("*"))) {
      return Optional.of(
          "whose liveness group includes the database check (management.endpoint.health.group"
              + ".liveness.include at "
              + group.get().position()
              + ")");
    }
    return Optional.empty();
  }

  private static Optional<String> quarkus(HttpProbe probe, Observability seen) {
    if (seen.isFalse("quarkus.datasource.health.enabled")) {
      return Optional.empty();
    }
    String nonApplicationRoot =
        "/"
            + seen.setting("quarkus.http.non-application-root-path")
                .map(s -> s.text().strip().replaceAll("^/+|/+$", ""))
                .orElse("q");
    String root =
        seen.setting("quarkus.smallrye-health.root-path")
            .map(s -> s.text().strip())
            .map(r -> r.startsWith("/") ? trimmed(r) : nonApplicationRoot + "/" + trimmed(r))
            .orElse(nonApplicationRoot + "/health");
    String path = trimmed(probe.path());
    if (path.equals(root) || path.equals(root + "/ready")) {
      return Optional.of("whose checks include the datasource readiness check");
    }
    return Optional.empty();
  }

  /** A path without query and trailing slashes, with a leading slash. */
  private static String trimmed(String path) {
    String p = path.strip();
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    p = p.replaceAll("/+$", "");
    return p.startsWith("/") ? p : "/" + p;
  }
}
