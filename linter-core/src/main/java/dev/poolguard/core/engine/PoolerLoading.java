package dev.poolguard.core.engine;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.pooler.IniPoolers;
import dev.poolguard.core.model.pooler.ManifestPoolers;
import dev.poolguard.core.model.pooler.PgBouncerIni;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolerConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the pooler of every database in poolguard.yaml that declares one ({@code pooler:}), each
 * file through the run's boundary, once per run, with poolguard.yaml's instance count and version
 * over what the file says.
 */
record PoolerLoading(Map<String, Pooler> byDatabase, Set<Path> files) {

  static PoolerLoading load(PoolguardConfig project, Workspace workspace) {
    Map<String, Pooler> out = new TreeMap<>();
    Set<Path> files = new TreeSet<>();
    for (DatabaseConfig db : project.databases().values()) {
      if (db.pooler().isPresent()) {
        PoolerConfig pooler = db.pooler().get();
        pooler
            .config()
            .or(pooler::manifest)
            .ifPresent(p -> files.add(p.toAbsolutePath().normalize()));
        out.put(db.name(), withDeclared(read(project, workspace, pooler, files), db));
      }
    }
    return new PoolerLoading(out, files);
  }

  private static Pooler read(
      PoolguardConfig project, Workspace workspace, PoolerConfig config, Set<Path> read) {
    if (config.config().isPresent()) {
      Path file = config.config().get();
      PostgresConf.Files files =
          PostgresConf.Files.of(workspace::refusal, path -> DatabaseBudget.display(project, path));
      PgBouncerIni ini = PgBouncerIni.load(file, files, Optional.of(config.positionOf("config")));
      read.addAll(ini.files());
      return IniPoolers.of(ini, DatabaseBudget.display(project, file));
    }
    Path file = config.manifest().orElseThrow();
    ConfigFile manifest = workspace.load(file);
    SourcePosition at = config.positionOf("manifest");
    Optional<LoadProblem> unreadable =
        manifest.problems().stream()
            .filter(p -> p.kind() == LoadProblem.Kind.UNPARSEABLE)
            .findFirst();
    if (unreadable.isPresent()) {
      return broken(manifest.displayPath(), at, unreadable.get().message());
    }
    List<Pooler> found = ManifestPoolers.of(manifest);
    if (config.name().isPresent()) {
      found = found.stream().filter(p -> p.name().equals(config.name().get())).toList();
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    String what =
        found.isEmpty()
            ? "declares no CloudNativePG Pooler and no Zalando postgresql with a connection pooler"
                + config.name().map(n -> " named " + n).orElse("")
            : "declares "
                + found.size()
                + " poolers ("
                + String.join(", ", found.stream().map(Pooler::name).toList())
                + "): set pooler.name to one of them";
    return broken(manifest.displayPath(), at, manifest.displayPath() + " " + what);
  }

  private static Pooler broken(String display, SourcePosition at, String message) {
    return new Pooler(
        Pooler.Kind.CLOUDNATIVEPG,
        display,
        at,
        Map.of(),
        List.of(),
        List.of(new PostgresConf.Problem(message, at)));
  }

  private static Pooler withDeclared(Pooler pooler, DatabaseConfig db) {
    PoolerConfig config = db.pooler().orElseThrow();
    Pooler out = pooler;
    if (config.instances().isPresent()) {
      out =
          out.with(
              new Pooler.Setting(
                  Pooler.INSTANCES,
                  String.valueOf(config.instances().getAsInt()),
                  config.positionOf("instances"),
                  Optional.empty()));
    }
    if (config.version().isPresent()) {
      out =
          out.with(
              new Pooler.Setting(
                  Pooler.VERSION,
                  config.version().get(),
                  config.positionOf("version"),
                  Optional.empty()));
    }
    return out;
  }
}
