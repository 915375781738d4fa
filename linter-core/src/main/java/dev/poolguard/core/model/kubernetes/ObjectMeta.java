package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;

/**
 * The identity of a manifest object: name, namespace ({@code default} when absent) and position.
 */
record ObjectMeta(
    String apiVersion, String kind, String name, String namespace, SourcePosition position) {

  static final String DEFAULT_NAMESPACE = "default";

  String key() {
    return kind + "/" + namespace + "/" + name;
  }
}
