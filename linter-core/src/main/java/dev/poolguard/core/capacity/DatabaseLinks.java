package dev.poolguard.core.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which database a datasource uses: the one poolguard.yaml names for it, else the server found
 * among the files whose host its JDBC URL names (a compose service).
 */
public final class DatabaseLinks {

  private DatabaseLinks() {}

  /** The database of {@code ds}: poolguard.yaml's mapping first, else the found server's. */
  public static Optional<String> databaseOf(
      Service service, DataSource ds, ServiceConfig config, DeploymentModel model) {
    Optional<String> declared =
        config == null
            ? Optional.empty()
            : ds.name().equals("default")
                ? config.database()
                : Optional.ofNullable(config.datasources().get(ds.name()));
    return declared.or(() -> model.databaseOf(service, ds.name()).map(DatabaseServer::name));
  }

  /** A member reached through its JDBC URL gets that URL among its inputs. */
  static DatabaseBudget.Member withLink(
      DatabaseBudget.Member m, DeploymentModel model, ServiceConfig config) {
    boolean declared =
        config != null
            && (m.dataSource().name().equals("default")
                ? config.database().isPresent()
                : config.datasources().containsKey(m.dataSource().name()));
    Optional<DatabaseServer> server = model.databaseOf(m.service(), m.dataSource().name());
    if (declared || server.isEmpty()) {
      return m;
    }
    List<Input> inputs = new ArrayList<>(m.inputs());
    server.get().clients().stream()
        .filter(
            c ->
                c.service().equals(m.service().name())
                    && c.dataSource().equals(m.dataSource().name())
                    && m.service()
                        .deployment()
                        .filter(d -> d.workload().position().equals(c.workload()))
                        .isPresent())
        .findFirst()
        .ifPresent(
            c ->
                inputs.add(
                    new Input(
                        c.position(),
                        m.service().name()
                            + " connects to "
                            + server.get().name()
                            + c.through().map(t -> " through PgBouncer " + t).orElse("")
                            + " (JDBC URL)")));
    return new DatabaseBudget.Member(
        m.service(),
        m.dataSource(),
        m.poolMax(),
        m.pool(),
        m.replicas(),
        m.maxReplicas(),
        m.surge(),
        inputs);
  }

  /**
   * The {@code prepareThreshold} argument of the JDBC URL a member connects with, when its database
   * was found by that URL and it has one: the driver takes it over the datasource's properties.
   */
  public static Optional<DatabaseServer.Setting> urlPrepareThreshold(
      DeploymentModel model, DatabaseBudget.Member m) {
    return client(model, m).flatMap(DatabaseServer.Client::prepareThreshold);
  }

  /** How a member's datasource was found to connect to a database server, when it was. */
  public static Optional<DatabaseServer.Client> client(
      DeploymentModel model, DatabaseBudget.Member m) {
    Optional<dev.poolguard.core.config.SourcePosition> workload =
        m.service().deployment().map(d -> d.workload().position());
    return model.databases().stream()
        .flatMap(s -> s.clients().stream())
        .filter(
            c ->
                c.service().equals(m.service().name())
                    && c.dataSource().equals(m.dataSource().name())
                    && workload.filter(c.workload()::equals).isPresent())
        .findFirst();
  }

  /**
   * A PostgreSQL server found among the files without a postgresql.conf still keeps its default
   * reserved slots (superuser_reserved_connections 3): an empty file gives those defaults.
   */
  static Optional<PostgresConf> serverDefaults(DatabaseConfig db) {
    boolean foundPostgres =
        db.source().isPresent() && db.engine().filter("postgres"::equals).isPresent();
    return foundPostgres ? Optional.of(PostgresConf.parse("", db.name())) : Optional.empty();
  }
}
