package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.Optional;

/**
 * One property as a source states it: the dotted property name it binds to, the value node, how it
 * was written ({@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE} for an environment variable; the
 * property name itself in a file), and why its value is unknown, if it is (a Secret).
 */
record Property(
    String name,
    ScalarNode value,
    Origin.Kind kind,
    String writtenAs,
    Optional<Value.Unknown> unknown) {

  Property(String name, ScalarNode value, Origin.Kind kind) {
    this(name, value, kind, name, Optional.empty());
  }

  /** A {@code -D} property or {@code --} argument from the deployment. */
  static Property external(ExternalSetting setting) {
    Origin o = setting.origin();
    ScalarNode node = new ScalarNode(setting.text().orElse(""), o.text(), false, o.position());
    return new Property(setting.name(), node, o.kind(), setting.name(), setting.unknown());
  }

  String uniform() {
    return SpringNames.uniform(name);
  }

  Origin origin() {
    return new Origin(kind, value.position(), writtenAs, value.raw());
  }
}
