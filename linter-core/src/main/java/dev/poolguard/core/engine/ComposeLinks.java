package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.compose.ComposePgBouncer;
import dev.poolguard.core.model.compose.ComposeProject;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which compose database server each compose service connects to: the host of its JDBC URL (from
 * its environment, its arguments, else its config files, placeholders resolved against its
 * environment) named as a server of the same project.
 */
final class ComposeLinks {

  private static final List<String> URL_ENV =
      List.of(
          "SPRING_DATASOURCE_URL",
          "SPRING_DATASOURCE_HIKARI_JDBCURL",
          "SPRING_DATASOURCE_HIKARI_JDBC_URL",
          "QUARKUS_DATASOURCE_JDBC_URL");

  private static final List<String> URL_KEYS =
      List.of(
          "spring.datasource.url",
          "spring.datasource.hikari.jdbcurl",
          "quarkus.datasource.jdbc.url");

  private ComposeLinks() {}

  /** A JDBC URL as written, and where. */
  record Url(String text, SourcePosition position) {}

  /** Every server of {@code stacks} with the datasources of {@code services} that reach it. */
  static List<DatabaseServer> servers(
      ComposeStacks stacks, List<Service> services, Map<String, ConfigFile> filesByDisplayPath) {
    List<DatabaseServer> out = new ArrayList<>();
    for (ComposeStacks.Project p : stacks.projects()) {
      Map<String, DatabaseServer> byHost = byHost(p);
      Map<String, ComposePgBouncer> poolerByHost = new TreeMap<>();
      for (ComposePgBouncer pb : p.poolers()) {
        if (backend(pb, byHost).isPresent()) {
          pb.names().forEach(n -> poolerByHost.putIfAbsent(n.toLowerCase(Locale.ROOT), pb));
        }
      }
      Map<String, List<DatabaseServer.Client>> clients = new TreeMap<>();
      for (Service service : services) {
        Optional<Workload> w = service.deployment().map(d -> d.workload());
        if (w.isEmpty()
            || w.get().kind() != Workload.Kind.COMPOSE_SERVICE
            || p.project().services().stream()
                .noneMatch(s -> s.position().equals(w.get().position()))
            || service.dataSources().isEmpty()) {
          continue;
        }
        Container c = w.get().containers().get(0);
        Optional<Url> url = url(c, service, filesByDisplayPath);
        Optional<String> host =
            url.flatMap(u -> host(resolve(u.text(), c))).map(h -> h.toLowerCase(Locale.ROOT));
        Optional<DatabaseServer> server = host.map(byHost::get);
        // A URL naming a PgBouncer service reaches the server that PgBouncer connects to.
        Optional<ComposePgBouncer> through =
            server.isPresent() ? Optional.empty() : host.map(poolerByHost::get);
        if (through.isPresent()) {
          server = backend(through.get(), byHost);
        }
        if (server.isEmpty() && url.isEmpty()) {
          // No JDBC URL in sight (the image's own config builds it): the one database server the
          // service depends_on is the one it uses.
          Optional<ComposeProject.Service> composed =
              p.project().services().stream()
                  .filter(s -> s.position().equals(w.get().position()))
                  .findFirst();
          List<String> names = composed.map(ComposeProject.Service::dependsOn).orElse(List.of());
          List<DatabaseServer> dependedOn =
              p.servers().stream()
                  .filter(
                      d ->
                          p.project().services().stream()
                              .anyMatch(
                                  s ->
                                      names.contains(s.name())
                                          && s.position().equals(d.position())))
                  .toList();
          if (dependedOn.size() == 1) {
            server = Optional.of(dependedOn.get(0));
            url = Optional.of(new Url("depends_on", w.get().position()));
          }
        }
        if (server.isEmpty()) {
          continue;
        }
        DataSource ds =
            service.dataSources().stream()
                .filter(d -> d.name().equals("default"))
                .findFirst()
                .orElse(service.dataSources().get(0));
        List<DatabaseServer.Client> list =
            clients.computeIfAbsent(server.get().name(), k -> new ArrayList<>());
        DatabaseServer.Client client =
            new DatabaseServer.Client(
                service.name(),
                ds.name(),
                url.get().position(),
                url.get().text().equals("depends_on") ? "depends_on" : "JDBC URL",
                w.get().position(),
                through.map(ComposePgBouncer::service),
                urlArgument(
                    resolve(url.get().text(), c), "prepareThreshold", url.get().position()));
        if (!list.contains(client)) {
          list.add(client);
        }
      }
      for (DatabaseServer server : p.servers()) {
        out.add(server.withClients(clients.getOrDefault(server.name(), List.of())));
      }
    }
    return out;
  }

  /** The database servers of a project by every name they are reached by, in lower case. */
  static Map<String, DatabaseServer> byHost(ComposeStacks.Project p) {
    Map<String, DatabaseServer> byHost = new TreeMap<>();
    for (DatabaseServer server : p.servers()) {
      for (ComposeProject.Service s : p.project().services()) {
        if (s.position().equals(server.position())) {
          s.names().forEach(n -> byHost.putIfAbsent(n.toLowerCase(Locale.ROOT), server));
        }
      }
    }
    return byHost;
  }

  /** The database server a PgBouncer connects to: the first of its hosts that names one. */
  static Optional<DatabaseServer> backend(
      ComposePgBouncer pooler, Map<String, DatabaseServer> byHost) {
    return pooler.backends().stream()
        .map(b -> byHost.get(b.host().toLowerCase(Locale.ROOT)))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /**
   * An argument of a JDBC URL's query as the PostgreSQL JDBC driver reads it ({@code
   * Driver.parseURL}): arguments split on {@code &}, names compared exactly, values URL-decoded.
   */
  static Optional<DatabaseServer.Setting> urlArgument(
      String url, String name, SourcePosition position) {
    int q = url.indexOf('?');
    Optional<DatabaseServer.Setting> found = Optional.empty();
    if (!url.startsWith("jdbc:postgresql:") || q < 0) {
      return found;
    }
    for (String token : url.substring(q + 1).split("&")) {
      int eq = token.indexOf('=');
      if (eq > 0 && token.substring(0, eq).equals(name)) {
        try {
          String value =
              java.net.URLDecoder.decode(
                  token.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
          found = Optional.of(new DatabaseServer.Setting(name, value, position, "JDBC URL"));
        } catch (IllegalArgumentException e) {
          return Optional.empty(); // the driver refuses the URL
        }
      }
    }
    return found;
  }

  /** A database server no service uses: found, but no budget is checked for it. */
  static List<dev.poolguard.core.model.Diagnostic> untied(List<DatabaseServer> servers) {
    return servers.stream()
        .filter(s -> s.clients().isEmpty())
        .map(
            s ->
                dev.poolguard.core.model.Diagnostic.notUsed(
                    s.position(),
                    s.source()
                        + " runs "
                        + s.engine().label()
                        + ", but no service's JDBC URL names it (nor depends_on it): no connection"
                        + " budget is checked for it"))
        .toList();
  }

  /** The files the servers' settings were read from, as display paths. */
  static java.util.Set<String> filesRead(List<DatabaseServer> servers, Display display) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (DatabaseServer s : servers) {
      s.postgresqlConf().ifPresent(p -> out.add(display.of(p)));
      s.settings().values().forEach(v -> out.add(v.position().path()));
    }
    return out;
  }

  /** A container's JDBC URL: its arguments, its environment, else its service's config files. */
  static Optional<Url> url(
      Container c, Service service, Map<String, ConfigFile> filesByDisplayPath) {
    for (Arg a : c.args()) {
      if (a.text().startsWith("--spring.datasource.url=")) {
        return Optional.of(new Url(a.text().substring(a.text().indexOf('=') + 1), a.position()));
      }
    }
    for (String name : URL_ENV) {
      for (EnvVar e : c.env()) {
        if (e.name().equalsIgnoreCase(name) && e.source() instanceof EnvSource.Literal l) {
          return Optional.of(new Url(l.value(), e.position()));
        }
      }
    }
    for (EnvVar e : c.env()) {
      // A JDBC URL under a name of the application's own (DATABASE_URL), which its config reads.
      if (e.source() instanceof EnvSource.Literal l && l.value().startsWith("jdbc:")) {
        return Optional.of(new Url(l.value(), e.position()));
      }
    }
    Optional<Url> found = Optional.empty();
    for (String display : service.configFiles()) {
      ConfigFile file = filesByDisplayPath.get(display);
      if (file == null) {
        continue;
      }
      for (ConfigNode doc : file.documents()) {
        Optional<Url> inDoc = find(doc, "");
        if (inDoc.isPresent()) {
          found = inDoc;
        }
      }
    }
    return found;
  }

  /**
   * A JDBC URL key in a document, nested or dotted, any spelling Spring's relaxed binding takes.
   */
  private static Optional<Url> find(ConfigNode node, String prefix) {
    if (node instanceof ScalarNode s && !s.isNull() && URL_KEYS.contains(uniform(prefix))) {
      return Optional.of(new Url(s.value(), s.position()));
    }
    if (node instanceof MapNode map) {
      Optional<Url> last = Optional.empty();
      for (MapNode.Entry e : map.entries()) {
        String key = prefix.isEmpty() ? e.key().value() : prefix + "." + e.key().value();
        if (URL_KEYS.stream().anyMatch(k -> k.startsWith(uniform(key)))) {
          Optional<Url> inner = find(e.value(), key);
          if (inner.isPresent()) {
            last = inner;
          }
        }
      }
      return last;
    }
    return Optional.empty();
  }

  private static String uniform(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** {@code ${NAME}} and {@code ${NAME:default}} resolved against the container's variables. */
  static String resolve(String text, Container c) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      int end = start < 0 ? -1 : text.indexOf('}', start);
      if (start < 0 || end < 0) {
        out.append(text.substring(i));
        break;
      }
      out.append(text, i, start);
      String body = text.substring(start + 2, end);
      int colon = body.indexOf(':');
      String name = colon < 0 ? body : body.substring(0, colon);
      Optional<String> value = variable(name, c);
      out.append(value.orElse(colon < 0 ? "" : body.substring(colon + 1)));
      i = end + 1;
    }
    return out.toString();
  }

  private static Optional<String> variable(String name, Container c) {
    String envForm = name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    for (EnvVar e : c.env()) {
      if ((e.name().equals(name) || e.name().equals(envForm))
          && e.source() instanceof EnvSource.Literal l) {
        return Optional.of(l.value());
      }
    }
    return Optional.empty();
  }

  /** The first host of a JDBC URL ({@code jdbc:postgresql://db:5432/app} gives {@code db}). */
  static Optional<String> host(String url) {
    int slashes = url.indexOf("//");
    if (!url.startsWith("jdbc:") || slashes < 0) {
      return Optional.empty();
    }
    String rest = url.substring(slashes + 2);
    int at = rest.indexOf('@');
    int stop = rest.length();
    for (char ch : new char[] {'/', ',', '?', ';'}) {
      int k = rest.indexOf(ch);
      if (k >= 0 && k < stop) {
        stop = k;
      }
    }
    if (at >= 0 && at < stop) {
      rest = rest.substring(at + 1);
      stop -= at + 1;
    }
    String hostPort = rest.substring(0, stop);
    int colon = hostPort.lastIndexOf(':');
    String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    return host.isBlank() ? Optional.empty() : Optional.of(host);
  }
}
