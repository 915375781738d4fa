package dev.poolguard.rules.rollback;

import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code progressDeadlineSeconds} so long that a stuck rollout is not reported failed for a long
 * time: {@code kubectl rollout status} and deploy pipelines wait instead of rolling back.
 */
public final class RolloutDeadlineTooLong implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("rollout-deadline-too-long")
          .title("A stuck rollout is noticed too late")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "A Deployment whose new pods never become ready (a pool that cannot open its"
                  + " connections, a database at max_connections) stops making progress; after"
                  + " spec.progressDeadlineSeconds (600 s by default) Kubernetes sets its"
                  + " Progressing condition to False with reason ProgressDeadlineExceeded, and"
                  + " `kubectl rollout status`, Argo CD and most deploy pipelines report the"
                  + " rollout failed and can roll it back. A much longer deadline keeps a broken"
                  + " rollout running, half old and half new pods, for that long before anyone or"
                  + " anything reacts: the rollback the incident needed starts late.")
          .remediation(
              "Remove progressDeadlineSeconds (600 s) or set it to a few times the time a new pod"
                  + " needs to become ready.")
          .example("spec:\n  replicas: 4\n  progressDeadlineSeconds: 7200\n")
          .option(
              "maxSeconds",
              1800,
              "longest progressDeadlineSeconds accepted (Kubernetes' default is 600)")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    double max = context.option(INFO, "maxSeconds");
    List<Violation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Service service : context.model().services()) {
      if (service.deployment().isEmpty()) {
        continue;
      }
      Workload workload = service.deployment().map(Deployment::workload).orElseThrow();
      Count deadline = workload.progressDeadlineSeconds();
      if (workload.kind() != Workload.Kind.DEPLOYMENT
          || deadline.defaulted()
          || deadline.value() <= max
          || !seen.add(workload.describe())) {
        continue;
      }
      out.add(
          Violation.at(
                  deadline.position(),
                  workload.describe()
                      + " sets progressDeadlineSeconds: "
                      + deadline.value()
                      + " ("
                      + minutes(deadline.value())
                      + "), so a rollout of "
                      + service.name()
                      + " whose new pods never become ready is reported failed only after that"
                      + " long (at most "
                      + (long) max
                      + " s accepted)")
              .withService(service.name(), service.profileLabel())
              .withSubject(workload.describe()));
    }
    return out;
  }

  private static String minutes(int seconds) {
    return seconds >= 3600 && seconds % 3600 == 0
        ? seconds / 3600 + " h"
        : seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
  }
}
