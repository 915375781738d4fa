package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.util.Optional;

/**
 * The idle limits of the run's databases (MySQL's {@code wait_timeout}, poolguard.yaml's {@code
 * connectionIdleLimitSeconds}) and which datasource meets which.
 */
public final class IdleLimits {

  private final PoolguardConfig project;
  private final DeploymentModel model;

  IdleLimits(PoolguardConfig project, DeploymentModel model) {
    this.project = project;
    this.model = model;
  }

  /**
   * An idle limit a pool's connections meet.
   *
   * @param database the database's name
   * @param seconds the limit
   * @param setting how it is set, as messages name it ({@code wait_timeout}, {@code
   *     connectionIdleLimitSeconds})
   * @param position where it is set
   */
  public record IdleLimit(String database, long seconds, String setting, SourcePosition position) {}

  Optional<IdleLimit> of(Service service, DataSource ds) {
    Optional<String> name =
        DatabaseLinks.databaseOf(service, ds, project.services().get(service.name()), model);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    DatabaseConfig db = project.databases().get(name.get());
    if (db == null || db.connectionIdleLimitSeconds().isEmpty()) {
      return Optional.empty();
    }
    SourcePosition at = db.positionOf("connectionIdleLimitSeconds");
    boolean fromYaml = !project.displayPath().isEmpty() && at.path().equals(project.displayPath());
    return Optional.of(
        new IdleLimit(
            db.name(),
            db.connectionIdleLimitSeconds().getAsInt(),
            fromYaml ? "connectionIdleLimitSeconds" : "wait_timeout",
            at));
  }
}
