package dev.poolguard.core.model.micronaut;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.Optional;

/**
 * One property as a source states it.
 *
 * @param catalogued the name Micronaut catalogues it under (for an environment variable, the
 *     all-dots name its datasource names come from)
 * @param text its value as written (empty when unknown)
 * @param unknown why its value cannot be known, if it cannot
 * @param origin where it is written and how
 */
record Entry(String catalogued, String text, Optional<Value.Unknown> unknown, Origin origin) {

  boolean isEnv() {
    return origin.kind() == Origin.Kind.ENV;
  }

  /** Whether this entry sets the catalogued property {@code property}. */
  boolean provides(String property) {
    return isEnv()
        ? MicronautNames.envProvides(origin.property(), property)
        : catalogued.equals(property);
  }
}
