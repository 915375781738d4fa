package dev.poolguard.rules.change;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
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
 * A pool setting that changes against the baseline in a ConfigMap (or another source outside the
 * pod template) while the pod template stays the same: nothing rolls out.
 */
public final class ConfigChangeNotRolledOut implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("config-change-not-rolled-out")
          .title("Pool change that no rollout applies")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.BASELINE)
          .rationale(
              "The Deployment controller starts a rollout only when the pod template changes."
                  + " A pool setting read from a ConfigMap (an env value by configMapKeyRef or"
                  + " envFrom, or an application.yml mounted from it) can change while the"
                  + " template stays byte for byte the same: applying it restarts no pod. Running"
                  + " pods keep the old pool until they restart for some other reason, days later"
                  + " and one at a time, so the change reaches production at an unknown moment"
                  + " and is never tested by a rollout; and `kubectl rollout undo` cannot bring the"
                  + " old value back, because the Deployment's revisions never held it. A"
                  + " Kustomize configMapGenerator (its hash suffix renames the ConfigMap inside"
                  + " the template) or a checksum annotation on the template ties the two"
                  + " together. Changes in the application's own packaged config need a new image"
                  + " and are not reported.")
          .remediation(
              "Generate the ConfigMap with Kustomize's configMapGenerator, or add a checksum of"
                  + " the ConfigMap as a pod template annotation, so that the change rolls out"
                  + " (and rolls back) with the Deployment.")
          .example(
              "# baseline: ConfigMap orders-pool data DB_POOL_MAX: \"40\"\n"
                  + "data:\n"
                  + "  DB_POOL_MAX: \"10\"\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    if (context.baseline().isEmpty()) {
      return out;
    }
    BaselineView baseline = context.baseline().get();
    Set<String> seen = new HashSet<>();
    for (Changes.SettingChange sc : Changes.ofAnyKey(context, Change.Kind.CHANGED)) {
      Optional<Workload> now = sc.service().deployment().map(d -> d.workload());
      Optional<Workload> before =
          workload(baseline, sc.change().service(), sc.change().baselineProfile());
      if (now.isEmpty()
          || before.isEmpty()
          || now.get().templateDigest().isEmpty()
          || !now.get().templateDigest().equals(before.get().templateDigest())) {
        continue;
      }
      Origin source = source(sc.current());
      if (source.isDefault() || packaged(source)) {
        continue;
      }
      String message =
          sc.property()
              + " changes from "
              + sc.old().text()
              + " to "
              + sc.current().text()
              + " here, but the pod template of "
              + now.get().describe()
              + " is the same as in "
              + baseline.label()
              + ": applying it rolls out no pod, running pods keep "
              + sc.old().text()
              + " until they restart, and `kubectl rollout undo` cannot restore it";
      if (seen.add(source.position() + "\n" + message)) {
        out.add(
            Violation.at(source.position(), message)
                .withService(sc.service().name(), sc.service().profileLabel())
                .withSubject(sc.dataSource().name() + "/" + sc.change().key())
                .withRelated(List.of(new Related(now.get().position(), "pod template unchanged"))));
      }
    }
    return out;
  }

  /** Where the new value was written: the source behind a placeholder, if it came through one. */
  private static Origin source(Value value) {
    return value.via().isEmpty() ? value.origin() : value.via().get(value.via().size() - 1);
  }

  /** An application config file baked into the image: changing it needs a new image anyway. */
  private static boolean packaged(Origin origin) {
    if (origin.kind() != Origin.Kind.FILE) {
      return false;
    }
    String path = origin.position().path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.startsWith("application") || name.startsWith("bootstrap");
  }

  private static Optional<Workload> workload(
      BaselineView baseline, String service, String profile) {
    for (Service s : baseline.model().services()) {
      if (s.name().equals(service)
          && s.profileLabel().equals(profile)
          && s.deployment().isPresent()) {
        return Optional.of(s.deployment().get().workload());
      }
    }
    return Optional.empty();
  }
}
