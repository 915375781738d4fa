package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.compose.ComposeDatabases;
import dev.poolguard.core.model.compose.ComposePgBouncer;
import dev.poolguard.core.model.compose.ComposePgBouncers;
import dev.poolguard.core.model.compose.ComposeProject;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.PoolguardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The docker-compose side of a run: which compose files make one project (poolguard.yaml's {@code
 * compose:} lists, else a folder's {@code compose.yaml} and its override file), their services as
 * workloads, and their database servers.
 */
final class ComposeStacks {

  private static final Pattern COMPOSE_NAME =
      Pattern.compile("(docker-)?compose([.-][^/]*)?\\.ya?ml", Pattern.CASE_INSENSITIVE);

  private static final List<String> DEFAULTS =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  private static final List<String> OVERRIDES =
      List.of(
          "compose.override.yaml",
          "compose.override.yml",
          "docker-compose.override.yaml",
          "docker-compose.override.yml");

  /** A project as read, its database servers and the PgBouncers whose settings are known. */
  record Project(
      ComposeProject project, List<DatabaseServer> servers, List<ComposePgBouncer> poolers) {}

  private final List<Project> projects;
  private final Set<Path> consumed;
  private final List<Diagnostic> unread;

  private ComposeStacks(List<Project> projects, Set<Path> consumed, List<Diagnostic> unread) {
    this.projects = List.copyOf(projects);
    this.consumed = Set.copyOf(consumed);
    this.unread = List.copyOf(unread);
  }

  static ComposeStacks none() {
    return new ComposeStacks(List.of(), Set.of(), List.of());
  }

  /** True for a file named like a compose file ({@code compose.yaml}, {@code docker-compose.*}). */
  static boolean isComposeName(Path file) {
    return COMPOSE_NAME.matcher(file.getFileName().toString()).matches();
  }

  /** Reads the projects among {@code candidates} and those poolguard.yaml lists. */
  static ComposeStacks read(
      List<Path> candidates, PoolguardConfig config, Workspace workspace, List<String> notes) {
    List<List<Path>> stacks = new ArrayList<>();
    Set<Path> listed = new HashSet<>();
    for (List<Path> stack : config.compose()) {
      List<Path> files = stack.stream().map(p -> p.toAbsolutePath().normalize()).toList();
      stacks.add(files);
      listed.addAll(files);
    }
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    for (Path p : candidates) {
      Path file = p.toAbsolutePath().normalize();
      if (isComposeName(file) && !listed.contains(file)) {
        byFolder.computeIfAbsent(file.getParent(), d -> new ArrayList<>()).add(file);
      }
    }
    List<Path> overlays = new ArrayList<>();
    for (List<Path> files : byFolder.values()) {
      Optional<Path> main = first(files, DEFAULTS);
      if (main.isEmpty()) {
        files.stream().sorted().forEach(f -> stacks.add(List.of(f)));
        continue;
      }
      List<Path> stack = new ArrayList<>(List.of(main.get()));
      first(files, OVERRIDES).ifPresent(stack::add);
      stacks.add(stack);
      files.stream().filter(f -> !stack.contains(f)).forEach(overlays::add);
    }
    Set<Path> consumed = new HashSet<>(listed);
    byFolder.values().forEach(consumed::addAll);
    Set<Path> extended = new HashSet<>();
    ComposeProject.Inputs inputs = inputs(workspace, extended);
    List<Project> projects = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (List<Path> stack : stacks) {
      List<ConfigFile> files = stack.stream().map(workspace::load).toList();
      ComposeProject project = ComposeProject.read(files, stack, inputs);
      notes.addAll(project.notes());
      List<DatabaseServer> servers = new ArrayList<>();
      for (DatabaseServer s : ComposeDatabases.of(project, inputs, notes)) {
        servers.add(names.add(s.name()) ? s : renamed(s, project.files().get(0)));
      }
      projects.add(new Project(project, servers, poolers(project, workspace)));
    }
    consumed.addAll(extended);
    List<Diagnostic> unread = new ArrayList<>();
    for (Path f : overlays) {
      if (!extended.contains(f)) {
        unread.add(
            Diagnostic.notUsed(
                SourcePosition.startOf(workspace.display().of(f)),
                "compose file not read: docker compose reads it only with -f; list it in"
                    + " poolguard.yaml compose: after the files it overlays"));
      }
    }
    return new ComposeStacks(projects, consumed, unread);
  }

  /** A second server of one name is told apart by its project's first file. */
  private static DatabaseServer renamed(DatabaseServer s, String file) {
    return new DatabaseServer(
        s.name() + "@" + file,
        s.engine(),
        s.source() + " in " + file,
        s.position(),
        s.settings(),
        s.postgresqlConf(),
        s.postgresqlConfAt(),
        s.clients());
  }

  private static Optional<Path> first(List<Path> files, List<String> names) {
    for (String name : names) {
      for (Path f : files) {
        if (f.getFileName().toString().equals(name)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** Compose files read as projects: they are neither manifests nor unknown YAML. */
  Set<Path> consumed() {
    return consumed;
  }

  /** Compose files seen but not read. */
  List<Diagnostic> unread() {
    return unread;
  }

  List<Project> projects() {
    return projects;
  }

  /** The services that are not database servers, as workloads. */
  List<Workload> workloads() {
    List<Workload> out = new ArrayList<>();
    for (Project p : projects) {
      Set<String> servers = new HashSet<>();
      p.servers().forEach(s -> servers.add(s.position().toString()));
      for (ComposeProject.Service s : p.project().services()) {
        // A PgBouncer is no application: it is noted as a pooler, not as a service not found.
        if (!servers.contains(s.position().toString()) && !ComposePgBouncers.isPgBouncer(s)) {
          out.add(s.workload(p.project().files().get(0)));
        }
      }
    }
    return out;
  }

  /**
   * The compose service built from the folder that holds {@code serviceRoot}: the service whose
   * {@code build} context is the nearest folder above it, when only one service builds there.
   */
  Optional<String> builtFrom(Path serviceRoot) {
    Path root = serviceRoot.toAbsolutePath().normalize();
    Map<Path, List<String>> byContext = new LinkedHashMap<>();
    for (Project p : projects) {
      for (ComposeProject.Service s : p.project().services()) {
        s.buildContext()
            .filter(root::startsWith)
            .ifPresent(c -> byContext.computeIfAbsent(c, k -> new ArrayList<>()).add(s.name()));
      }
    }
    return byContext.entrySet().stream()
        .max(java.util.Comparator.comparingInt(e -> e.getKey().getNameCount()))
        .filter(e -> e.getValue().size() == 1)
        .map(e -> e.getValue().get(0));
  }

  private static List<ComposePgBouncer> poolers(ComposeProject project, Workspace workspace) {
    PostgresConf.Files files =
        PostgresConf.Files.of(
            workspace::refusal, path -> workspace.display().of(path.toAbsolutePath().normalize()));
    List<ComposePgBouncer> out = new ArrayList<>();
    for (ComposeProject.Service s : project.services()) {
      ComposePgBouncers.of(s, files).ifPresent(out::add);
    }
    return out;
  }

  /** How compose reads its inputs here: through the run's workspace and boundary. */
  static ComposeProject.Inputs inputs(Workspace workspace, Set<Path> loaded) {
    return new ComposeProject.Inputs() {
      @Override
      public Optional<ConfigFile> load(Path file) {
        if (!Files.isRegularFile(file) || workspace.refusal(file).isPresent()) {
          return Optional.empty();
        }
        loaded.add(file.toAbsolutePath().normalize());
        return Optional.of(workspace.load(file));
      }

      @Override
      public Optional<String> text(Path file) {
        return workspace.refusal(file).isEmpty() ? workspace.text(file) : Optional.empty();
      }

      @Override
      public String display(Path file) {
        return workspace.display().of(file.toAbsolutePath().normalize());
      }

      @Override
      public List<Path> list(Path folder) {
        if (workspace.refusal(folder).isPresent() || !Files.isDirectory(folder)) {
          return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
          return s.filter(Files::isRegularFile).sorted().limit(100).toList();
        } catch (IOException e) {
          return List.of();
        }
      }
    };
  }
}
