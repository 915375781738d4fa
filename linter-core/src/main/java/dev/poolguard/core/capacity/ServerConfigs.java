package dev.poolguard.core.capacity;

import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code postgresql.conf} of every database in poolguard.yaml that names one ({@code config:}),
 * each read and parsed once per run, before anything judges capacity.
 */
public final class ServerConfigs {

  /** A database's file as read: its settings, or why it could not be read. */
  public record Loaded(String displayPath, Optional<PostgresConf> conf, Optional<String> problem) {}

  private final Map<String, Loaded> byDatabase;

  private ServerConfigs(Map<String, Loaded> byDatabase) {
    this.byDatabase = byDatabase;
  }

  /** Reads the files poolguard.yaml names. */
  public static ServerConfigs load(PoolguardConfig project) {
    Map<String, Loaded> out = new TreeMap<>();
    for (DatabaseConfig db : project.databases().values()) {
      if (db.config().isEmpty()) {
        continue;
      }
      Path file = db.config().get();
      String display = DatabaseBudget.display(project, file);
      Loaded loaded;
      try {
        loaded =
            new Loaded(
                display,
                Optional.of(
                    PostgresConf.readWithIncludes(
                        file, project.baseDir(), f -> DatabaseBudget.display(project, f))),
                Optional.empty());
      } catch (IOException | IllegalArgumentException e) {
        loaded = new Loaded(display, Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
      }
      out.put(db.name(), loaded);
    }
    return new ServerConfigs(out);
  }

  /** The file of {@code database}, when poolguard.yaml names one. */
  public Optional<Loaded> of(String database) {
    return Optional.ofNullable(byDatabase.get(database));
  }
}
