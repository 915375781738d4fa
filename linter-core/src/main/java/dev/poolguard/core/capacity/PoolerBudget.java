package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.project.ConcurrentRollouts;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two tiers of a database behind a PgBouncer: the services' pools against the pooler's client
 * slots ({@code instances × max_client_conn}), and the pooler's server pools with the services that
 * connect directly against the database's limit.
 *
 * @param database the database name in poolguard.yaml
 * @param pooler the pooler as read
 * @param members the services that connect through the pooler
 * @param clients their fleet against {@code instances × max_client_conn}
 * @param server the server side, when the database has a limit
 */
public record PoolerBudget(
    String database,
    Pooler pooler,
    List<DatabaseBudget.Member> members,
    FleetBudget.Result clients,
    Optional<Server> server) {

  public PoolerBudget {
    members = List.copyOf(members);
  }

  /**
   * The database side.
   *
   * @param limit the database's limit
   * @param limitText how the limit was worked out
   * @param limitPosition where the limit is declared
   * @param perInstance server connections one pooler instance can open
   * @param pooled {@code instances × perInstance}
   * @param direct the services that connect directly, at full scale with their rollout surge
   * @param directServices their names
   */
  public record Server(
      ConnectionLimit limit,
      String limitText,
      SourcePosition limitPosition,
      long perInstance,
      long pooled,
      long direct,
      List<String> directServices) {

    public Server {
      directServices = List.copyOf(directServices);
    }

    public long total() {
      return pooled + direct;
    }

    public boolean exceeded() {
      return total() > limit.budget();
    }
  }

  /** PgBouncer processes or pods. */
  public int instances() {
    return Math.max(1, pooler.number(Pooler.INSTANCES));
  }

  /** {@code max_client_conn} of one instance. */
  public int maxClientConn() {
    return pooler.number("max_client_conn");
  }

  /** Client connections on the busiest instance when they spread evenly: ⌈total / instances⌉. */
  public long clientsPerInstance() {
    return (clients.rollout() + instances() - 1) / instances();
  }

  /**
   * Whether {@code service} reaches {@code database} through the pooler poolguard.yaml declares for
   * it (every service of the database but those under {@code pooler.direct}), else through the
   * PgBouncer compose service its JDBC URL names.
   */
  static boolean viaPooler(
      DeploymentModel model, PoolguardConfig project, String database, String service) {
    DatabaseConfig db = project.databases().get(database);
    if (db == null || !model.poolers().containsKey(database)) {
      return false;
    }
    if (db.pooler().isPresent()) {
      return !db.pooler().get().direct().contains(service);
    }
    // A pooler found by the JDBC URLs that name it (a compose PgBouncer, a CloudNativePG Pooler).
    String pooler = model.poolers().get(database).name();
    return model.databases().stream()
        .filter(s -> s.name().equals(database))
        .flatMap(s -> s.clients().stream())
        .anyMatch(
            c -> c.service().equals(service) && c.through().filter(pooler::equals).isPresent());
  }

  /** The budgets of every database with a pooler PgBouncer would load. */
  static List<PoolerBudget> all(
      DeploymentModel model,
      PoolguardConfig project,
      ServerConfigs servers,
      double nearLimit,
      Optional<DeploymentModel> baseline,
      List<DatabaseBudget> direct) {
    List<PoolerBudget> out = new ArrayList<>();
    FleetBudget.ConcurrentRollouts rollouts =
        project.concurrentRollouts() == ConcurrentRollouts.ALL
            ? FleetBudget.ConcurrentRollouts.ALL
            : FleetBudget.ConcurrentRollouts.ONE;
    for (var entry : model.poolers().entrySet()) {
      Pooler pooler = entry.getValue();
      DatabaseConfig db = project.databases().get(entry.getKey());
      if (db == null || !pooler.problems().isEmpty()) {
        continue;
      }
      List<DatabaseBudget.Member> members = DatabaseBudget.members(model, project, db.name(), true);
      int instances = Math.max(1, pooler.number(Pooler.INSTANCES));
      ConnectionLimit slots =
          ConnectionLimit.declared(
              (int)
                  Math.min(Integer.MAX_VALUE, (long) instances * pooler.number("max_client_conn")),
              0);
      FleetBudget.Result clients =
          FleetBudget.evaluate(
              db.name(), slots, BaselinePools.terms(members, baseline), rollouts, nearLimit);
      Optional<Server> server =
          DatabaseBudget.limit(servers, db)
              .filter(l -> l.refusal().isEmpty())
              .map(l -> server(pooler, l, direct, db.name()));
      out.add(new PoolerBudget(db.name(), pooler, members, clients, server));
    }
    return out;
  }

  private static Server server(
      Pooler pooler, DatabaseBudget.Limit limit, List<DatabaseBudget> direct, String database) {
    long perInstance = pooler.serverConnectionsPerInstance();
    long pooled = perInstance * Math.max(1, pooler.number(Pooler.INSTANCES));
    Optional<DatabaseBudget> others =
        direct.stream().filter(d -> d.database().equals(database)).findFirst();
    return new Server(
        limit.limit(),
        limit.text(),
        limit.position(),
        perInstance,
        pooled,
        others.map(d -> d.result().rollout()).orElse(0L),
        others
            .map(d -> d.members().stream().map(m -> m.service().name()).distinct().toList())
            .orElse(List.of()));
  }
}
