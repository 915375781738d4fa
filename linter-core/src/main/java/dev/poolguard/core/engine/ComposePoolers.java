package dev.poolguard.core.engine;

import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.compose.ComposePgBouncer;
import dev.poolguard.core.model.compose.ComposePgBouncers;
import dev.poolguard.core.model.compose.ComposeProject;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The PgBouncer compose services of a run: each one services connect to by JDBC URL becomes the
 * pooler of the database server it connects to (a pooler poolguard.yaml declares for that database
 * wins), and each one left out is said in a note.
 */
final class ComposePoolers {

  private ComposePoolers() {}

  /** The poolers by the name of the database server behind them. */
  static Map<String, Pooler> byDatabase(
      ComposeStacks stacks, List<DatabaseServer> servers, PoolguardConfig config) {
    Map<String, Pooler> out = new TreeMap<>();
    for (ComposeStacks.Project p : stacks.projects()) {
      Map<String, DatabaseServer> byHost = ComposeLinks.byHost(p);
      for (ComposePgBouncer pb : p.poolers()) {
        Optional<DatabaseServer> backend = ComposeLinks.backend(pb, byHost);
        if (backend.isEmpty() || clients(pb, backend.get(), servers).isEmpty()) {
          continue;
        }
        String database = backend.get().name();
        DatabaseConfig declared = config.databases().get(database);
        if (declared == null || declared.pooler().isEmpty()) {
          out.putIfAbsent(database, pb.pooler());
        }
      }
    }
    return out;
  }

  /** The files read for the poolers (mounted pgbouncer.ini files and their includes). */
  static Set<Path> files(ComposeStacks stacks) {
    Set<Path> out = new HashSet<>();
    stacks.projects().forEach(p -> p.poolers().forEach(pb -> out.addAll(pb.files())));
    return out;
  }

  /** What was seen of each PgBouncer service that no budget checks. */
  static List<Diagnostic> notes(ComposeStacks stacks, List<DatabaseServer> servers) {
    List<Diagnostic> out = new ArrayList<>();
    for (ComposeStacks.Project p : stacks.projects()) {
      Map<String, DatabaseServer> byHost = ComposeLinks.byHost(p);
      Set<String> known = new HashSet<>();
      for (ComposePgBouncer pb : p.poolers()) {
        known.add(pb.service());
        Optional<DatabaseServer> backend = ComposeLinks.backend(pb, byHost);
        String runs = "compose service " + pb.service() + " runs PgBouncer (" + sets(pb) + ")";
        if (backend.isEmpty()) {
          out.add(
              Diagnostic.notUsed(
                  pb.position(),
                  runs
                      + ", but "
                      + (pb.backends().isEmpty()
                          ? "no [databases] entry names a host"
                          : "the host it connects to ("
                              + String.join(
                                  ", ",
                                  pb.backends().stream()
                                      .map(b -> b.host() + " from " + b.how())
                                      .distinct()
                                      .toList())
                              + ") is no database service of this compose project")
                      + ": the connection budgets of its clients are not checked"));
        } else if (clients(pb, backend.get(), servers).isEmpty()) {
          out.add(
              Diagnostic.notUsed(
                  pb.position(),
                  runs
                      + " in front of "
                      + backend.get().name()
                      + ", but no service's JDBC URL names it: no pooler budget is checked for"
                      + " it"));
        }
      }
      for (ComposeProject.Service s : p.project().services()) {
        if (ComposePgBouncers.isPgBouncer(s) && !known.contains(s.name())) {
          out.add(
              Diagnostic.notUsed(
                  s.position(),
                  "compose service "
                      + s.name()
                      + " runs PgBouncer (image "
                      + s.image().orElse("none")
                      + "), but mounts no pgbouncer.ini poolguard can read and the image is not one"
                      + " whose environment poolguard reads (edoburu/pgbouncer,"
                      + " bitnami/pgbouncer): its settings and clients are not checked"));
        }
      }
    }
    return out;
  }

  /** "max_client_conn 100, default_pool_size 20, pool_mode transaction, 1 instance". */
  private static String sets(ComposePgBouncer pb) {
    Pooler p = pb.pooler();
    return "pool_mode "
        + p.setting("pool_mode").map(Pooler.Setting::value).orElse("session")
        + ", max_client_conn "
        + p.number("max_client_conn")
        + ", default_pool_size "
        + p.number("default_pool_size")
        + ", "
        + p.number(Pooler.INSTANCES)
        + (p.number(Pooler.INSTANCES) == 1 ? " instance" : " instances");
  }

  private static List<DatabaseServer.Client> clients(
      ComposePgBouncer pb, DatabaseServer backend, List<DatabaseServer> servers) {
    return servers.stream()
        .filter(s -> s.name().equals(backend.name()))
        .flatMap(s -> s.clients().stream())
        .filter(c -> c.through().filter(pb.service()::equals).isPresent())
        .toList();
  }
}
