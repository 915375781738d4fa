package dev.poolguard.core.project;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Framework;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds the records from a {@code poolguard.yaml} node tree that has passed validation. */
final class ConfigBinder {

  private ConfigBinder() {}

  static PoolguardConfig bind(ConfigNode root, Path file, String displayPath) {
    Path absolute = file.toAbsolutePath().normalize();
    Path baseDir = absolute.getParent();
    Fields top = Fields.of(root);
    TreeMap<String, ServiceConfig> services = new TreeMap<>();
    top.fields("services")
        .entries()
        .forEach((name, e) -> services.put(name, service(name, e, baseDir)));
    TreeMap<String, DatabaseConfig> databases = new TreeMap<>();
    top.fields("databases")
        .entries()
        .forEach((name, e) -> databases.put(name, database(name, e, baseDir)));
    TreeMap<String, RuleConfig> rules = new TreeMap<>();
    top.fields("rules").entries().forEach((id, e) -> rules.put(id, rule(e)));
    return new PoolguardConfig(
        Optional.of(absolute),
        displayPath,
        baseDir,
        top.string("baseline"),
        services,
        databases,
        top.string("concurrentRollouts")
            .map(s -> ConcurrentRollouts.valueOf(s.toUpperCase(Locale.ROOT)))
            .orElse(ConcurrentRollouts.ONE),
        top.integer("hikariVersion"),
        top.strings("exclude"),
        limits(top.fields("limits")),
        rules,
        items(top.get("waivers"), ConfigBinder::waiver),
        items(top.get("customRules"), ConfigBinder::customRule),
        top.positions(),
        top.string("docsUrl"),
        compose(top.get("compose"), baseDir));
  }

  private static ServiceConfig service(String name, MapNode.Entry entry, Path baseDir) {
    Fields f = Fields.of(entry.value());
    Fields named = f.fields("datasources");
    Map<String, String> datasources = new LinkedHashMap<>();
    Map<String, DataSourceDeclaration> declared = new LinkedHashMap<>();
    named
        .entries()
        .forEach(
            (ds, e) -> {
              Optional<String> shortForm = named.string(ds);
              if (shortForm.isPresent()) {
                datasources.put(ds, shortForm.get());
                return;
              }
              DataSourceDeclaration d = declaration(ds, e);
              declared.put(ds, d);
              d.database().ifPresent(db -> datasources.put(ds, db));
            });
    Optional<Load> load =
        f.get("load").map(node -> load(Fields.of(node), f.entries().get("load").key().position()));
    return new ServiceConfig(
        name,
        f.string("framework").map(s -> Framework.valueOf(s.toUpperCase(Locale.ROOT))),
        resolve(f.strings("config"), baseDir),
        resolve(f.strings("deployment"), baseDir),
        f.string("container"),
        f.strings("profiles"),
        f.string("database"),
        datasources,
        f.integer("replicas"),
        load,
        f.get("helm").map(node -> helm(Fields.of(node), f.entries().get("helm"), baseDir)),
        entry.key().position(),
        f.positions(),
        declared);
  }

  private static DataSourceDeclaration declaration(String name, MapNode.Entry entry) {
    Fields f = Fields.of(entry.value());
    return new DataSourceDeclaration(
        name,
        f.string("prefix"),
        f.string("database"),
        f.string("enabledBy"),
        f.string("havingValue"),
        f.string("matchIfMissing").map(Boolean::parseBoolean).orElse(false),
        entry.key().position());
  }

  private static HelmConfig helm(Fields f, MapNode.Entry entry, Path baseDir) {
    Map<String, String> set = new LinkedHashMap<>();
    Map<String, SourcePosition> setPositions = new LinkedHashMap<>();
    f.fields("set")
        .entries()
        .forEach(
            (key, e) -> {
              set.put(key, e.value() instanceof ScalarNode s ? Scalars.text(s) : "");
              setPositions.put(key, e.value().position());
            });
    return new HelmConfig(
        baseDir.resolve(f.string("chart").orElseThrow()).normalize(),
        resolve(f.strings("values"), baseDir),
        set,
        setPositions,
        f.string("release"),
        f.string("namespace"),
        entry.key().position(),
        f.positions());
  }

  private static Load load(Fields f, SourcePosition position) {
    return new Load(
        f.decimal("peakRequestsPerSecond").orElseThrow(),
        f.decimal("connectionHoldMillis").orElseThrow(),
        f.integer("replicasAtPeak"),
        f.decimal("maxWaitMillis"),
        position,
        f.positions());
  }

  private static DatabaseConfig database(String name, MapNode.Entry entry, Path baseDir) {
    Fields f = Fields.of(entry.value());
    return new DatabaseConfig(
        name,
        f.integer("maxConnections"),
        f.string("config").map(p -> baseDir.resolve(p).normalize()),
        f.integer("reservedConnections").orElse(0),
        f.integer("connectionIdleLimitSeconds"),
        entry.key().position(),
        f.positions(),
        f.string("engine"),
        f.string("instanceClass").or(() -> f.string("sku")).or(() -> f.string("tier")),
        Optional.empty(),
        f.get("pooler").map(n -> pooler(Fields.of(n), f.entries().get("pooler"), baseDir)));
  }

  private static PoolerConfig pooler(Fields f, MapNode.Entry entry, Path baseDir) {
    return new PoolerConfig(
        f.string("config").map(p -> baseDir.resolve(p).normalize()),
        f.string("manifest").map(p -> baseDir.resolve(p).normalize()),
        f.string("name"),
        f.integer("instances"),
        f.string("version"),
        f.strings("direct"),
        entry.key().position(),
        f.positions());
  }

  /** {@code compose:} items: a file, or the files of one {@code -f a -f b} project. */
  private static List<List<Path>> compose(Optional<ConfigNode> node, Path baseDir) {
    return items(
        node,
        item ->
            item instanceof ListNode list
                ? list.items().stream()
                    .map(i -> baseDir.resolve(((ScalarNode) i).value()).normalize())
                    .toList()
                : List.of(baseDir.resolve(((ScalarNode) item).value()).normalize()));
  }

  private static RuleConfig rule(MapNode.Entry entry) {
    Fields f = Fields.of(entry.value());
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (String key : f.entries().keySet()) {
      if (!"severity".equals(key)) {
        thresholds.put(key, f.decimal(key).orElseThrow());
      }
    }
    return new RuleConfig(f.string("severity"), thresholds, entry.key().position(), f.positions());
  }

  /** Each item of a list in poolguard.yaml, bound; the schema has checked the list's shape. */
  private static <T> List<T> items(Optional<ConfigNode> node, Function<ConfigNode, T> bind) {
    return node.filter(ListNode.class::isInstance)
        .map(n -> ((ListNode) n).items().stream().map(bind).toList())
        .orElse(List.of());
  }

  private static Waiver waiver(ConfigNode item) {
    Fields f = Fields.of(item);
    return new Waiver(
        f.string("rule").orElseThrow(),
        f.string("path"),
        f.string("service"),
        f.string("reason").orElseThrow(),
        f.string("expires").flatMap(ExtraChecks::date).orElseThrow(),
        item.position(),
        f.positions());
  }

  private static CustomRuleConfig customRule(ConfigNode item) {
    Fields f = Fields.of(item);
    return new CustomRuleConfig(
        f.string("id").orElseThrow(),
        f.string("severity").orElseThrow(),
        f.string("message").orElseThrow(),
        f.string("condition").orElseThrow(),
        f.string("description"),
        f.string("remediation"),
        f.get("condition").orElseThrow().position(),
        item.position(),
        f.positions());
  }

  private static Limits limits(Fields f) {
    Limits d = Limits.DEFAULT;
    return new Limits(
        f.integer("maxFileBytes").isPresent()
            ? f.integer("maxFileBytes").getAsInt()
            : d.maxFileBytes(),
        f.integer("maxFiles").orElse(d.maxFiles()),
        f.integer("maxYamlDepth").orElse(d.maxYamlDepth()),
        f.integer("maxAliases").orElse(d.maxAliases()),
        f.integer("maxTotalBytes").isPresent()
            ? f.integer("maxTotalBytes").getAsInt()
            : d.maxTotalBytes());
  }

  private static List<Path> resolve(List<String> paths, Path baseDir) {
    return paths.stream().map(p -> baseDir.resolve(p).normalize()).toList();
  }
}
