package dev.poolguard.core.model;

import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Workload;
import java.util.List;
import java.util.Objects;

/**
 * How a service runs in Kubernetes: its workload (replicas, rollout strategy), the autoscalers that
 * scale it, and the container that runs the application.
 *
 * @param workload the Deployment or StatefulSet
 * @param autoscalers the HorizontalPodAutoscalers whose {@code scaleTargetRef} names it
 * @param container the application container's name
 */
public record Deployment(Workload workload, List<Autoscaler> autoscalers, String container) {

  public Deployment {
    Objects.requireNonNull(workload, "workload");
    autoscalers = List.copyOf(autoscalers);
    Objects.requireNonNull(container, "container");
  }
}
