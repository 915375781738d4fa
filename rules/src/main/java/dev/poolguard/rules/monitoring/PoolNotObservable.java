package dev.poolguard.rules.monitoring;

import dev.poolguard.core.model.BuildFile;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pool whose metrics reach no monitoring system: the incident's pool ran dry and nothing alerted.
 * Judged from the service's build file (which libraries run beside the pool) and the effective
 * settings that expose or switch off metrics; a service without a build file is not judged.
 */
public final class PoolNotObservable implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-not-observable")
          .title("Pool metrics reach no monitoring system")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "An alert on threads waiting for a connection (hikaricp_connections_pending,"
                  + " agroal_awaiting_count) or on acquisition timeouts is what tells a team that a"
                  + " pool is running dry before users do; `poolguard alerts` writes those rules."
                  + " They see nothing unless the pool's metrics are published. Spring Boot binds"
                  + " HikariCP's meters only with the actuator (spring-boot-starter-actuator) and"
                  + " a Micrometer registry on the classpath; with the Prometheus registry the"
                  + " prometheus endpoint must also be exposed over HTTP, and Boot exposes only"
                  + " health by default (management.endpoints.web.exposure.include). Quarkus"
                  + " publishes Agroal's metrics only with a Micrometer extension and"
                  + " quarkus.datasource.metrics.enabled=true (default false). Switches such as"
                  + " management.metrics.enable.hikaricp=false turn the meters off again. The"
                  + " build file is the service's pom.xml (with the parents it inherits"
                  + " dependencies from) or build.gradle[.kts]; a service without one is not"
                  + " judged.")
          .remediation(
              "Spring Boot: add spring-boot-starter-actuator and"
                  + " io.micrometer:micrometer-registry-prometheus to the build and include"
                  + " prometheus in management.endpoints.web.exposure.include. Quarkus: add"
                  + " quarkus-micrometer-registry-prometheus and set"
                  + " quarkus.datasource.metrics.enabled=true.")
          .example(
              "# pom.xml: spring-boot-starter-actuator, micrometer-registry-prometheus\n"
                  + "spring:\n"
                  + "  datasource:\n"
                  + "    url: jdbc:postgresql://db/orders\n"
                  + "management:\n"
                  + "  endpoints:\n"
                  + "    web:\n"
                  + "      exposure:\n"
                  + "        include: health,info\n")
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
      Observability seenBy = service.observability();
      if (service.dataSources().isEmpty()
          || seenBy.build().isEmpty()
          || service.framework() == Framework.MICRONAUT) {
        continue;
      }
      Optional<Violation> problem =
          service.framework() == Framework.QUARKUS
              ? QuarkusMetrics.problem(service, seenBy.build().get(), seenBy)
              : SpringMetrics.problem(service, seenBy.build().get(), seenBy);
      // Profile variants share their build file and usually their settings: report each once.
      problem
          .filter(v -> seen.add(service.name() + "\n" + v.position() + "\n" + v.message()))
          .ifPresent(v -> out.add(v.withService(service.name(), service.profileLabel())));
    }
    return out;
  }

  /** "orders-api's pool metrics are not published: " and the reason. */
  static String lead(Service service) {
    return service.name() + "'s pool metrics are not published: ";
  }

  static boolean isFalse(Optional<Observability.Setting> setting) {
    return setting.map(Observability.Setting::isFalse).orElse(false);
  }

  static Violation missing(Service service, BuildFile build, String what, String why) {
    return Violation.at(
            build.dependenciesAt(),
            lead(service) + build.path() + " declares no " + what + ", " + why)
        .withSubject(service.name());
  }
}
