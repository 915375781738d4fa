package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.Origin;

/**
 * One property as a source states it: the flattened name as written, the value node, and how to
 * describe its origin.
 */
record Property(String name, ScalarNode value, Origin.Kind kind) {

  String uniform() {
    return SpringNames.uniform(name);
  }

  Origin origin() {
    return new Origin(kind, value.position(), name, value.raw());
  }
}
