/**
 * Kubernetes manifests as poolguard needs them: the readers that build {@code model.workload}'s
 * workloads (replicas, rollout strategy, containers) and autoscalers, ConfigMaps and Secrets (keys
 * only), every value with its position; the environment Kubernetes builds for a container, and the
 * Java system properties and Spring arguments its command line carries.
 */
package dev.poolguard.core.model.kubernetes;
