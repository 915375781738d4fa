package dev.poolguard.core.model.pooler;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PgBouncer between services and a database, as its configuration gives it: from a {@code
 * pgbouncer.ini}, a CloudNativePG {@code Pooler} or the Zalando operator's {@code
 * connectionPooler}. Every setting the budget uses carries where it comes from, a PgBouncer or
 * operator default included.
 *
 * @param kind where the configuration comes from
 * @param name the file's display path, or the manifest object's name
 * @param position the file's start, or the manifest object
 * @param settings the {@code [pgbouncer]} settings the budget uses, and the instance count, by name
 * @param databases the {@code [databases]} entries, in file order
 * @param problems what keeps PgBouncer from loading the configuration (then no budget is made)
 */
public record Pooler(
    Kind kind,
    String name,
    SourcePosition position,
    Map<String, Setting> settings,
    List<Database> databases,
    List<PostgresConf.Problem> problems) {

  /** The instance count: PgBouncer processes or pods that each hold these pools. */
  public static final String INSTANCES = "instances";

  /** The PgBouncer version, when something says. */
  public static final String VERSION = "version";

  /** Where a pooler's configuration comes from. */
  public enum Kind {
    PGBOUNCER_INI("PgBouncer"),
    CLOUDNATIVEPG("CloudNativePG Pooler"),
    ZALANDO("Zalando connectionPooler"),
    COMPOSE("PgBouncer compose service");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One setting: its value as PgBouncer reads it, where it is written (or the line that implies it)
   * and, when not written, whose default it is.
   */
  public record Setting(String name, String value, SourcePosition position, Optional<String> by) {

    public Setting {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(by, "by");
    }

    /** The value as a whole number; settings the budget uses are checked when read. */
    public int number() {
      return PgBouncerNumbers.strtol(value).orElse(0);
    }

    /** "3 at pgbouncer.ini:3", "20: PgBouncer's default (pgbouncer.ini does not set it)". */
    public String describe() {
      return by.map(b -> value + ": " + b).orElse(value + " at " + position);
    }
  }

  /**
   * A {@code [databases]} entry and the pool settings it overrides.
   *
   * @param name the entry's name ({@code *} is the fallback for every other name)
   * @param poolSize {@code pool_size}
   * @param reservePool {@code reserve_pool} / {@code reserve_pool_size}
   * @param maxDbConnections {@code max_db_connections}
   * @param poolMode {@code pool_mode}
   * @param user {@code user=} (a forced user: one pool for every client)
   * @param position the entry's line
   */
  public record Database(
      String name,
      OptionalInt poolSize,
      OptionalInt reservePool,
      OptionalInt maxDbConnections,
      Optional<String> poolMode,
      Optional<String> user,
      SourcePosition position) {}

  public Pooler {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    databases = List.copyOf(databases);
    problems = List.copyOf(problems);
  }

  /** A setting the budget uses; every one but {@link #VERSION} is always present. */
  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** The whole-number value of a setting that is always present. */
  public int number(String name) {
    return setting(name).map(Setting::number).orElse(0);
  }

  /** The same pooler with an instance count or version from poolguard.yaml. */
  public Pooler with(Setting setting) {
    Map<String, Setting> copy = new LinkedHashMap<>(settings);
    copy.put(setting.name(), setting);
    return new Pooler(kind, name, position, copy, databases, problems);
  }

  /** The same pooler with a problem found while tying it to poolguard.yaml. */
  public Pooler withProblem(PostgresConf.Problem problem) {
    List<PostgresConf.Problem> more = new ArrayList<>(problems);
    more.add(problem);
    return new Pooler(kind, name, position, settings, databases, more);
  }

  /** The pool mode of an entry: its own, else the pooler's. */
  public String poolMode(Database db) {
    return db.poolMode().orElse(setting("pool_mode").map(Setting::value).orElse("session"));
  }

  /**
   * Server connections one instance can open for one {@code [databases]} entry: pool size plus
   * reserve for its one pool (a forced user, or the services' user), capped by its {@code
   * max_db_connections}.
   */
  public int serverConnections(Database db) {
    int pool = db.poolSize().orElse(number("default_pool_size"));
    int reserve = db.reservePool().orElse(number("reserve_pool_size"));
    int cap = db.maxDbConnections().orElse(number("max_db_connections"));
    long total = (long) Math.max(0, pool) + Math.max(0, reserve);
    return (int) (cap > 0 ? Math.min(total, cap) : Math.min(total, Integer.MAX_VALUE));
  }

  /**
   * Server connections one instance can open in all: every entry's, each user's total capped by
   * {@code max_user_connections} (entries without a forced user count as the services' one user).
   */
  public long serverConnectionsPerInstance() {
    Map<String, Long> byUser = new LinkedHashMap<>();
    for (Database db : databases) {
      byUser.merge(db.user().orElse(""), (long) serverConnections(db), Long::sum);
    }
    int userCap = number("max_user_connections");
    return byUser.values().stream().mapToLong(v -> userCap > 0 ? Math.min(v, userCap) : v).sum();
  }
}
