/**
 * How a service runs in Kubernetes, as the model names it: the workload (Deployment or StatefulSet)
 * with its replicas, rollout strategy, containers and volumes, and the autoscalers that scale it,
 * every value with its position. The readers in {@code model.kubernetes} build these from
 * manifests; this package needs nothing of the model, so the model can hold a workload without a
 * package loop.
 */
package dev.poolguard.core.model.workload;
