package dev.poolguard.core.model.pooler;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Poolers the Kubernetes operators run: a CloudNativePG {@code Pooler} (one PgBouncer Deployment of
 * {@code spec.instances} pods, a {@code *} fallback database to the cluster's service, {@code
 * spec.pgbouncer.parameters} over PgBouncer's defaults) and the Zalando operator's {@code
 * connectionPooler} of a {@code postgresql} object (the operator derives the pool sizes from {@code
 * maxDBConnections}).
 */
public final class ManifestPoolers {

  /** CloudNativePG's {@code Pooler} defaults: {@code spec.instances} 1, poolMode session. */
  static final int CNPG_DEFAULT_INSTANCES = 1;

  /**
   * The Zalando operator's defaults ({@code pkg/util/config/config.go}, {@code
   * pkg/util/constants/pooler.go}): 2 instances, transaction mode, maxDBConnections 60, and
   * max_client_conn 10000 (not configurable).
   */
  static final int ZALANDO_DEFAULT_INSTANCES = 2;

  static final int ZALANDO_DEFAULT_MAX_DB_CONNECTIONS = 60;
  static final int ZALANDO_MAX_CLIENT_CONN = 10000;

  private ManifestPoolers() {}

  /** Every pooler the manifests in {@code file} declare, in document order. */
  public static List<Pooler> of(ConfigFile file) {
    List<Pooler> out = new ArrayList<>();
    for (ConfigNode doc : file.documents()) {
      if (doc instanceof MapNode map) {
        cnpg(map).ifPresent(out::add);
        zalando(map).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The object's name, or empty. */
  static String name(MapNode object) {
    return object.map("metadata").flatMap(m -> m.text("name")).orElse("");
  }

  private static Optional<Pooler> cnpg(MapNode object) {
    if (!object.text("kind").filter("Pooler"::equals).isPresent()
        || !object
            .text("apiVersion")
            .filter(v -> v.startsWith("postgresql.cnpg.io/"))
            .isPresent()) {
      return Optional.empty();
    }
    MapNode spec = object.map("spec").orElse(new MapNode(List.of(), object.position()));
    MapNode pgbouncer = spec.map("pgbouncer").orElse(new MapNode(List.of(), spec.position()));
    String name = name(object);
    String by = "CloudNativePG's default (Pooler " + name + " does not set it)";
    Map<String, Pooler.Setting> settings = new LinkedHashMap<>();
    List<PostgresConf.Problem> problems = new ArrayList<>();
    settings.put(
        Pooler.INSTANCES,
        written(spec, "instances", Pooler.INSTANCES, String.valueOf(CNPG_DEFAULT_INSTANCES), by));
    settings.put("pool_mode", written(pgbouncer, "poolMode", "pool_mode", "session", by));
    String pgDefault = "PgBouncer's default (Pooler " + name + " does not set it)";
    for (Map.Entry<String, String> d : IniPoolers.DEFAULTS.entrySet()) {
      if (!d.getKey().equals("pool_mode")) {
        settings.put(
            d.getKey(),
            new Pooler.Setting(
                d.getKey(), d.getValue(), object.position(), Optional.of(pgDefault)));
      }
    }
    pgbouncer
        .map("parameters")
        .ifPresent(
            params -> {
              for (MapNode.Entry e : params.entries()) {
                String key = e.key().value();
                if ((settings.containsKey(key) || key.equals("max_prepared_statements"))
                    && !key.equals("pool_mode")) {
                  parameter(settings, problems, params, key);
                }
              }
            });
    for (String key : List.of(Pooler.INSTANCES)) {
      if (PgBouncerNumbers.strtol(settings.get(key).value()).isEmpty()) {
        problems.add(
            new PostgresConf.Problem(
                "spec.instances of Pooler " + name + " is not a whole number",
                settings.get(key).position()));
      }
    }
    image(spec).ifPresent(v -> settings.put(Pooler.VERSION, v));
    SourcePosition cluster =
        spec.map("cluster")
            .flatMap(c -> c.get("name"))
            .map(ConfigNode::position)
            .orElse(object.position());
    List<Pooler.Database> databases =
        List.of(
            new Pooler.Database(
                "*",
                java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                cluster));
    return Optional.of(
        new Pooler(
            Pooler.Kind.CLOUDNATIVEPG, name, object.position(), settings, databases, problems));
  }

  private static void parameter(
      Map<String, Pooler.Setting> settings,
      List<PostgresConf.Problem> problems,
      MapNode params,
      String key) {
    ConfigNode node = params.get(key).orElseThrow();
    String value = params.text(key).orElse("");
    if (PgBouncerNumbers.strtol(value).isEmpty()) {
      problems.add(
          new PostgresConf.Problem(
              "invalid value \"" + value + "\" for parameter " + key, node.position()));
      return;
    }
    settings.put(key, new Pooler.Setting(key, value, node.position(), Optional.empty()));
  }

  /** The PgBouncer version of a {@code pgbouncer} container's image tag, when it is one. */
  private static Optional<Pooler.Setting> image(MapNode spec) {
    return spec.map("template")
        .flatMap(t -> t.map("spec"))
        .flatMap(s -> s.list("containers"))
        .flatMap(
            list ->
                list.items().stream()
                    .filter(MapNode.class::isInstance)
                    .map(MapNode.class::cast)
                    .filter(c -> c.text("name").filter("pgbouncer"::equals).isPresent())
                    .findFirst())
        .flatMap(
            c ->
                c.text("image")
                    .flatMap(PgBouncerVersion::ofImage)
                    .map(
                        v ->
                            new Pooler.Setting(
                                Pooler.VERSION,
                                v,
                                c.get("image").orElseThrow().position(),
                                Optional.empty())));
  }

  private static Pooler.Setting written(
      MapNode node, String field, String name, String fallback, String by) {
    return node.get(field)
        .filter(n -> node.text(field).isPresent())
        .map(
            n ->
                new Pooler.Setting(
                    name, node.text(field).orElseThrow(), n.position(), Optional.empty()))
        .orElseGet(() -> new Pooler.Setting(name, fallback, node.position(), Optional.of(by)));
  }

  /**
   * The Zalando operator's pooler of a {@code postgresql} object: enabled by {@code
   * enableConnectionPooler: true}, or by a {@code connectionPooler} section when that flag is
   * absent ({@code needMasterConnectionPoolerWorker}). Per instance the operator sets {@code
   * max_db_connections} to maxDBConnections / instances, {@code default_pool_size} to half of that
   * and {@code reserve_pool_size} to a quarter ({@code getConnectionPoolerEnvVars}); its image's
   * {@code pgbouncer.ini.tmpl} sets {@code max_prepared_statements = 200}.
   */
  private static Optional<Pooler> zalando(MapNode object) {
    if (!object.text("kind").filter("postgresql"::equals).isPresent()
        || !object.text("apiVersion").filter(v -> v.startsWith("acid.zalan.do/")).isPresent()) {
      return Optional.empty();
    }
    MapNode spec = object.map("spec").orElse(new MapNode(List.of(), object.position()));
    Optional<String> enable = spec.text("enableConnectionPooler");
    Optional<MapNode> section = spec.map("connectionPooler");
    boolean enabled = enable.map(v -> v.equalsIgnoreCase("true")).orElse(section.isPresent());
    if (!enabled) {
      return Optional.empty();
    }
    String name = name(object);
    MapNode pooler = section.orElse(new MapNode(List.of(), spec.position()));
    SourcePosition at =
        spec.get("enableConnectionPooler").map(ConfigNode::position).orElse(pooler.position());
    String by = "the Zalando operator's default (postgresql " + name + " does not set it)";
    List<PostgresConf.Problem> problems = new ArrayList<>();
    Pooler.Setting instances =
        written(
            pooler,
            "numberOfInstances",
            Pooler.INSTANCES,
            String.valueOf(ZALANDO_DEFAULT_INSTANCES),
            by);
    Pooler.Setting maxDb =
        written(
            pooler,
            "maxDBConnections",
            "maxDBConnections",
            String.valueOf(ZALANDO_DEFAULT_MAX_DB_CONNECTIONS),
            by);
    Pooler.Setting mode = written(pooler, "mode", "pool_mode", "transaction", by);
    int n =
        Math.max(1, PgBouncerNumbers.strtol(instances.value()).orElse(ZALANDO_DEFAULT_INSTANCES));
    int total = PgBouncerNumbers.strtol(maxDb.value()).orElse(ZALANDO_DEFAULT_MAX_DB_CONNECTIONS);
    int perInstance = total / n;
    String derived =
        "set by the Zalando operator from maxDBConnections " + total + " / " + n + " instances";
    Map<String, Pooler.Setting> settings = new LinkedHashMap<>();
    settings.put(Pooler.INSTANCES, instances);
    settings.put("pool_mode", mode);
    settings.put(
        "max_client_conn",
        new Pooler.Setting(
            "max_client_conn",
            String.valueOf(ZALANDO_MAX_CLIENT_CONN),
            at,
            Optional.of("set by the Zalando operator (not configurable)")));
    settings.put(
        "default_pool_size", derivedSetting("default_pool_size", perInstance / 2, maxDb, derived));
    String template =
        "PgBouncer's default (the Zalando operator's pgbouncer.ini template leaves it out)";
    settings.put(
        "min_pool_size", new Pooler.Setting("min_pool_size", "0", at, Optional.of(template)));
    settings.put(
        "reserve_pool_size", derivedSetting("reserve_pool_size", perInstance / 4, maxDb, derived));
    settings.put(
        "max_db_connections", derivedSetting("max_db_connections", perInstance, maxDb, derived));
    settings.put(
        "max_user_connections",
        new Pooler.Setting("max_user_connections", "0", at, Optional.of(template)));
    settings.put(
        "max_prepared_statements",
        new Pooler.Setting(
            "max_prepared_statements",
            "200",
            at,
            Optional.of("set by the Zalando operator's pgbouncer.ini template")));
    List<Pooler.Database> databases =
        List.of(
            new Pooler.Database(
                "*",
                java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                at));
    return Optional.of(
        new Pooler(
            Pooler.Kind.ZALANDO,
            name + "-pooler",
            object.position(),
            settings,
            databases,
            problems));
  }

  private static Pooler.Setting derivedSetting(
      String name, int value, Pooler.Setting from, String derived) {
    return new Pooler.Setting(name, String.valueOf(value), from.position(), Optional.of(derived));
  }
}
