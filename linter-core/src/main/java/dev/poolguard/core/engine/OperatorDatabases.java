package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.pooler.ManifestPoolers;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.PoolguardConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PostgreSQL clusters run by the CloudNativePG operator (its {@code Cluster} resource), found among
 * the manifests, as database servers that Kubernetes services reach by the host of their JDBC URL.
 * The operator gives each cluster three Services: {@code <name>-rw} (the primary), {@code
 * <name>-ro} (the replicas) and {@code <name>-r} (any instance). Clients of {@code -rw} share the
 * primary's {@code max_connections}, which the operator leaves at PostgreSQL's default unless
 * {@code spec.postgresql.parameters} sets it (the operator's defaults and fixed parameters do not
 * include it: {@code pkg/postgres/configuration.go}).
 */
final class OperatorDatabases {

  private static final String CNPG_API = "postgresql.cnpg.io/";
  private static final String SOURCE = "CloudNativePG Cluster ";

  private OperatorDatabases() {}

  /** A CloudNativePG {@code Cluster}: read here, so its manifest is not "not modelled". */
  static boolean isDatabaseKind(MapNode object) {
    return object.text("kind").filter("Cluster"::equals).isPresent()
        && object.text("apiVersion").filter(a -> a.startsWith(CNPG_API)).isPresent();
  }

  /** A cluster as declared: its server, and its namespace when the manifest names one. */
  private record Declared(DatabaseServer server, Optional<String> namespace) {}

  /**
   * A CloudNativePG {@code Pooler}: its Service has the Pooler's name, and it connects to the
   * read-write Service of {@code spec.cluster.name}.
   */
  record ClusterPooler(Pooler pooler, Optional<String> namespace, String cluster) {}

  /** The CloudNativePG Poolers of {@code manifests}, as read for the budget. */
  static List<ClusterPooler> poolers(List<ConfigFile> manifests) {
    List<ClusterPooler> out = new ArrayList<>();
    for (ConfigFile manifest : manifests) {
      List<Pooler> read = ManifestPoolers.of(manifest);
      for (ConfigNode doc : manifest.documents()) {
        if (doc instanceof MapNode object
            && object.text("kind").filter("Pooler"::equals).isPresent()
            && object.text("apiVersion").filter(a -> a.startsWith(CNPG_API)).isPresent()) {
          Optional<String> name = object.map("metadata").flatMap(m -> m.text("name"));
          Optional<String> cluster =
              object.map("spec").flatMap(s -> s.map("cluster")).flatMap(c -> c.text("name"));
          Optional<Pooler> pooler =
              read.stream()
                  .filter(
                      p ->
                          p.kind() == Pooler.Kind.CLOUDNATIVEPG
                              && name.filter(p.name()::equals).isPresent())
                  .findFirst();
          if (pooler.isPresent() && cluster.isPresent()) {
            out.add(
                new ClusterPooler(
                    pooler.get(),
                    object
                        .map("metadata")
                        .flatMap(m -> m.text("namespace"))
                        .map(n -> n.toLowerCase(Locale.ROOT)),
                    cluster.get()));
          }
        }
      }
    }
    return out;
  }

  /**
   * The Poolers services reach by their JDBC URL's host, as the poolers of their clusters (a pooler
   * poolguard.yaml declares for the cluster's database wins; the first Pooler of a cluster counts).
   */
  static Map<String, Pooler> byDatabase(
      List<ConfigFile> manifests, List<DatabaseServer> servers, PoolguardConfig config) {
    Map<String, Pooler> out = new TreeMap<>();
    for (ClusterPooler p : poolers(manifests)) {
      boolean used =
          servers.stream()
              .filter(s -> runs(s) && s.name().equals(p.cluster()))
              .flatMap(s -> s.clients().stream())
              .anyMatch(c -> c.through().filter(p.pooler().name()::equals).isPresent());
      boolean declared =
          Optional.ofNullable(config.databases().get(p.cluster()))
              .flatMap(d -> d.pooler())
              .isPresent();
      if (used && !declared) {
        out.putIfAbsent(p.cluster(), p.pooler());
      }
    }
    return out;
  }

  /**
   * The clusters of {@code manifests}, each with the datasources of {@code services} whose JDBC URL
   * names its read-write Service; a cluster whose {@code max_connections} is not a number (a
   * placeholder) is left out with a note, and clients of the replicas' Services get a note.
   */
  static List<DatabaseServer> servers(
      List<ConfigFile> manifests,
      List<Service> services,
      Map<String, ConfigFile> filesByDisplayPath,
      List<String> notes) {
    Map<String, Declared> byName = new TreeMap<>();
    for (ConfigFile manifest : manifests) {
      for (ConfigNode doc : manifest.documents()) {
        if (doc instanceof MapNode object && isDatabaseKind(object)) {
          declared(object, notes).ifPresent(d -> byName.putIfAbsent(d.server().name(), d));
        }
      }
    }
    if (byName.isEmpty()) {
      return List.of();
    }
    List<ClusterPooler> poolers = poolers(manifests);
    Map<String, List<DatabaseServer.Client>> clients = new TreeMap<>();
    for (Service service : services) {
      Optional<Workload> w = service.deployment().map(d -> d.workload());
      if (w.isEmpty()
          || w.get().kind() == Workload.Kind.COMPOSE_SERVICE
          || service.dataSources().isEmpty()
          || w.get().containers().isEmpty()) {
        continue;
      }
      var container = w.get().containers().get(0);
      Optional<ComposeLinks.Url> url = ComposeLinks.url(container, service, filesByDisplayPath);
      Optional<String> host =
          url.flatMap(u -> ComposeLinks.host(ComposeLinks.resolve(u.text(), container)));
      if (host.isEmpty()) {
        continue;
      }
      String[] labels = host.get().toLowerCase(Locale.ROOT).split("\\.");
      Optional<String> namespace = labels.length > 1 ? Optional.of(labels[1]) : Optional.empty();
      Optional<DatabaseServer.Setting> threshold =
          ComposeLinks.urlArgument(
              ComposeLinks.resolve(url.get().text(), container),
              "prepareThreshold",
              url.get().position());
      Optional<ClusterPooler> through =
          poolers.stream()
              .filter(
                  p ->
                      labels[0].equals(p.pooler().name().toLowerCase(Locale.ROOT))
                          && (namespace.isEmpty()
                              || p.namespace().isEmpty()
                              || namespace.equals(p.namespace()))
                          && byName.containsKey(p.cluster()))
              .findFirst();
      if (through.isPresent()) {
        add(
            clients,
            through.get().cluster(),
            client(
                service,
                url.get(),
                w.get(),
                Optional.of(through.get().pooler().name()),
                threshold));
        continue;
      }
      for (Declared d : byName.values()) {
        String name = d.server().name().toLowerCase(Locale.ROOT);
        boolean sameNamespace =
            namespace.isEmpty() || d.namespace().isEmpty() || namespace.equals(d.namespace());
        if (!sameNamespace) {
          continue;
        }
        if (labels[0].equals(name + "-rw")) {
          add(
              clients,
              d.server().name(),
              client(service, url.get(), w.get(), Optional.empty(), threshold));
        } else if (labels[0].equals(name + "-ro") || labels[0].equals(name + "-r")) {
          notes.add(
              url.get().position()
                  + ": service "
                  + service.name()
                  + " connects to "
                  + labels[0]
                  + ", which spreads connections over the instances of "
                  + SOURCE
                  + d.server().name()
                  + ": only clients of "
                  + name
                  + "-rw are counted against the primary's max_connections");
        }
      }
    }
    List<DatabaseServer> out = new ArrayList<>();
    for (Declared d : byName.values()) {
      out.add(d.server().withClients(clients.getOrDefault(d.server().name(), List.of())));
    }
    return out;
  }

  /** The service's default datasource (else its first) as a client reaching a server by URL. */
  private static DatabaseServer.Client client(
      Service service,
      ComposeLinks.Url url,
      Workload workload,
      Optional<String> through,
      Optional<DatabaseServer.Setting> threshold) {
    DataSource ds =
        service.dataSources().stream()
            .filter(x -> x.name().equals("default"))
            .findFirst()
            .orElse(service.dataSources().get(0));
    return new DatabaseServer.Client(
        service.name(),
        ds.name(),
        url.position(),
        "JDBC URL",
        workload.position(),
        through,
        threshold);
  }

  private static void add(
      Map<String, List<DatabaseServer.Client>> clients,
      String server,
      DatabaseServer.Client client) {
    List<DatabaseServer.Client> list = clients.computeIfAbsent(server, k -> new ArrayList<>());
    if (!list.contains(client)) {
      list.add(client);
    }
  }

  /** Whether {@code server} is an operator's cluster found here (not a compose service). */
  static boolean runs(DatabaseServer server) {
    return server.source().startsWith(SOURCE);
  }

  /** A cluster no service reaches through its read-write Service: no budget is checked. */
  static List<Diagnostic> untied(List<DatabaseServer> servers) {
    return servers.stream()
        .filter(s -> runs(s) && s.clients().isEmpty())
        .map(
            s ->
                Diagnostic.notUsed(
                    s.position(),
                    s.source()
                        + " runs PostgreSQL, but no service's JDBC URL names its Service "
                        + s.name()
                        + "-rw: no connection budget is checked for it"))
        .toList();
  }

  private static Optional<Declared> declared(MapNode object, List<String> notes) {
    Optional<MapNode> metadata = object.map("metadata");
    Optional<ConfigNode> nameNode = metadata.flatMap(m -> m.get("name"));
    if (nameNode.isEmpty() || !(nameNode.get() instanceof ScalarNode nameScalar)) {
      return Optional.empty();
    }
    String name = nameScalar.value().strip();
    Map<String, DatabaseServer.Setting> settings = new TreeMap<>();
    Optional<ConfigNode> max =
        object
            .map("spec")
            .flatMap(s -> s.map("postgresql"))
            .flatMap(p -> p.map("parameters"))
            .flatMap(p -> p.get("max_connections"));
    if (max.isPresent() && max.get() instanceof ScalarNode value && !value.isNull()) {
      if (PostgresConf.parseInt(value.value()).isEmpty()) {
        notes.add(
            value.position()
                + ": "
                + SOURCE
                + name
                + ": max_connections '"
                + value.value()
                + "' is not a number poolguard can read (a placeholder filled in later?): no"
                + " connection budget is checked for it");
        return Optional.empty();
      }
      settings.put(
          "max_connections",
          new DatabaseServer.Setting(
              "max_connections", value.value(), value.position(), "spec.postgresql.parameters"));
    }
    DatabaseServer server =
        new DatabaseServer(
            name,
            DatabaseServer.Engine.POSTGRESQL,
            SOURCE + name,
            nameScalar.position(),
            settings,
            Optional.empty(),
            Optional.empty(),
            List.of());
    return Optional.of(
        new Declared(
            server,
            metadata.flatMap(m -> m.text("namespace")).map(n -> n.toLowerCase(Locale.ROOT))));
  }
}
