/**
 * Kubernetes manifests as poolguard needs them: workloads with their replicas, rollout strategy and
 * containers, autoscalers, ConfigMaps and Secrets (keys only), every value with its position; the
 * environment Kubernetes builds for a container, and the Java system properties and Spring
 * arguments its command line carries.
 */
package dev.poolguard.core.model.kubernetes;
