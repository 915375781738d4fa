package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.pooler.IniPoolers;
import dev.poolguard.core.model.pooler.PgBouncerIni;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pgbouncer.ini a PgBouncer image's entrypoint writes from its environment when none is
 * mounted, read from the images' own scripts: edoburu/docker-pgbouncer {@code entrypoint.sh} and
 * bitnami/containers {@code bitnami/pgbouncer/1/debian-12/rootfs/opt/bitnami/scripts} ({@code
 * libpgbouncer.sh} {@code pgbouncer_initialize}, defaults in {@code pgbouncer-env.sh}). Each value
 * is positioned at the variable that gives it.
 */
final class ImageEnvironments {

  /** What an image's environment gives: the file, the hosts, and which variable sets which key. */
  record Written(
      PgBouncerIni ini, List<ComposePgBouncer.Backend> backends, Map<String, String> variables) {}

  /** edoburu/pgbouncer: {@code ${POOL_MODE:+pool_mode = ${POOL_MODE}\n}} and so on. */
  private static final Map<String, String> EDOBURU = variables("");

  /** bitnami/pgbouncer: {@code "pool_mode:${PGBOUNCER_POOL_MODE}"} and so on, written when set. */
  private static final Map<String, String> BITNAMI = variables("PGBOUNCER_");

  private ImageEnvironments() {}

  private static Map<String, String> variables(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key :
        List.of(
            "pool_mode",
            "max_client_conn",
            "default_pool_size",
            "min_pool_size",
            "reserve_pool_size",
            "max_db_connections",
            "max_user_connections",
            "max_prepared_statements")) {
      if (!(prefix.equals("PGBOUNCER_") && key.equals("max_user_connections"))) {
        out.put(key, prefix + key.toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** The literal variables of a service, by name (a later one replaces an earlier one). */
  private static Map<String, EnvVar> literals(List<EnvVar> env) {
    Map<String, EnvVar> out = new LinkedHashMap<>();
    for (EnvVar e : env) {
      if (e.source() instanceof EnvSource.Literal) {
        out.put(e.name(), e);
      } else {
        out.remove(e.name());
      }
    }
    return out;
  }

  private static Optional<String> value(Map<String, EnvVar> env, String name) {
    return Optional.ofNullable(env.get(name))
        .map(e -> ((EnvSource.Literal) e.source()).value())
        .filter(v -> !v.isEmpty());
  }

  private static SourcePosition at(Map<String, EnvVar> env, String name, SourcePosition fallback) {
    return Optional.ofNullable(env.get(name)).map(EnvVar::position).orElse(fallback);
  }

  /** edoburu/pgbouncer {@code entrypoint.sh}: {@code DATABASE_URL(S)} or {@code DB_*}. */
  static Written edoburu(List<EnvVar> environment, SourcePosition service) {
    Map<String, EnvVar> env = literals(environment);
    Map<String, PgBouncerIni.Entry> settings = settings(env, EDOBURU, s -> s);
    Map<String, PgBouncerIni.Entry> databases = new LinkedHashMap<>();
    List<ComposePgBouncer.Backend> backends = new ArrayList<>();
    List<PostgresConf.Problem> problems = new ArrayList<>();
    if (value(env, "POOL_SIZE").isPresent()) {
      // ${POOL_SIZE:+pool_size = ${POOL_SIZE}\n} lands in [pgbouncer], which has no such key.
      problems.add(
          new PostgresConf.Problem(
              "the edoburu/pgbouncer entrypoint writes POOL_SIZE as pool_size into [pgbouncer],"
                  + " where PgBouncer refuses it (\"unknown parameter: pgbouncer/pool_size\"):"
                  + " use DEFAULT_POOL_SIZE",
              env.get("POOL_SIZE").position()));
    }
    List<String> urls = new ArrayList<>();
    String urlVariable;
    if (value(env, "DATABASE_URLS").isPresent()) {
      urlVariable = "DATABASE_URLS";
      urls.addAll(List.of(value(env, "DATABASE_URLS").get().split(",")));
    } else {
      urlVariable = "DATABASE_URL";
      urls.add(value(env, "DATABASE_URL").orElse(""));
    }
    for (String url : urls) {
      // parse_url overwrites DB_HOST, DB_NAME and DB_USER; DB_PORT only when the URL has a port.
      Map<String, String> db = new LinkedHashMap<>();
      for (String n : List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER")) {
        value(env, n).ifPresent(v -> db.put(n, v));
      }
      SourcePosition where = at(env, "DB_HOST", service);
      String how = "DB_HOST";
      if (!url.isEmpty()) {
        parseUrl(url, db);
        where = at(env, urlVariable, service);
        how = urlVariable;
      }
      String host = db.getOrDefault("DB_HOST", "");
      if (host.isEmpty()) {
        problems.add(
            new PostgresConf.Problem(
                "the edoburu/pgbouncer entrypoint stops (\"You must set DB_HOST env\"): neither"
                    + " DATABASE_URL nor DB_HOST gives the database host",
                where));
        continue;
      }
      String name = db.getOrDefault("DB_NAME", "").isEmpty() ? "*" : db.get("DB_NAME");
      String connString =
          "host="
              + host
              + " port="
              + db.getOrDefault("DB_PORT", "5432")
              + " auth_user="
              + db.getOrDefault("DB_USER", "postgres");
      databases.put(name, new PgBouncerIni.Entry(name, connString, where));
      backends.add(new ComposePgBouncer.Backend(host, where, how));
    }
    return new Written(PgBouncerIni.written(settings, databases, problems), backends, EDOBURU);
  }

  /** The shell {@code parse_url} of edoburu's entrypoint, its sed and cut steps in Java. */
  static void parseUrl(String url, Map<String, String> db) {
    int proto = url.lastIndexOf("://");
    String rest = proto < 0 ? url : url.substring(proto + 3);
    int at = rest.lastIndexOf('@');
    String userpass = at < 0 ? "" : rest.substring(0, at);
    int colon = userpass.indexOf(':');
    db.put("DB_USER", colon < 0 ? userpass : userpass.substring(0, colon));
    String hostport = (at < 0 ? rest : rest.substring(at + 1)).split("/", -1)[0];
    int portAt = hostport.indexOf(':');
    if (portAt >= 0 && !hostport.substring(portAt + 1).split(":", -1)[0].isEmpty()) {
      db.put("DB_HOST", hostport.substring(0, portAt));
      db.put("DB_PORT", hostport.substring(portAt + 1).split(":", -1)[0]);
    } else {
      db.put("DB_HOST", hostport);
    }
    int slash = rest.indexOf('/');
    db.put("DB_NAME", slash < 0 ? "" : rest.substring(slash + 1));
  }

  /** bitnami/pgbouncer {@code pgbouncer_initialize}: {@code POSTGRESQL_*}, {@code PGBOUNCER_*}. */
  static Written bitnami(List<EnvVar> environment, SourcePosition service) {
    Map<String, EnvVar> env = literals(environment);
    // key_value_pairs are split with awk -F: '{print $2}': a value stops at its first colon.
    Map<String, PgBouncerIni.Entry> settings =
        settings(env, BITNAMI, v -> v.contains(":") ? v.substring(0, v.indexOf(':')) : v);
    List<PostgresConf.Problem> problems = new ArrayList<>();
    Optional<String> mode = value(env, "PGBOUNCER_POOL_MODE");
    if (mode.isPresent() && !List.of("session", "statement", "transaction").contains(mode.get())) {
      problems.add(
          new PostgresConf.Problem(
              "the bitnami/pgbouncer entrypoint stops: the allowed values for PGBOUNCER_POOL_MODE"
                  + " are: session statement transaction",
              at(env, "PGBOUNCER_POOL_MODE", service)));
      settings.remove("pool_mode");
    }
    String database = value(env, "PGBOUNCER_DATABASE").orElse("postgres");
    String host = value(env, "POSTGRESQL_HOST").orElse("postgresql");
    String connString = "host=" + host + " port=" + value(env, "POSTGRESQL_PORT").orElse("5432");
    if (yes(value(env, "PGBOUNCER_SET_DATABASE_USER").orElse("no"))) {
      connString += " user=" + value(env, "POSTGRESQL_USERNAME").orElse("postgres");
    }
    SourcePosition where = at(env, "POSTGRESQL_HOST", at(env, "PGBOUNCER_DATABASE", service));
    Map<String, PgBouncerIni.Entry> databases = new LinkedHashMap<>();
    databases.put(database, new PgBouncerIni.Entry(database, connString, where));
    List<ComposePgBouncer.Backend> backends = new ArrayList<>();
    backends.add(
        new ComposePgBouncer.Backend(
            host,
            where,
            env.containsKey("POSTGRESQL_HOST")
                ? "POSTGRESQL_HOST"
                : "the image's default POSTGRESQL_HOST"));
    for (int i = 0; value(env, "PGBOUNCER_DSN_" + i).isPresent(); i++) {
      String dsn = value(env, "PGBOUNCER_DSN_" + i).get();
      int eq = dsn.indexOf('=');
      String name = eq < 0 ? dsn : dsn.substring(0, eq);
      String conn = eq < 0 ? dsn : dsn.substring(eq + 1);
      SourcePosition p = at(env, "PGBOUNCER_DSN_" + i, service);
      databases.put(name, new PgBouncerIni.Entry(name, conn, p));
      Optional.ofNullable(IniPoolers.pairs(conn).get("host"))
          .ifPresent(h -> backends.add(new ComposePgBouncer.Backend(h, p, "PGBOUNCER_DSN")));
    }
    return new Written(PgBouncerIni.written(settings, databases, problems), backends, BITNAMI);
  }

  /** libvalidations.sh {@code is_boolean_yes}: 1, yes or true, in any case. */
  private static boolean yes(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    return l.equals("1") || l.equals("yes") || l.equals("true");
  }

  private static Map<String, PgBouncerIni.Entry> settings(
      Map<String, EnvVar> env,
      Map<String, String> variables,
      java.util.function.UnaryOperator<String> written) {
    Map<String, PgBouncerIni.Entry> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : variables.entrySet()) {
      value(env, v.getValue())
          .map(written)
          .filter(s -> !s.isEmpty())
          .ifPresent(
              s ->
                  out.put(
                      v.getKey(),
                      new PgBouncerIni.Entry(v.getKey(), s, env.get(v.getValue()).position())));
    }
    return out;
  }
}
