package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A datasource the application defines itself beside Spring Boot's own, as {@code poolguard.yaml}
 * declares it: the prefix its HikariCP pool is bound under and the property that switches it on
 * ({@code @ConditionalOnProperty}: set and not {@code false}, or equal to {@code havingValue};
 * missing means off unless {@code matchIfMissing}).
 *
 * @param name the datasource's name
 * @param prefix the prefix of its HikariCP settings ({@code spring.datasource.events.hikari})
 * @param enabledBy the property that switches it on, when it is conditional
 * @param havingValue the value that property must have, when not simply "not false"
 * @param matchIfMissing whether it is on when the property is not set
 * @param declaredAt its declaration in poolguard.yaml
 */
public record ExtraDataSource(
    String name,
    String prefix,
    Optional<String> enabledBy,
    Optional<String> havingValue,
    boolean matchIfMissing,
    SourcePosition declaredAt) {

  public ExtraDataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(enabledBy, "enabledBy");
    Objects.requireNonNull(havingValue, "havingValue");
    Objects.requireNonNull(declaredAt, "declaredAt");
  }
}
