package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.mysql.MyCnf;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The database servers of a compose project: services whose image (or {@code POSTGRES_*}, {@code
 * MYSQL_*}, {@code MARIADB_*} environment) is PostgreSQL or MySQL/MariaDB, with the connection
 * settings of their command line ({@code postgres -c max_connections=200}, {@code mysqld
 * --max-connections=300}) and of the configuration files mounted into them.
 */
public final class ComposeDatabases {

  /** The connection settings poolguard reads from a server's command line. */
  private static final Set<String> READ =
      Set.of(
          "max_connections",
          "superuser_reserved_connections",
          "reserved_connections",
          "config_file",
          "wait_timeout");

  private static final String PGDATA_CONF = "/var/lib/postgresql/data/postgresql.conf";

  private ComposeDatabases() {}

  /** Every database server of {@code project}, in service order, without clients yet. */
  public static List<DatabaseServer> of(
      ComposeProject project, ComposeProject.Inputs inputs, List<String> notes) {
    List<DatabaseServer> out = new ArrayList<>();
    for (ComposeProject.Service s : project.services()) {
      engine(s).ifPresent(engine -> out.add(server(s, engine, inputs, notes)));
    }
    return out;
  }

  static Optional<DatabaseServer.Engine> engine(ComposeProject.Service s) {
    String image = s.image().orElse("").toLowerCase(Locale.ROOT);
    int colon = image.lastIndexOf(':');
    if (colon > image.lastIndexOf('/')) {
      image = image.substring(0, colon);
    }
    String repo = image.substring(image.lastIndexOf('/') + 1);
    if (repo.startsWith("postgres")
        || repo.startsWith("postgis")
        || repo.startsWith("pgvector")
        || repo.equals("timescaledb")
        || repo.startsWith("timescaledb-")) {
      return Optional.of(DatabaseServer.Engine.POSTGRESQL);
    }
    if (repo.startsWith("mysql") || repo.startsWith("mariadb") || repo.startsWith("percona")) {
      return Optional.of(DatabaseServer.Engine.MYSQL);
    }
    if (s.image().isPresent()) {
      // Another image given POSTGRES_* or MYSQL_* variables is a client of the database (a
      // migration job, an admin UI), not the server.
      return Optional.empty();
    }
    for (EnvVar e : s.environment()) {
      String n = e.name().toUpperCase(Locale.ROOT);
      if (n.startsWith("POSTGRES_")) {
        return Optional.of(DatabaseServer.Engine.POSTGRESQL);
      }
      if (n.startsWith("MYSQL_") || n.startsWith("MARIADB_")) {
        return Optional.of(DatabaseServer.Engine.MYSQL);
      }
    }
    return Optional.empty();
  }

  private static DatabaseServer server(
      ComposeProject.Service s,
      DatabaseServer.Engine engine,
      ComposeProject.Inputs inputs,
      List<String> notes) {
    List<Arg> args = new ArrayList<>(s.entrypoint());
    args.addAll(s.command());
    Map<String, DatabaseServer.Setting> fromArgs =
        engine == DatabaseServer.Engine.POSTGRESQL ? postgresArgs(args) : mysqlArgs(args);
    Map<String, Path> mounts = new LinkedHashMap<>();
    Map<String, SourcePosition> mountedAt = new LinkedHashMap<>();
    for (ComposeProject.Mount m : s.mounts()) {
      mounts.put(m.target(), m.source());
      mountedAt.put(m.target(), m.position());
    }
    Map<String, DatabaseServer.Setting> settings = new TreeMap<>();
    Optional<Path> conf = Optional.empty();
    Optional<SourcePosition> confAt = Optional.empty();
    if (engine == DatabaseServer.Engine.POSTGRESQL) {
      String confPath =
          Optional.ofNullable(fromArgs.get("config_file"))
              .map(DatabaseServer.Setting::value)
              .orElse(pgdata(s) + "/postgresql.conf");
      // Without config_file only a file mounted exactly there counts: a mounted data folder's
      // postgresql.conf is written by initdb, not by the tree.
      conf =
          fromArgs.containsKey("config_file") || mounts.containsKey(confPath)
              ? MyCnf.throughMounts(confPath, mounts)
              : Optional.empty();
      confAt = conf.map(c -> mountedAt.getOrDefault(mountTarget(confPath, mounts), s.position()));
      if (fromArgs.containsKey("config_file") && conf.isEmpty()) {
        notes.add(
            fromArgs.get("config_file").position()
                + ": compose service "
                + s.name()
                + ": config_file "
                + confPath
                + " is not mounted from the tree: its settings are not known");
      }
    } else {
      List<Path> files = mysqlOptionFiles(mounts, fromArgs, inputs);
      MyCnf cnf =
          MyCnf.load(
              files,
              new MyCnf.Files() {
                @Override
                public Optional<String> text(Path file) {
                  return inputs.text(file);
                }

                @Override
                public List<Path> list(Path folder) {
                  return inputs.list(folder);
                }

                @Override
                public String display(Path file) {
                  return inputs.display(file);
                }

                @Override
                public Optional<Path> resolve(String written, Path includingFile) {
                  return MyCnf.throughMounts(written, mounts);
                }
              });
      cnf.notes().forEach(n -> notes.add("compose service " + s.name() + ": " + n));
      for (String name : List.of("max_connections", "wait_timeout")) {
        cnf.setting(name)
            .ifPresent(
                set ->
                    settings.put(
                        name,
                        new DatabaseServer.Setting(
                            name, set.value(), set.position(), "option file [mysqld]")));
      }
    }
    fromArgs.forEach(settings::put);
    settings.remove("config_file");
    return new DatabaseServer(
        s.name(),
        engine,
        "compose service " + s.name(),
        s.position(),
        settings,
        conf,
        confAt,
        List.of());
  }

  private static String pgdata(ComposeProject.Service s) {
    for (EnvVar e : s.environment()) {
      if (e.name().equals("PGDATA") && e.source() instanceof EnvSource.Literal l) {
        return l.value().endsWith("/") ? l.value().substring(0, l.value().length() - 1) : l.value();
      }
    }
    return PGDATA_CONF.substring(0, PGDATA_CONF.lastIndexOf('/'));
  }

  private static String mountTarget(String path, Map<String, Path> mounts) {
    String best = path;
    int bestLength = -1;
    for (String t : mounts.keySet()) {
      if ((path.equals(t) || path.startsWith(t.endsWith("/") ? t : t + "/"))
          && t.length() > bestLength) {
        best = t;
        bestLength = t.length();
      }
    }
    return best;
  }

  /**
   * {@code postgres} options: {@code -c name=value}, {@code -cname=value}, {@code --name=value}
   * (dashes read as underscores, as PostgreSQL does) and {@code -N count} for max_connections.
   */
  static Map<String, DatabaseServer.Setting> postgresArgs(List<Arg> args) {
    Map<String, DatabaseServer.Setting> out = new TreeMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).text();
      SourcePosition at = args.get(i).position();
      String assignment = null;
      if (a.equals("-c") && i + 1 < args.size()) {
        assignment = args.get(++i).text();
        at = args.get(i).position();
      } else if (a.startsWith("-c") && a.length() > 2) {
        assignment = a.substring(2);
      } else if (a.startsWith("--") && a.contains("=")) {
        assignment = a.substring(2);
      } else if (a.equals("-N") && i + 1 < args.size()) {
        assignment = "max_connections=" + args.get(++i).text();
        at = args.get(i).position();
      } else if (a.startsWith("-N") && a.length() > 2) {
        assignment = "max_connections=" + a.substring(2);
      }
      put(out, assignment, at, "-c in command");
    }
    return out;
  }

  /**
   * {@code mysqld} options: {@code --name=value} or {@code --name value}, dashes as underscores.
   */
  static Map<String, DatabaseServer.Setting> mysqlArgs(List<Arg> args) {
    Map<String, DatabaseServer.Setting> out = new TreeMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).text();
      if (!a.startsWith("--")) {
        continue;
      }
      String body = a.substring(2);
      if (body.startsWith("loose-") || body.startsWith("loose_")) {
        body = body.substring(6);
      }
      String name = (body.contains("=") ? body.substring(0, body.indexOf('=')) : body);
      String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
      if (body.contains("=")) {
        put(out, key + body.substring(body.indexOf('=')), args.get(i).position(), "command line");
      } else if ((READ.contains(key) || key.startsWith("defaults"))
          && i + 1 < args.size()
          && !args.get(i + 1).text().startsWith("-")) {
        put(out, key + "=" + args.get(i + 1).text(), args.get(i + 1).position(), "command line");
        i++;
      }
    }
    return out;
  }

  private static void put(
      Map<String, DatabaseServer.Setting> out, String assignment, SourcePosition at, String from) {
    if (assignment == null || !assignment.contains("=")) {
      return;
    }
    int eq = assignment.indexOf('=');
    String name = assignment.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (READ.contains(name) || name.equals("defaults_file") || name.equals("defaults_extra_file")) {
      out.put(
          name, new DatabaseServer.Setting(name, assignment.substring(eq + 1).strip(), at, from));
    }
  }

  /**
   * Option files the official images read that are mounted from the tree: {@code /etc/my.cnf},
   * {@code /etc/mysql/my.cnf}, {@code .cnf} files in {@code /etc/mysql/conf.d} (or MySQL's and
   * MariaDB's other include folders), a folder mounted there, and {@code --defaults-file}.
   */
  private static List<Path> mysqlOptionFiles(
      Map<String, Path> mounts,
      Map<String, DatabaseServer.Setting> args,
      ComposeProject.Inputs inputs) {
    List<Path> files = new ArrayList<>();
    Optional<String> defaults =
        Optional.ofNullable(args.get("defaults_file")).map(DatabaseServer.Setting::value);
    if (defaults.isPresent()) {
      MyCnf.throughMounts(defaults.get(), mounts).ifPresent(files::add);
      return files;
    }
    List<String> folders =
        List.of(
            "/etc/mysql/conf.d",
            "/etc/mysql/mysql.conf.d",
            "/etc/mysql/mariadb.conf.d",
            "/etc/my.cnf.d");
    for (Map.Entry<String, Path> m : mounts.entrySet()) {
      String target =
          m.getKey().endsWith("/") ? m.getKey().substring(0, m.getKey().length() - 1) : m.getKey();
      if (target.equals("/etc/my.cnf") || target.equals("/etc/mysql/my.cnf")) {
        files.add(0, m.getValue());
      } else if (folders.contains(target)) {
        inputs.list(m.getValue()).stream()
            .filter(p -> p.getFileName().toString().endsWith(".cnf"))
            .sorted()
            .forEach(files::add);
      } else if (target.endsWith(".cnf")
          && folders.stream().anyMatch(f -> target.startsWith(f + "/"))) {
        files.add(m.getValue());
      }
    }
    Optional.ofNullable(args.get("defaults_extra_file"))
        .flatMap(d -> MyCnf.throughMounts(d.value(), mounts))
        .ifPresent(files::add);
    return files;
  }
}
