package dev.poolguard.core.model.pooler;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A {@link Pooler} from a {@code pgbouncer.ini}, PgBouncer's defaults for what it leaves out. */
public final class IniPoolers {

  /**
   * PgBouncer's defaults of the settings the budget uses (doc/config.md): pool_mode session,
   * max_client_conn 100, default_pool_size 20, the rest 0 (disabled or unlimited).
   */
  static final Map<String, String> DEFAULTS = defaults();

  /** The whole-number settings; the rest is text. */
  private static final List<String> NUMBERS =
      List.of(
          "max_client_conn",
          "default_pool_size",
          "min_pool_size",
          "reserve_pool_size",
          "max_db_connections",
          "max_user_connections",
          "max_prepared_statements");

  private IniPoolers() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("pool_mode", "session");
    d.put("max_client_conn", "100");
    d.put("default_pool_size", "20");
    d.put("min_pool_size", "0");
    d.put("reserve_pool_size", "0");
    d.put("max_db_connections", "0");
    d.put("max_user_connections", "0");
    return d;
  }

  /** The pooler a {@code pgbouncer.ini} (already loaded, includes followed) describes. */
  public static Pooler of(PgBouncerIni ini, String displayPath) {
    SourcePosition start = SourcePosition.startOf(displayPath);
    List<PostgresConf.Problem> problems = new ArrayList<>(ini.problems());
    Map<String, Pooler.Setting> settings = new LinkedHashMap<>();
    settings.put(
        Pooler.INSTANCES,
        new Pooler.Setting(
            Pooler.INSTANCES,
            "1",
            start,
            Optional.of(
                "one PgBouncer process, as pooler.instances in poolguard.yaml does not say")));
    for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
      settings.put(
          d.getKey(),
          new Pooler.Setting(
              d.getKey(),
              d.getValue(),
              start,
              Optional.of("PgBouncer's default (" + displayPath + " does not set it)")));
    }
    for (String key : List.of(DEFAULTS.keySet().toArray(new String[0]))) {
      ini.setting(key).ifPresent(e -> put(settings, problems, e));
    }
    ini.setting("max_prepared_statements").ifPresent(e -> put(settings, problems, e));
    List<Pooler.Database> databases = new ArrayList<>();
    for (PgBouncerIni.Entry e : ini.databases()) {
      databases.add(database(e.key(), e.value(), e.position()));
    }
    return new Pooler(Pooler.Kind.PGBOUNCER_INI, displayPath, start, settings, databases, problems);
  }

  private static void put(
      Map<String, Pooler.Setting> settings,
      List<PostgresConf.Problem> problems,
      PgBouncerIni.Entry e) {
    if (NUMBERS.contains(e.key()) && PgBouncerNumbers.strtol(e.value()).isEmpty()) {
      problems.add(
          new PostgresConf.Problem(
              "invalid value \""
                  + e.value()
                  + "\" for parameter "
                  + e.key()
                  + " in configuration ("
                  + e.position().path()
                  + ":"
                  + e.position().line()
                  + ")",
              e.position()));
      return;
    }
    if (e.key().equals("pool_mode")
        && !List.of("session", "transaction", "statement")
            .contains(e.value().toLowerCase(java.util.Locale.ROOT))) {
      problems.add(
          new PostgresConf.Problem(
              "invalid value \"" + e.value() + "\" for parameter pool_mode", e.position()));
      return;
    }
    String value =
        e.key().equals("pool_mode") ? e.value().toLowerCase(java.util.Locale.ROOT) : e.value();
    settings.put(e.key(), new Pooler.Setting(e.key(), value, e.position(), Optional.empty()));
  }

  /**
   * A {@code [databases]} entry: {@code key=value} pairs separated by blanks, a value in single
   * quotes with {@code ''} for a quote; integers read as PgBouncer's {@code atoi} does.
   */
  static Pooler.Database database(String name, String connString, SourcePosition at) {
    Map<String, String> pairs = pairs(connString);
    return new Pooler.Database(
        name,
        integer(pairs.get("pool_size")),
        integer(
            pairs.containsKey("reserve_pool_size")
                ? pairs.get("reserve_pool_size")
                : pairs.get("reserve_pool")),
        integer(pairs.get("max_db_connections")),
        Optional.ofNullable(pairs.get("pool_mode")).map(s -> s.toLowerCase(java.util.Locale.ROOT)),
        Optional.ofNullable(pairs.get("user")),
        at);
  }

  private static OptionalInt integer(String value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(PgBouncerNumbers.atoi(value));
  }

  /** The {@code key=value} pairs of a {@code [databases]} connection string. */
  public static Map<String, String> pairs(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int eq = s.indexOf('=', i);
      if (i >= s.length() || eq < 0) {
        break;
      }
      String key = s.substring(i, eq).strip();
      i = eq + 1;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '\'') {
        i++;
        while (i < s.length()) {
          char c = s.charAt(i);
          if (c == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              value.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(c);
          i++;
        }
      } else {
        while (i < s.length() && s.charAt(i) != ' ') {
          value.append(s.charAt(i));
          i++;
        }
      }
      out.put(key, value.toString());
    }
    return out;
  }
}
