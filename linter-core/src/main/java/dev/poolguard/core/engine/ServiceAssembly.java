package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Cluster;
import dev.poolguard.core.model.kubernetes.Manifests;
import dev.poolguard.core.model.kubernetes.Workload;
import dev.poolguard.core.model.quarkus.QuarkusInput;
import dev.poolguard.core.model.quarkus.QuarkusResolver;
import dev.poolguard.core.model.spring.ExternalSources;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.spring.SpringInput;
import dev.poolguard.core.model.spring.SpringResolver;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Groups config files into services (from {@code poolguard.yaml}, else by folder), ties them to the
 * Kubernetes workloads that run them, and resolves each service's effective settings.
 */
final class ServiceAssembly {

  private static final int NEWEST_HIKARI = 7;

  private final PoolguardConfig config;
  private final Workspace workspace;
  private final LintRequest request;
  private final List<String> notes;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Cluster cluster = Cluster.empty();
  private final Set<Workload> claimedWorkloads = new HashSet<>();
  private final List<ConfigFile> manifests = new ArrayList<>();
  private final List<Path> helmTemplates = new ArrayList<>();
  private final List<Path> plainFiles = new ArrayList<>();

  ServiceAssembly(
      PoolguardConfig config, Workspace workspace, LintRequest request, List<String> notes) {
    this.config = config;
    this.workspace = workspace;
    this.request = request;
    this.notes = notes;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The manifests read, the workloads among them and the Helm templates skipped. */
  UnusedFiles.Read read() {
    return new UnusedFiles.Read(
        List.copyOf(manifests), cluster, List.copyOf(helmTemplates), List.copyOf(plainFiles));
  }

  List<Service> services(List<Path> discovered) {
    List<Path> springFiles = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path file : discovered) {
      if (isHelmTemplate(file, workspace.text(file))) {
        helmTemplates.add(file);
        notes.add(
            "skipped "
                + workspace.display().of(file)
                + ": Helm template (render it first, e.g. helm template . | poolguard lint -)");
        continue;
      }
      if (SpringFile.isSpringConfigName(file.getFileName().toString())) {
        springFiles.add(file);
      } else if (ConfigLoader.formatOf(file)
          .filter(f -> f != ConfigFile.Format.PROPERTIES)
          .isPresent()) {
        others.add(file);
      }
    }
    for (ServiceConfig service : config.services().values()) {
      for (Path p : service.deployment()) {
        others.addAll(filesUnder(p));
      }
    }
    cluster = readManifests(others);
    List<Service> services = new ArrayList<>();
    List<Path> claimed = new ArrayList<>();
    for (ServiceConfig service : config.services().values()) {
      List<SpringFile> files = configuredFiles(service);
      files.forEach(f -> claimed.add(f.path()));
      Optional<Workload> workload = configuredWorkload(service);
      if (files.isEmpty() && workload.isEmpty()) {
        notes.add(
            "service "
                + service.name()
                + ": no Spring config files or manifests found at its config: and deployment: paths");
        continue;
      }
      services.addAll(
          resolve(
              service.name(),
              true,
              files,
              service.profiles(),
              workload,
              service.container(),
              service.framework()));
    }
    Map<Path, List<Path>> byRoot = new TreeMap<>();
    for (Path file : springFiles) {
      if (!claimed.contains(file)) {
        byRoot.computeIfAbsent(root(file), r -> new ArrayList<>()).add(file);
      }
    }
    for (Map.Entry<Path, List<Path>> group : byRoot.entrySet()) {
      List<SpringFile> files = new ArrayList<>();
      for (Path file : group.getValue()) {
        int location = file.getParent().equals(group.getKey()) ? 0 : 1;
        files.add(new SpringFile(workspace.load(file), file, location));
      }
      String name = name(group.getKey());
      List<Service> plain =
          resolve(
              name, false, files, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
      String resolvedName = plain.isEmpty() ? name : plain.get(0).name();
      Optional<Workload> workload = workloadNamed(resolvedName).or(() -> workloadNamed(name));
      services.addAll(
          workload.isPresent()
              ? resolve(name, false, files, List.of(), workload, Optional.empty(), Optional.empty())
              : plain);
    }
    for (Workload w : cluster.workloads()) {
      if (!claimedWorkloads.contains(w) && looksLikeSpring(w)) {
        services.addAll(
            resolve(
                w.name(),
                true,
                List.of(),
                List.of(),
                Optional.of(w),
                Optional.empty(),
                Optional.of(quarkusEnv(w) ? Framework.QUARKUS : Framework.SPRING)));
      }
    }
    services.sort(Comparator.comparing(Service::name).thenComparing(Service::profileLabel));
    return services;
  }

  private List<Service> resolve(
      String name,
      boolean fixed,
      List<SpringFile> packaged,
      List<String> profiles,
      Optional<Workload> workload,
      Optional<String> container,
      Optional<Framework> fixedFramework) {
    List<SpringFile> files = new ArrayList<>(packaged);
    ExternalSources external = ExternalSources.NONE;
    Optional<Deployments.Overrides> overrides = Optional.empty();
    if (workload.isPresent()) {
      claimedWorkloads.add(workload.get());
      overrides = new Deployments(cluster, workspace.limits(), notes).of(workload.get(), container);
      if (overrides.isPresent()) {
        external = overrides.get().sources();
        files.addAll(overrides.get().externalFiles());
        for (ConfigFile embedded : overrides.get().embeddedFiles()) {
          workspace.keep(embedded.displayPath() + "#" + embedded.hashCode(), embedded);
        }
      }
    }
    if (framework(files, fixedFramework) == Framework.QUARKUS) {
      return quarkus(name, files, profiles, workload, external, overrides);
    }
    SpringInput input =
        new SpringInput(
            name,
            fixed,
            files,
            profiles,
            request.profileOverride(),
            config.hikariVersion().orElse(NEWEST_HIKARI),
            workspace::loadIfPresent,
            external);
    List<Service> services = SpringResolver.resolve(input);
    if (workload.isEmpty() || overrides.isEmpty()) {
      return services;
    }
    Deployment deployment =
        new Deployment(
            workload.get(), cluster.autoscalersFor(workload.get()), overrides.get().container());
    List<Service> withDeployment = new ArrayList<>();
    for (Service s : services) {
      withDeployment.add(s.withDeployment(deployment));
      diagnostics.addAll(SpringResolver.environmentDiagnostics(input, s.name(), s.profileLabel()));
      for (Deployments.Unread u : overrides.get().unread()) {
        diagnostics.add(Deployments.unreadDiagnostic(u, s.name(), s.profileLabel()));
      }
    }
    return withDeployment;
  }

  private List<Service> quarkus(
      String name,
      List<SpringFile> files,
      List<String> profiles,
      Optional<Workload> workload,
      ExternalSources external,
      Optional<Deployments.Overrides> overrides) {
    List<ConfigFile> ordered =
        files.stream()
            .sorted(
                Comparator.comparingInt(SpringFile::location)
                    .thenComparing(f -> f.path().getFileName().toString().contains("-"))
                    .thenComparing(f -> f.file().format() != ConfigFile.Format.PROPERTIES))
            .map(SpringFile::file)
            .toList();
    List<dev.poolguard.core.model.ExternalSetting> settings =
        new ArrayList<>(external.environment());
    settings.addAll(external.systemProperties());
    List<Service> services =
        QuarkusResolver.resolve(
            new QuarkusInput(
                name,
                ordered,
                request.profileOverride().flatMap(p -> p.stream().findFirst()),
                profiles,
                settings));
    if (workload.isEmpty() || overrides.isEmpty()) {
      return services;
    }
    Deployment deployment =
        new Deployment(
            workload.get(), cluster.autoscalersFor(workload.get()), overrides.get().container());
    return services.stream().map(s -> s.withDeployment(deployment)).toList();
  }

  /**
   * The framework that reads the files: as configured, else from the build file beside them, else
   * from the keys (quarkus.* means Quarkus).
   */
  private static Framework framework(List<SpringFile> files, Optional<Framework> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    for (SpringFile f : files) {
      for (Path dir = f.path().getParent(); dir != null; dir = dir.getParent()) {
        Optional<Framework> fromBuild = fromBuildFile(dir);
        if (fromBuild.isPresent()) {
          return fromBuild.get();
        }
        if (dir.getFileName() != null && dir.getFileName().toString().equals("src")) {
          break;
        }
      }
    }
    for (SpringFile f : files) {
      for (dev.poolguard.core.config.ConfigNode doc : f.file().documents()) {
        if (doc instanceof dev.poolguard.core.config.MapNode map
            && map.entries().stream()
                .anyMatch(
                    e -> {
                      String k = e.key().value();
                      return k.equals("quarkus")
                          || k.startsWith("quarkus.")
                          || k.matches("%[^.]+\\.quarkus\\..*")
                          || k.startsWith("\"%");
                    })) {
          return Framework.QUARKUS;
        }
      }
    }
    return Framework.SPRING;
  }

  private static final int BUILD_FILE_BYTES = 4 << 20;

  private static Optional<Framework> fromBuildFile(Path dir) {
    for (String name : List.of("pom.xml", "build.gradle", "build.gradle.kts")) {
      Path build = dir.resolve(name);
      if (Files.isRegularFile(build)) {
        try {
          String text;
          try (InputStream in = Files.newInputStream(build)) {
            // Only a marker is looked for: the first megabytes are enough, and bounded.
            text = new String(in.readNBytes(BUILD_FILE_BYTES), StandardCharsets.UTF_8);
          }
          if (text.contains("io.quarkus")) {
            return Optional.of(Framework.QUARKUS);
          }
          if (text.contains("spring-boot") || text.contains("HikariCP")) {
            return Optional.of(Framework.SPRING);
          }
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Kubernetes manifests among the discovered files; Helm templates are skipped with a note. */
  private Cluster readManifests(List<Path> candidates) {
    List<ConfigFile> manifests = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : candidates) {
      Path p = path.toAbsolutePath().normalize();
      if (!seen.add(p)) {
        continue;
      }
      Optional<String> text = workspace.text(p);
      ConfigFile file = workspace.peek(p);
      boolean manifest =
          file.parsed()
              ? Manifests.isManifest(file)
              : text.map(t -> t.contains("apiVersion:") && t.contains("kind:")).orElse(false);
      if (manifest) {
        workspace.keep(p.toString(), file);
        manifests.add(file);
        this.manifests.add(file);
      } else if (file.parsed()) {
        plainFiles.add(p);
      }
    }
    if (request.stdin().isPresent()) {
      ConfigFile stdin =
          ConfigLoader.loadText(
              request.stdin().get(), "<stdin>", ConfigFile.Format.YAML, 0, 0, workspace.limits());
      workspace.keep("<stdin>", stdin);
      manifests.add(stdin);
    }
    Cluster read = Manifests.read(manifests, workspace::text);
    notes.addAll(read.notes());
    return read;
  }

  /**
   * A Helm chart template is not YAML until rendered: a file under {@code templates/} beside a
   * {@code Chart.yaml}, or one with a template action outside comments and quoted strings. Helm
   * {@code values*.yaml} files are plain YAML.
   */
  static boolean isHelmTemplate(Path file, Optional<String> text) {
    String name = file.getFileName().toString();
    if (name.startsWith("values")) {
      return false;
    }
    Path dir = file.getParent();
    if (dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("templates")
        && dir.getParent() != null
        && Files.isRegularFile(dir.getParent().resolve("Chart.yaml"))) {
      return true;
    }
    return text.map(t -> t.lines().anyMatch(ServiceAssembly::hasBareAction)).orElse(false);
  }

  /** A {@code {{ }}} action that is neither in a comment nor inside a quoted string. */
  private static boolean hasBareAction(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return false;
      } else if (c == '{' && line.startsWith("{{", i) && line.indexOf("}}", i) > 0) {
        return true;
      }
    }
    return false;
  }

  private Optional<Workload> configuredWorkload(ServiceConfig service) {
    if (!service.deployment().isEmpty()) {
      Set<String> paths = new HashSet<>();
      for (Path p : service.deployment()) {
        filesUnder(p).forEach(f -> paths.add(workspace.display().of(f)));
      }
      List<Workload> inFiles =
          cluster.workloads().stream().filter(w -> paths.contains(w.position().path())).toList();
      if (inFiles.size() == 1) {
        return Optional.of(inFiles.get(0));
      }
      Optional<Workload> named =
          inFiles.stream().filter(w -> w.name().equals(service.name())).findFirst();
      if (named.isEmpty() && !inFiles.isEmpty()) {
        notes.add(
            "service "
                + service.name()
                + ": several workloads in its deployment: files and none is named "
                + service.name());
      }
      return named;
    }
    return workloadNamed(service.name());
  }

  private Optional<Workload> workloadNamed(String name) {
    return cluster.workloads().stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /**
   * A workload whose container environment (env and envFrom) configures a Spring or Quarkus
   * datasource, and that is not itself a database server (which gets POSTGRES_* or MYSQL_*).
   */
  private boolean looksLikeSpring(Workload w) {
    for (var c : w.containers()) {
      var names =
          dev.poolguard.core.model.kubernetes.Environment.of(c, cluster, w.namespace())
              .entries()
              .keySet();
      boolean app =
          names.stream()
              .map(n -> n.toUpperCase(Locale.ROOT))
              .anyMatch(n -> n.startsWith("SPRING_DATASOURCE") || n.contains("QUARKUS_DATASOURCE"));
      boolean server =
          names.stream()
              .map(n -> n.toUpperCase(Locale.ROOT))
              .anyMatch(
                  n ->
                      n.startsWith("POSTGRES_")
                          || n.startsWith("MYSQL_")
                          || n.startsWith("MARIADB_"));
      if (app && !server) {
        return true;
      }
    }
    return false;
  }

  private static boolean quarkusEnv(Workload w) {
    return w.containers().stream()
        .flatMap(c -> c.env().stream())
        .anyMatch(e -> e.name().toUpperCase(Locale.ROOT).contains("QUARKUS_DATASOURCE"));
  }

  private static List<Path> filesUnder(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(p, 4)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> ConfigLoader.formatOf(f).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Files named by a service's {@code config:}: a file, or a folder and its {@code config/}. */
  private List<SpringFile> configuredFiles(ServiceConfig service) {
    List<SpringFile> files = new ArrayList<>();
    int rank = 0;
    for (Path entry : service.config()) {
      Path path = entry.toAbsolutePath().normalize();
      if (Files.isRegularFile(path)) {
        files.add(new SpringFile(workspace.load(path), path, rank));
      } else if (Files.isDirectory(path)) {
        for (Path file : springFilesIn(path)) {
          files.add(new SpringFile(workspace.load(file), file, rank));
        }
        for (Path file : springFilesIn(path.resolve("config"))) {
          files.add(new SpringFile(workspace.load(file), file, rank + 1));
        }
      } else {
        notes.add(
            "service "
                + service.name()
                + ": config path "
                + workspace.display().of(path)
                + " does not exist");
      }
      rank += 2;
    }
    return files;
  }

  private static List<Path> springFilesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> SpringFile.isSpringConfigName(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The folder a discovered config file belongs to: its own, or the parent of a {@code config/}.
   */
  private static Path root(Path file) {
    Path dir = file.getParent();
    if (dir.getFileName() != null
        && dir.getFileName().toString().equals("config")
        && dir.getParent() != null) {
      return dir.getParent();
    }
    return dir;
  }

  /** A service name from its folder: the module of {@code src/main/resources}, else the folder. */
  private String name(Path root) {
    Path module = root;
    String suffix = "";
    if (root.endsWith(Path.of("src", "main", "resources"))) {
      module = root.getParent().getParent().getParent();
    } else if (root.endsWith(Path.of("src", "test", "resources"))) {
      module = root.getParent().getParent().getParent();
      suffix = "-test";
    }
    Path named =
        module == null || module.getFileName() == null ? request.workingDirectory() : module;
    if (named.equals(request.workingDirectory())) {
      // A copy of the tree (a git revision, the index) is named like the work tree it came from.
      named = request.workTreeDirectory();
    }
    return Optional.ofNullable(named.getFileName()).map(Path::toString).orElse("service") + suffix;
  }
}
