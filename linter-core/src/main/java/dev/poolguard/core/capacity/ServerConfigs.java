package dev.poolguard.core.capacity;

import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code postgresql.conf} of every database in poolguard.yaml that names one ({@code config:}),
 * each read and parsed once per run, before anything judges capacity.
 */
public final class ServerConfigs {

  /**
   * A database's files as read: their settings and what keeps PostgreSQL from starting with them
   * ({@link PostgresConf#problems()}, which include a file that could not be read).
   */
  public record Loaded(String displayPath, PostgresConf conf) {}

  private final Map<String, Loaded> byDatabase;

  private ServerConfigs(Map<String, Loaded> byDatabase) {
    this.byDatabase = byDatabase;
  }

  /**
   * Reads the files poolguard.yaml names and those they include, each through {@code boundary} (why
   * a path must not be read), which the engine gives.
   */
  public static ServerConfigs load(
      PoolguardConfig project, Function<Path, Optional<String>> boundary) {
    return load(project, boundary, p -> DatabaseBudget.display(project, p));
  }

  /**
   * Like {@link #load(PoolguardConfig, Function)}; the files of a database poolguard found itself
   * (a compose service's mounted postgresql.conf) are named by {@code runDisplay}, as the run names
   * every file.
   */
  public static ServerConfigs load(
      PoolguardConfig project,
      Function<Path, Optional<String>> boundary,
      Function<Path, String> runDisplay) {
    Map<String, Loaded> out = new TreeMap<>();
    for (DatabaseConfig db : project.databases().values()) {
      // A MySQL server's config is a my.cnf, read where the database is found.
      if (db.config().isEmpty() || FoundDatabases.isMysql(db)) {
        continue;
      }
      Path file = db.config().get();
      Function<Path, String> shown =
          db.source().isPresent() ? runDisplay : p -> DatabaseBudget.display(project, p);
      String display = shown.apply(file);
      PostgresConf.Files files = PostgresConf.Files.of(boundary, shown);
      Loaded loaded =
          new Loaded(display, PostgresConf.load(file, files, Optional.of(db.positionOf("config"))));
      out.put(db.name(), loaded);
    }
    return new ServerConfigs(out);
  }

  /** The files of {@code database}, when poolguard.yaml names one. */
  public Optional<Loaded> of(String database) {
    return Optional.ofNullable(byDatabase.get(database));
  }
}
