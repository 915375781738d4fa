package dev.poolguard.core.baseline;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes of how services run: replicas, rollout strategy and bounds, autoscaler range. They are
 * reported as setting changes of the pseudo-datasource {@value #DEPLOYMENT}.
 */
public final class DeploymentDiff {

  /** The datasource name deployment facts are filed under in a {@link Change}. */
  public static final String DEPLOYMENT = "(deployment)";

  private DeploymentDiff() {}

  /** Every changed deployment fact of services present on both sides, sorted. */
  public static List<Change> between(DeploymentModel current, DeploymentModel baseline) {
    Map<String, Service> before = firstByName(baseline);
    List<Change> out = new ArrayList<>();
    for (Service now : firstByName(current).values()) {
      Service then = before.get(now.name());
      if (then == null || now.deployment().isEmpty() || then.deployment().isEmpty()) {
        continue;
      }
      Map<String, Value> a = facts(now.deployment().get());
      Map<String, Value> b = facts(then.deployment().get());
      for (Map.Entry<String, Value> e : a.entrySet()) {
        Value old = b.get(e.getKey());
        if (old != null && !Objects.equals(old.text(), e.getValue().text())) {
          out.add(
              new Change(
                  Change.Kind.CHANGED,
                  now.name(),
                  now.profileLabel(),
                  then.profileLabel(),
                  DEPLOYMENT,
                  e.getKey(),
                  Optional.of(e.getValue()),
                  Optional.of(old)));
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static Map<String, Service> firstByName(DeploymentModel model) {
    Map<String, Service> byName = new LinkedHashMap<>();
    model.services().forEach(s -> byName.putIfAbsent(s.name(), s));
    return byName;
  }

  private static Map<String, Value> facts(Deployment d) {
    Map<String, Value> facts = new LinkedHashMap<>();
    var w = d.workload();
    facts.put(
        "replicas",
        fact("replicas", String.valueOf(w.replicas().value()), w.replicas().position()));
    Strategy s = w.strategy();
    facts.put("strategy", fact("strategy", s.type().name(), s.position()));
    s.maxSurge().ifPresent(b -> facts.put("max-surge", fact("maxSurge", b.raw(), b.position())));
    s.maxUnavailable()
        .ifPresent(
            b -> facts.put("max-unavailable", fact("maxUnavailable", b.raw(), b.position())));
    for (Autoscaler hpa : d.autoscalers()) {
      facts.put(
          "hpa-min-replicas",
          fact(
              "minReplicas",
              String.valueOf(hpa.minReplicas().value()),
              hpa.minReplicas().position()));
      hpa.maxReplicas()
          .ifPresent(
              m ->
                  facts.put(
                      "hpa-max-replicas",
                      fact("maxReplicas", String.valueOf(m.value()), m.position())));
    }
    return facts;
  }

  private static Value fact(String property, String text, SourcePosition position) {
    return Value.set(text, new Origin(Origin.Kind.FILE, position, property, text), List.of());
  }
}
