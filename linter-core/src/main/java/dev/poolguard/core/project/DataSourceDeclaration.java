package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A datasource that the application defines itself, declared under {@code
 * services.<name>.datasources.<datasource>} in its long form: where its pool settings are bound and
 * the property that switches it on.
 *
 * <p>{@code enabledBy} follows Spring Boot's {@code @ConditionalOnProperty}: without {@code
 * havingValue} the datasource exists when the property is set and is not {@code false}; with it,
 * when the property equals it (ignoring case); a missing property switches it off unless {@code
 * matchIfMissing} is true.
 *
 * @param name the datasource's name (its key)
 * @param prefix the prefix its HikariCP settings are bound under ({@code
 *     spring.datasource.events.hikari}), when given
 * @param database the database it connects to, when given
 * @param enabledBy the property that switches the datasource on, when it is conditional
 * @param havingValue the value {@code enabledBy} must have, when not simply "not false"
 * @param matchIfMissing whether a missing {@code enabledBy} property switches it on
 * @param position the datasource's key in poolguard.yaml
 */
public record DataSourceDeclaration(
    String name,
    Optional<String> prefix,
    Optional<String> database,
    Optional<String> enabledBy,
    Optional<String> havingValue,
    boolean matchIfMissing,
    SourcePosition position) {

  public DataSourceDeclaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(enabledBy, "enabledBy");
    Objects.requireNonNull(havingValue, "havingValue");
    Objects.requireNonNull(position, "position");
  }
}
