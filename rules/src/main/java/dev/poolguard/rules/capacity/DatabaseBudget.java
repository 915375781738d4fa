package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.ConnectionLimit;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.capacity.RolloutPlan;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Autoscaler;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.ConcurrentRollouts;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Violation;
import java.io.IOException;
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
 * scale (HPA maximum) and during a rollout (the surge pods).
 */
record DatabaseBudget(
    String database,
    ConnectionLimit limit,
    String limitText,
    SourcePosition limitPosition,
    FleetBudget.Result result,
    List<Member> members) {

  /** One service's pool on this database, with the positions of its inputs. */
  record Member(
      Service service,
      DataSource dataSource,
      PoolSetting poolMax,
      int pool,
      int replicas,
      int maxReplicas,
      int surge,
      List<Related> inputs) {}

  /** Budgets of every database in poolguard.yaml that has a limit and at least one member. */
  static List<DatabaseBudget> all(LintContext context, double nearLimit) {
    List<DatabaseBudget> out = new ArrayList<>();
    PoolguardConfig project = context.project();
    for (DatabaseConfig db : project.databases().values()) {
      Optional<Limit> limit = limit(project, db);
      List<Member> members = members(context, db.name());
      if (limit.isEmpty() || members.isEmpty()) {
        continue;
      }
      List<FleetBudget.Member> terms = new ArrayList<>();
      for (Member m : members) {
        terms.add(
            new FleetBudget.Member(
                m.service().name(),
                m.replicas(),
                m.maxReplicas(),
                m.pool(),
                OptionalInt.empty(),
                m.surge()));
      }
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

  private record Limit(ConnectionLimit limit, String text, SourcePosition position) {}

  private static Optional<Limit> limit(PoolguardConfig project, DatabaseConfig db) {
    int reserved = db.reservedConnections();
    String reservedText = reserved > 0 ? " − " + reserved + " reserved" : "";
    if (db.maxConnections().isPresent()) {
      int max = db.maxConnections().getAsInt();
      return Optional.of(
          new Limit(
              ConnectionLimit.declared(max, reserved),
              "maxConnections " + max + reservedText,
              db.positionOf("maxConnections")));
    }
    if (db.config().isEmpty()) {
      return Optional.empty();
    }
    Path conf = db.config().get();
    String display = display(project, conf);
    try {
      PostgresConf pg = PostgresConf.read(conf, display);
      int max = pg.integer("max_connections").orElse(100);
      OptionalInt superuser = pg.integer("superuser_reserved_connections");
      OptionalInt server = pg.integer("reserved_connections");
      ConnectionLimit limit = ConnectionLimit.fromPostgresqlConf(max, superuser, server, reserved);
      SourcePosition at =
          pg.setting("max_connections")
              .map(PostgresConf.Setting::position)
              .orElse(SourcePosition.startOf(display));
      String text =
          "max_connections "
              + max
              + " − "
              + limit.serverReserved()
              + " reserved by the server"
              + reservedText;
      return Optional.of(new Limit(limit, text, at));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A path as users see it: beside poolguard.yaml's display path. */
  static String display(PoolguardConfig project, Path file) {
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

  /** Services whose datasource maps to {@code database}; the variant with the largest pool. */
  private static List<Member> members(LintContext context, String database) {
    Map<String, Member> byService = new LinkedHashMap<>();
    for (Service service : context.model().services()) {
      ServiceConfig config = context.project().services().get(service.name());
      if (config == null) {
        continue;
      }
      for (DataSource ds : service.dataSources()) {
        Optional<String> db =
            ds.name().equals("default")
                ? config.database()
                : Optional.ofNullable(config.datasources().get(ds.name()));
        if (db.filter(database::equals).isEmpty() || ds.inert().isPresent()) {
          continue;
        }
        member(service, ds, config)
            .ifPresent(
                m ->
                    byService.merge(
                        service.name() + "/" + ds.name(),
                        m,
                        (a, b) -> a.pool() >= b.pool() ? a : b));
      }
    }
    List<Member> members = new ArrayList<>(byService.values());
    members.sort(
        Comparator.comparing((Member m) -> m.service().name())
            .thenComparing(m -> m.dataSource().name()));
    return members;
  }

  private static Optional<Member> member(Service service, DataSource ds, ServiceConfig config) {
    OptionalInt pool = PoolLoad.poolMax(ds);
    Optional<PoolSetting> setting = PoolLoad.poolMaxSetting(ds);
    if (pool.isEmpty() || setting.isEmpty()) {
      return Optional.empty();
    }
    List<Related> inputs = new ArrayList<>();
    inputs.add(
        new Related(
            setting.get().value().origin().position(),
            service.name() + " pool max " + pool.getAsInt()));
    int replicas;
    int maxReplicas;
    int surge = 0;
    if (service.deployment().isPresent()) {
      var workload = service.deployment().get().workload();
      replicas = workload.replicas().value();
      inputs.add(
          new Related(workload.replicas().position(), service.name() + " replicas " + replicas));
      maxReplicas = replicas;
      Optional<Autoscaler> hpa = service.deployment().get().autoscalers().stream().findFirst();
      if (hpa.isPresent() && hpa.get().maxReplicas().isPresent()) {
        maxReplicas = hpa.get().maxReplicas().get().value();
        inputs.add(
            new Related(
                hpa.get().maxReplicas().get().position(),
                service.name() + " HPA maxReplicas " + maxReplicas));
      }
      surge =
          PoolLoad.plan(workload, Math.max(replicas, maxReplicas))
              .map(RolloutPlan::maxSurge)
              .orElse(0);
    } else if (config.replicas().isPresent()) {
      replicas = config.replicas().getAsInt();
      maxReplicas = replicas;
      inputs.add(
          new Related(config.positionOf("replicas"), service.name() + " replicas " + replicas));
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new Member(
            service, ds, setting.get(), pool.getAsInt(), replicas, maxReplicas, surge, inputs));
  }

  /** "orders-api 10 pods × 40, billing 4 × 30" at full scale. */
  String fleetText() {
    StringBuilder out = new StringBuilder();
    for (Member m : members) {
      if (out.length() > 0) {
        out.append(", ");
      }
      int pods = Math.max(m.replicas(), m.maxReplicas());
      out.append(m.service().name())
          .append(' ')
          .append(pods)
          .append(pods == 1 ? " pod × " : " pods × ")
          .append(m.pool());
    }
    return out.toString();
  }

  /** The member whose change most likely caused a verdict: the rolling one, else the largest. */
  Member culprit() {
    Optional<String> rolling = result.rollingService();
    return members.stream()
        .filter(m -> rolling.isPresent() && rolling.get().equals(m.service().name()))
        .findFirst()
        .orElseGet(
            () ->
                members.stream()
                    .max(
                        Comparator.comparingLong(
                            m -> (long) Math.max(m.replicas(), m.maxReplicas()) * m.pool()))
                    .orElseThrow());
  }

  Violation violation(String message, String remediation) {
    Member culprit = culprit();
    List<Related> related = new ArrayList<>();
    related.add(new Related(limitPosition, "database " + database + " " + limitText));
    for (Member m : members) {
      for (Related r : m.inputs()) {
        if (!(m == culprit && r.position().equals(culprit.poolMax().value().origin().position()))) {
          related.add(r);
        }
      }
    }
    return Violation.at(culprit.poolMax().value().origin().position(), message)
        .withService(culprit.service().name(), culprit.service().profileLabel())
        .withSubject("database/" + database)
        .withRelated(related)
        .withRemediation(remediation);
  }
}
