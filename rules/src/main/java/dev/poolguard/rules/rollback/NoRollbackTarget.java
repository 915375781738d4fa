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

/** {@code revisionHistoryLimit: 0}: Kubernetes keeps no old revision to roll back to. */
public final class NoRollbackTarget implements Rule {

  static final RuleInfo INFO =
      RuleInfo.of(
          "no-rollback-target",
          "Workload keeps no revision to roll back to",
          Severity.WARNING,
          Set.of(RuleInfo.Need.CONFIG),
          "spec.revisionHistoryLimit is how many old ReplicaSets (StatefulSet: controller"
              + " revisions) Kubernetes keeps so that `kubectl rollout undo` can return to them; it"
              + " defaults to 10. At 0 every old revision is deleted as soon as a rollout"
              + " finishes, so a bad pool change cannot be undone with one command: someone has to"
              + " find, edit and re-apply the old manifest while the pool is exhausted. The"
              + " incident's postmortem asked for a fast rollback; this is what makes it slow.",
          "Remove revisionHistoryLimit (default 10) or set it to a few revisions, e.g. 3.",
          "spec:\n  replicas: 4\n  revisionHistoryLimit: 0\n");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Service service : context.model().services()) {
      if (service.deployment().isEmpty()) {
        continue;
      }
      Workload workload = service.deployment().map(Deployment::workload).orElseThrow();
      Count limit = workload.revisionHistoryLimit();
      // Profile variants share a manifest: report each workload once.
      if (limit.defaulted() || limit.value() > 0 || !seen.add(workload.describe())) {
        continue;
      }
      out.add(
          Violation.at(
                  limit.position(),
                  workload.describe()
                      + " sets revisionHistoryLimit: 0, so `kubectl rollout undo` has no earlier"
                      + " revision of "
                      + service.name()
                      + " to return to")
              .withService(service.name(), service.profileLabel())
              .withSubject(workload.describe()));
    }
    return out;
  }
}
