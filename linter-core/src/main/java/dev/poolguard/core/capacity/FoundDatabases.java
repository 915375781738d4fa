package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.mysql.MyCnf;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The database servers the run found among the files (compose services), as databases of the
 * capacity model beside those poolguard.yaml declares: a connection budget needs no poolguard.yaml
 * when a compose file starts the database and its services.
 */
public final class FoundDatabases {

  private FoundDatabases() {}

  /**
   * {@code project} with the model's servers added (a declared database of the name wins), and each
   * declared MySQL database's {@code config:} my.cnf read for its max_connections and wait_timeout;
   * {@code refusal} says why a file must not be read, {@code display} names it.
   */
  public static PoolguardConfig with(
      PoolguardConfig project,
      DeploymentModel model,
      Function<Path, Optional<String>> refusal,
      Function<Path, String> display) {
    List<DatabaseConfig> found = new ArrayList<>();
    for (DatabaseServer server : model.databases()) {
      found.add(config(server));
    }
    Map<String, DatabaseConfig> declared = new java.util.TreeMap<>(project.databases());
    boolean changed = false;
    for (DatabaseConfig db : project.databases().values()) {
      if (isMysql(db) && db.config().isPresent()) {
        declared.put(db.name(), withOptionFile(db, refusal, display));
        changed = true;
      }
    }
    if (found.isEmpty() && !changed) {
      return project;
    }
    PoolguardConfig base =
        changed
            ? project.withoutDatabases().withFoundDatabases(List.copyOf(declared.values()))
            : project;
    return base.withFoundDatabases(found);
  }

  /**
   * Notes for managed databases of poolguard.yaml whose size has no published default known here
   * and no maxConnections: they get no budget until one is written.
   */
  public static List<String> unknownManaged(PoolguardConfig project) {
    List<String> out = new ArrayList<>();
    for (DatabaseConfig db : project.databases().values()) {
      if (db.maxConnections().isEmpty() && db.config().isEmpty()) {
        ManagedLimits.unknown(db)
            .ifPresent(
                why -> out.add(db.positionOf("engine") + ": database " + db.name() + ": " + why));
      }
    }
    return out;
  }

  /** A database whose engine is MySQL or MariaDB (its config is a my.cnf). */
  static boolean isMysql(DatabaseConfig db) {
    return db.engine().filter(e -> e.contains("mysql") || e.equals("mariadb")).isPresent();
  }

  /** A declared MySQL database with what its my.cnf sets where poolguard.yaml does not. */
  private static DatabaseConfig withOptionFile(
      DatabaseConfig db, Function<Path, Optional<String>> refusal, Function<Path, String> display) {
    MyCnf cnf = MyCnf.read(db.config().get(), refusal, display);
    Map<String, SourcePosition> positions = new HashMap<>(db.positions());
    OptionalInt max = db.maxConnections();
    Optional<String> source = db.source();
    if (max.isEmpty()) {
      Optional<MyCnf.Setting> set = cnf.setting("max_connections");
      OptionalInt read = set.map(s -> number(s.value())).orElse(OptionalInt.empty());
      max =
          read.isPresent()
              ? read
              : OptionalInt.of(DatabaseServer.Engine.MYSQL.defaultMaxConnections());
      positions.put(
          "maxConnections",
          set.filter(s -> read.isPresent())
              .map(MyCnf.Setting::position)
              .orElse(db.positionOf("config")));
      source =
          Optional.of(
              read.isPresent()
                  ? "my.cnf [mysqld]"
                  : "MySQL's default: " + display.apply(db.config().get()) + " does not set it");
    }
    OptionalInt idle = db.connectionIdleLimitSeconds();
    Optional<MyCnf.Setting> wait = cnf.setting("wait_timeout");
    OptionalLong waitSeconds = wait.map(w -> MyCnf.number(w.value())).orElse(OptionalLong.empty());
    if (waitSeconds.isPresent()
        && waitSeconds.getAsLong() > 0
        && (idle.isEmpty() || waitSeconds.getAsLong() < idle.getAsInt())) {
      idle = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, waitSeconds.getAsLong()));
      positions.put("connectionIdleLimitSeconds", wait.get().position());
    }
    return new DatabaseConfig(
        db.name(),
        max,
        db.config(),
        db.reservedConnections(),
        idle,
        db.position(),
        positions,
        db.engine(),
        db.size(),
        source);
  }

  /** The server as a database of poolguard.yaml would declare it, its positions in its files. */
  static DatabaseConfig config(DatabaseServer server) {
    Map<String, SourcePosition> positions = new HashMap<>();
    Optional<DatabaseServer.Setting> max = server.setting("max_connections");
    OptionalInt maxConnections = max.map(s -> number(s.value())).orElse(OptionalInt.empty());
    String source = server.source();
    if (maxConnections.isPresent()) {
      positions.put("maxConnections", max.get().position());
      source = server.source() + ", " + max.get().from();
    } else if (server.postgresqlConf().isEmpty()) {
      // Nothing sets it: the server's own default (PostgreSQL 100, MySQL 151).
      maxConnections = OptionalInt.of(server.engine().defaultMaxConnections());
      positions.put("maxConnections", server.position());
      source = server.source() + ", " + server.engine().label() + "'s default: nothing sets it";
    }
    server.postgresqlConfAt().ifPresent(p -> positions.put("config", p));
    Optional<DatabaseServer.Setting> wait = server.setting("wait_timeout");
    OptionalInt idle = OptionalInt.empty();
    if (wait.isPresent()) {
      OptionalLong seconds = MyCnf.number(wait.get().value());
      if (seconds.isPresent()
          && seconds.getAsLong() > 0
          && seconds.getAsLong() <= Integer.MAX_VALUE) {
        idle = OptionalInt.of((int) seconds.getAsLong());
        positions.put("connectionIdleLimitSeconds", wait.get().position());
      }
    }
    return new DatabaseConfig(
        server.name(),
        maxConnections,
        server.postgresqlConf(),
        0,
        idle,
        server.position(),
        positions,
        Optional.of(server.engine() == DatabaseServer.Engine.MYSQL ? "mysql" : "postgres"),
        Optional.empty(),
        Optional.of(source));
  }

  private static OptionalInt number(String value) {
    OptionalInt pg = PostgresConf.parseInt(value);
    if (pg.isPresent()) {
      return pg;
    }
    OptionalLong my = MyCnf.number(value);
    return my.isPresent() && my.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) my.getAsLong())
        : OptionalInt.empty();
  }
}
