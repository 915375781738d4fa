package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A database server found among the linted files (a docker-compose service running PostgreSQL or
 * MySQL, a CloudNativePG {@code Cluster}), with the connection settings it starts with and the
 * services whose JDBC URL names it.
 *
 * @param name the name services reach it by (the compose service name; a Cluster's name, whose
 *     {@code -rw} Service they reach)
 * @param engine PostgreSQL or MySQL (MariaDB reads the same settings)
 * @param source how it was found, as reports say it ({@code compose service db})
 * @param position where it is declared (the compose service's key)
 * @param settings connection settings from its command line or option files, by their server name
 *     ({@code max_connections}, {@code wait_timeout}), each with where it is written
 * @param postgresqlConf the host file mounted as its {@code postgresql.conf}, when one is
 * @param postgresqlConfAt where that mount is written
 * @param clients the datasources whose JDBC URL names this server's host
 */
public record DatabaseServer(
    String name,
    Engine engine,
    String source,
    SourcePosition position,
    Map<String, Setting> settings,
    Optional<Path> postgresqlConf,
    Optional<SourcePosition> postgresqlConfAt,
    List<Client> clients) {

  public DatabaseServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    Objects.requireNonNull(postgresqlConf, "postgresqlConf");
    Objects.requireNonNull(postgresqlConfAt, "postgresqlConfAt");
    clients = List.copyOf(clients);
  }

  /** The server software, which decides the defaults and the settings' names. */
  public enum Engine {
    POSTGRESQL("PostgreSQL", 100),
    MYSQL("MySQL", 151);

    private final String label;
    private final int defaultMaxConnections;

    Engine(String label, int defaultMaxConnections) {
      this.label = label;
      this.defaultMaxConnections = defaultMaxConnections;
    }

    /** The name reports use. */
    public String label() {
      return label;
    }

    /** {@code max_connections} when nothing sets it (PostgreSQL 100, MySQL 151). */
    public int defaultMaxConnections() {
      return defaultMaxConnections;
    }
  }

  /**
   * One server setting as written.
   *
   * @param name the server's name for it, underscores ({@code max_connections})
   * @param value the text as written
   * @param position where it is written
   * @param from how it is given ({@code -c in command}, {@code my.cnf [mysqld]})
   */
  public record Setting(String name, String value, SourcePosition position, String from) {

    public Setting {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(from, "from");
    }
  }

  /**
   * A datasource that connects to this server.
   *
   * @param service the service name
   * @param dataSource the datasource name ({@code default})
   * @param position where its JDBC URL (or its {@code depends_on}) is written
   * @param via how the link is known: {@code JDBC URL}, or {@code depends_on} when no URL is in
   *     sight and the service depends on this one database server
   * @param workload where the service's compose service is declared, which tells apart services of
   *     one name in two projects
   * @param through the PgBouncer compose service its JDBC URL names, which connects to this server
   * @param prepareThreshold the {@code prepareThreshold} argument of its JDBC URL, when it has one
   */
  public record Client(
      String service,
      String dataSource,
      SourcePosition position,
      String via,
      SourcePosition workload,
      Optional<String> through,
      Optional<Setting> prepareThreshold) {

    public Client {
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(via, "via");
      Objects.requireNonNull(through, "through");
      Objects.requireNonNull(prepareThreshold, "prepareThreshold");
    }

    public Client(
        String service,
        String dataSource,
        SourcePosition position,
        String via,
        SourcePosition workload) {
      this(service, dataSource, position, via, workload, Optional.empty(), Optional.empty());
    }
  }

  /** A setting by its server name. */
  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** This server with the datasources that connect to it. */
  public DatabaseServer withClients(List<Client> connected) {
    return new DatabaseServer(
        name, engine, source, position, settings, postgresqlConf, postgresqlConfAt, connected);
  }
}
