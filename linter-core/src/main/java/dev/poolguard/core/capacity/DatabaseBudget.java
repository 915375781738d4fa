package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.project.ConcurrentRollouts;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A database's connection budget against every pod of every service that uses it: steady, at full
 * scale (HPA maximum) and during a rollout (the surge pods). The capacity rules judge it and the
 * reports chart it, from this one computation.
 *
 * @param database the database name in poolguard.yaml
 * @param limit its connection limit
 * @param limitText how the limit was worked out ("maxConnections 400 − 20 reserved")
 * @param limitPosition where the limit is declared
 * @param result the fleet's terms and totals
 * @param members the services using it, sorted by service and datasource
 */
public record DatabaseBudget(
    String database,
    ConnectionLimit limit,
    String limitText,
    SourcePosition limitPosition,
    FleetBudget.Result result,
    List<Member> members) {

  /** PostgreSQL's {@code max_connections} when no file sets it. */
  static final int DEFAULT_MAX_CONNECTIONS = 100;

  public DatabaseBudget {
    members = List.copyOf(members);
  }

  /** One service's pool on this database, with the positions of its inputs. */
  public record Member(
      Service service,
      DataSource dataSource,
      PoolSetting poolMax,
      int pool,
      int replicas,
      int maxReplicas,
      int surge,
      List<Input> inputs) {

    public Member {
      inputs = List.copyOf(inputs);
    }
  }

  /** Budgets of every database in poolguard.yaml that has a limit and at least one member. */
  static List<DatabaseBudget> all(
      DeploymentModel model,
      PoolguardConfig project,
      ServerConfigs servers,
      double nearLimit,
      Optional<DeploymentModel> baseline) {
    List<DatabaseBudget> out = new ArrayList<>();
    for (DatabaseConfig db : project.databases().values()) {
      Optional<Limit> limit = limit(servers, db);
      List<Member> members = members(model, project, db.name(), false);
      if (limit.isEmpty() || members.isEmpty() || limit.get().refusal().isPresent()) {
        continue;
      }
      List<FleetBudget.Member> terms = BaselinePools.terms(members, baseline);
      FleetBudget.ConcurrentRollouts rollouts =
          project.concurrentRollouts() == ConcurrentRollouts.ALL
              ? FleetBudget.ConcurrentRollouts.ALL
              : FleetBudget.ConcurrentRollouts.ONE;
      FleetBudget.Result result =
          FleetBudget.evaluate(db.name(), limit.get().limit(), terms, rollouts, nearLimit);
      out.add(
          new DatabaseBudget(
              db.name(),
              limit.get().limit(),
              limit.get().text(),
              limit.get().position(),
              result,
              members));
    }
    return out;
  }

  record Limit(
      ConnectionLimit limit,
      String text,
      SourcePosition position,
      Optional<ServerRefusal> refusal) {}

  /**
   * A {@code postgresql.conf} PostgreSQL refuses to start with: its reservations reach {@code
   * max_connections}.
   *
   * @param database the database name in poolguard.yaml
   * @param message what is wrong, with the numbers
   * @param position the reservation setting (else {@code max_connections}, else the file)
   */
  public record ServerRefusal(String database, String message, SourcePosition position) {}

  /**
   * Every database in poolguard.yaml whose {@code postgresql.conf} keeps the server down: what
   * PostgreSQL would not read (a syntax error, a missing include, a value parse_int rejects or out
   * of range, a file that cannot be read) at its own file and line, else reservations that reach
   * max_connections.
   */
  static List<ServerRefusal> refusals(PoolguardConfig project, ServerConfigs servers) {
    List<ServerRefusal> out = new ArrayList<>();
    for (DatabaseConfig db : project.databases().values()) {
      Optional<ServerConfigs.Loaded> loaded = servers.of(db.name());
      List<PostgresConf.Problem> problems = loaded.map(l -> l.conf().problems()).orElse(List.of());
      for (PostgresConf.Problem p : problems) {
        out.add(
            new ServerRefusal(
                db.name(),
                "database "
                    + db.name()
                    + ": PostgreSQL refuses to start with this configuration: "
                    + p.message(),
                p.position()));
      }
      if (problems.isEmpty()) {
        limit(servers, db).flatMap(Limit::refusal).ifPresent(out::add);
      }
    }
    return out;
  }

  static Optional<Limit> limit(ServerConfigs servers, DatabaseConfig db) {
    int reserved = db.reservedConnections();
    String reservedText = reserved > 0 ? " − " + reserved + " reserved" : "";
    Optional<ServerConfigs.Loaded> loaded = servers.of(db.name());
    // Files PostgreSQL would not start with give no budget: refusals() reports them.
    if (loaded.isPresent() && !loaded.get().conf().problems().isEmpty()) {
      return Optional.empty();
    }
    if (db.maxConnections().isPresent()) {
      return declared(db, loaded.map(ServerConfigs.Loaded::conf), reservedText);
    }
    if (loaded.isEmpty()) {
      return ManagedLimits.estimate(db)
          .map(e -> new Limit(e.limit(), e.text() + reservedText, e.position(), Optional.empty()));
    }
    String display = loaded.get().displayPath();
    PostgresConf pg = loaded.get().conf();
    OptionalInt set = pg.integer("max_connections");
    int max = set.orElse(DEFAULT_MAX_CONNECTIONS);
    ConnectionLimit limit =
        ConnectionLimit.fromPostgresqlConf(
            max,
            pg.integer("superuser_reserved_connections"),
            pg.integer("reserved_connections"),
            reserved);
    SourcePosition at =
        pg.setting("max_connections")
            .map(PostgresConf.Setting::position)
            .orElse(SourcePosition.startOf(display));
    String text =
        "max_connections "
            + max
            + (set.isPresent() ? "" : " (PostgreSQL's default: " + display + " does not set it)")
            + " − "
            + limit.serverReserved()
            + " reserved by the server"
            + reservedText;
    return Optional.of(new Limit(limit, text, at, refusal(db.name(), pg, limit, at)));
  }

  /**
   * {@code maxConnections} written in poolguard.yaml replaces the server's {@code max_connections};
   * with {@code config:} beside it, the server's own reserved slots still come from that file (its
   * defaults when absent), since the server keeps them whatever max_connections is.
   */
  private static Optional<Limit> declared(
      DatabaseConfig db, Optional<PostgresConf> conf, String reservedText) {
    int max = db.maxConnections().getAsInt();
    int reserved = db.reservedConnections();
    SourcePosition at = db.positionOf("maxConnections");
    Optional<String> declared = db.source().map(s -> "max_connections " + max + " (" + s + ")");
    Optional<PostgresConf> server = conf.or(() -> DatabaseLinks.serverDefaults(db));
    if (server.isEmpty()) {
      ConnectionLimit limit = ManagedLimits.withProviderReserve(db, max, reserved);
      return Optional.of(
          new Limit(
              limit,
              declared.orElse("maxConnections " + max)
                  + ManagedLimits.reserveText(limit)
                  + reservedText,
              at,
              Optional.empty()));
    }
    PostgresConf pg = server.get();
    try {
      ConnectionLimit limit =
          ConnectionLimit.fromPostgresqlConf(
              max,
              pg.integer("superuser_reserved_connections"),
              pg.integer("reserved_connections"),
              reserved);
      String text =
          declared.orElse("maxConnections " + max)
              + " − "
              + limit.serverReserved()
              + " reserved by the server"
              + reservedText;
      return Optional.of(new Limit(limit, text, at, refusal(db.name(), pg, limit, at)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a reservation PostgreSQL refuses: refusals() reports it
    }
  }

  /**
   * PostgreSQL stops at start when {@code superuser_reserved_connections + reserved_connections >=
   * max_connections} ("must be less than max_connections").
   */
  private static Optional<ServerRefusal> refusal(
      String database, PostgresConf pg, ConnectionLimit limit, SourcePosition maxAt) {
    if (limit.serverReserved() < limit.maxConnections()) {
      return Optional.empty();
    }
    int superuser =
        pg.integer("superuser_reserved_connections")
            .orElse(ConnectionLimit.DEFAULT_SUPERUSER_RESERVED);
    int reserved = pg.integer("reserved_connections").orElse(ConnectionLimit.DEFAULT_RESERVED);
    SourcePosition at =
        pg.setting("reserved_connections")
            .filter(x -> reserved > 0)
            .or(() -> pg.setting("superuser_reserved_connections"))
            .map(PostgresConf.Setting::position)
            .orElse(maxAt);
    return Optional.of(
        new ServerRefusal(
            database,
            "database "
                + database
                + ": PostgreSQL refuses to start with this configuration:"
                + " superuser_reserved_connections "
                + superuser
                + " + reserved_connections "
                + reserved
                + " must be less than max_connections "
                + limit.maxConnections(),
            at));
  }

  /** A path as users see it: beside poolguard.yaml's display path. */
  public static String display(PoolguardConfig project, Path file) {
    String relative =
        project
            .baseDir()
            .relativize(file.toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    String yaml = project.displayPath();
    int slash = yaml.lastIndexOf('/');
    return slash < 0 ? relative : yaml.substring(0, slash + 1) + relative;
  }

  /**
   * Services whose datasource maps to {@code database}, those that reach it through its pooler
   * ({@code viaPooler}) or the others; the variant with the largest pool.
   */
  static List<Member> members(
      DeploymentModel model, PoolguardConfig project, String database, boolean viaPooler) {
    Map<String, Member> byService = new LinkedHashMap<>();
    for (Service service : model.services()) {
      ServiceConfig config = project.services().get(service.name());
      for (DataSource ds : service.dataSources()) {
        Optional<String> db = DatabaseLinks.databaseOf(service, ds, config, model);
        if (db.filter(database::equals).isEmpty()
            || ds.inert().isPresent()
            || PoolerBudget.viaPooler(model, project, database, service.name()) != viaPooler) {
          continue;
        }
        member(service, ds, config)
            .map(m -> DatabaseLinks.withLink(m, model, config))
            .ifPresent(
                m ->
                    byService.merge(
                        // Profile variants of one workload are one member; each workload of a
                        // service that runs as several counts.
                        service.name()
                            + "/"
                            + service.deployment().map(d -> d.workload().describe()).orElse("")
                            + "/"
                            + ds.name(),
                        m,
                        (a, b) -> a.pool() >= b.pool() ? a : b));
      }
    }
    List<Member> members = new ArrayList<>(byService.values());
    members.sort(
        Comparator.comparing((Member m) -> m.service().name())
            .thenComparing(
                m -> m.service().deployment().map(d -> d.workload().describe()).orElse(""))
            .thenComparing(m -> m.dataSource().name()));
    return members;
  }

  private static Optional<Member> member(Service service, DataSource ds, ServiceConfig config) {
    OptionalInt pool = PoolSizes.poolMax(ds);
    Optional<PoolSetting> setting = PoolSizes.poolMaxSetting(ds);
    if (pool.isEmpty() || setting.isEmpty()) {
      return Optional.empty();
    }
    List<Input> inputs = new ArrayList<>();
    inputs.add(
        new Input(
            setting.get().value().origin().position(),
            service.name() + " pool max " + pool.getAsInt()));
    int replicas;
    int maxReplicas;
    int surge = 0;
    if (service.deployment().isPresent()) {
      var workload = service.deployment().get().workload();
      Optional<Autoscaler> hpa = service.deployment().get().autoscalers().stream().findFirst();
      replicas = PodCounts.atRest(workload, hpa);
      inputs.add(
          new Input(
              workload.replicas().position(),
              service.name()
                  + " replicas "
                  + workload.replicas().value()
                  + (PodCounts.scaledToZero(workload) ? " (scaled to zero)" : "")
                  + (replicas != workload.replicas().value()
                      ? " (held at " + replicas + " by its HPA)"
                      : "")));
      maxReplicas = PodCounts.atMost(workload, hpa);
      if (hpa.isPresent()
          && !PodCounts.scaledToZero(workload)
          && hpa.get().maxReplicas().isPresent()) {
        inputs.add(
            new Input(
                hpa.get().maxReplicas().get().position(),
                service.name() + " HPA maxReplicas " + maxReplicas));
      }
      surge =
          PoolSizes.plan(workload, Math.max(replicas, maxReplicas))
              .map(RolloutPlan::maxSurge)
              .orElse(0);
    } else if (config != null && config.replicas().isPresent()) {
      replicas = config.replicas().getAsInt();
      maxReplicas = replicas;
      inputs.add(
          new Input(config.positionOf("replicas"), service.name() + " replicas " + replicas));
      // No manifest: it rolls as a Deployment with Kubernetes' default strategy (25 % surge).
      surge = Rollout.withoutManifest(replicas).maxSurge();
    } else {
      // Never silently dropped: at least one pod runs it (capacity-model-incomplete says so).
      replicas = 1;
      maxReplicas = 1;
      surge = Rollout.withoutManifest(1).maxSurge();
      inputs.add(
          new Input(
              config == null
                  ? ds.anchor()
                  : config.positionOf(ds.name().equals("default") ? "database" : "datasources"),
              service.name() + " pod count unknown: counted as 1 pod"));
    }
    return Optional.of(
        new Member(
            service, ds, setting.get(), pool.getAsInt(), replicas, maxReplicas, surge, inputs));
  }

  /** How a fleet total compares with the budget: the verdict of one bar in the chart. */
  public FleetBudget.Level level(long total) {
    if (total > result.budget()) {
      return FleetBudget.Level.EXCEEDED;
    }
    return Queueing.exceeds(total, result.nearLimitFraction() * result.budget())
        ? FleetBudget.Level.NEAR_LIMIT
        : FleetBudget.Level.WITHIN;
  }
}
