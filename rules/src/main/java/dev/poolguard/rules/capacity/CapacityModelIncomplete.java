package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.PoolCapacity;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The capacity model lacks what a capacity rule needs, so a pool goes unjudged. */
public final class CapacityModelIncomplete implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("capacity-model-incomplete")
          .title("Capacity model lacks data a capacity rule needs")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "The capacity rules judge a pool only when poolguard.yaml gives its service's peak load"
                  + " and pod count and names the database each datasource uses. Once a capacity model"
                  + " is declared, a pool it leaves out would silently pass: a service without a pod"
                  + " count, a datasource without a database, a database that is not declared, or a"
                  + " pool size that is unknown before deployment. A workload scaled to zero"
                  + " (replicas: 0, or an HPA with minReplicas: 0) serves no peak until"
                  + " replicasAtPeak says how many pods do; a replicasAtPeak outside the HPA's"
                  + " range, or above a fixed replica count, is judged at the count the controllers"
                  + " would run. A service that uses a database but has no pod count is counted"
                  + " as 1 pod in that database's budget, never left out. Runs without load or"
                  + " databases in"
                  + " poolguard.yaml skip the capacity rules and this one.")
          .remediation(
              "Complete the model in poolguard.yaml: replicas or a deployment manifest for each service"
                  + " with load, database: for each datasource, and the database under databases:.")
          .example(
              "services:\n  orders-api:\n    config: orders-api/src/main/resources\n"
                  + "    load: { peakRequestsPerSecond: 2400, connectionHoldMillis: 25 }\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    PoolguardConfig project = context.project();
    boolean declared =
        !project.databases().isEmpty()
            || project.services().values().stream().anyMatch(s -> s.load().isPresent());
    List<Violation> out = new ArrayList<>();
    if (!declared) {
      return out;
    }
    for (Service service : context.model().services()) {
      ServiceConfig config = project.services().get(service.name());
      if (service.dataSources().isEmpty()) {
        continue;
      }
      SourcePosition where = config != null ? config.position() : service.anchor();
      Optional<PoolCapacity.Pods> pods =
          config != null && config.load().isPresent()
              ? PoolLoad.pods(service, config)
              : Optional.empty();
      if (config != null && config.load().isPresent() && pods.isEmpty()) {
        out.add(
            at(
                service,
                where,
                "service "
                    + service.name()
                    + " has load figures but no pod count: add replicas: or a deployment: manifest",
                "pods"));
      } else if (pods.isPresent() && pods.get().conflict().isPresent()) {
        out.add(at(service, pods.get().position(), pods.get().conflict().get(), "pods"));
      } else if (pods.isPresent() && pods.get().count() == 0) {
        out.add(
            at(
                service,
                pods.get().position(),
                "service "
                    + service.name()
                    + " runs no pod at peak ("
                    + pods.get().source()
                    + "), so nothing serves its peak load: set load.replicasAtPeak in"
                    + " poolguard.yaml to the pods that serve the peak",
                "pods"));
      }
      for (DataSource ds : service.dataSources()) {
        if (ds.inert().filter(DataSource.Inert::switchedOff).isPresent()) {
          continue; // the application does not create it: nothing to count
        }
        if (config != null && config.load().isPresent() && PoolLoad.poolMax(ds).isEmpty()) {
          out.add(
              at(
                  service,
                  PoolLoad.poolMaxSetting(ds)
                      .map(s -> s.value().origin().position())
                      .orElse(ds.anchor()),
                  "the pool maximum of "
                      + service.name()
                      + " ("
                      + ds.name()
                      + ") is not known before deployment, so its capacity cannot be checked",
                  ds.name() + "/pool"));
        }
        if (project.databases().isEmpty()) {
          continue;
        }
        Optional<String> db =
            config == null
                ? Optional.empty()
                : ds.name().equals("default")
                    ? config.database()
                    : Optional.ofNullable(config.datasources().get(ds.name()));
        if (db.isEmpty()) {
          out.add(
              at(
                  service,
                  where,
                  "datasource "
                      + ds.name()
                      + " of "
                      + service.name()
                      + " is not in the capacity model: name its database in poolguard.yaml (services."
                      + service.name()
                      + (ds.name().equals("default") ? ".database" : ".datasources")
                      + ")",
                  ds.name() + "/database"));
        } else if (service.deployment().isEmpty()
            && config.replicas().isEmpty()
            && (config.load().isEmpty() || pods.isEmpty())
            && project.databases().containsKey(db.get())) {
          out.add(
              at(
                  service,
                  config.positionOf(ds.name().equals("default") ? "database" : "datasources"),
                  "service "
                      + service.name()
                      + " uses database "
                      + db.get()
                      + " but has no pod count (no deployment: manifest, no replicas:): its"
                      + " budget counts it as 1 pod, the fewest that can run it",
                  ds.name() + "/budget-pods"));
        } else if (!project.databases().containsKey(db.get())) {
          out.add(
              at(
                  service,
                  config.positionOf(ds.name().equals("default") ? "database" : "datasources"),
                  "database "
                      + db.get()
                      + " of "
                      + service.name()
                      + " is not declared under databases: in poolguard.yaml",
                  ds.name() + "/database"));
        }
      }
    }
    return out;
  }

  private static Violation at(
      Service service, SourcePosition position, String message, String subject) {
    return Violation.at(position, message)
        .withService(service.name(), service.profileLabel())
        .withSubject(subject);
  }
}
