package dev.poolguard.core.engine;

import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.spring.SpringInput;
import dev.poolguard.core.model.spring.SpringResolver;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Groups config files into services (from {@code poolguard.yaml}, else by folder) and resolves each
 * service's effective settings.
 */
final class ServiceAssembly {

  private static final int NEWEST_HIKARI = 7;

  private final PoolguardConfig config;
  private final Workspace workspace;
  private final LintRequest request;
  private final List<String> notes;

  ServiceAssembly(
      PoolguardConfig config, Workspace workspace, LintRequest request, List<String> notes) {
    this.config = config;
    this.workspace = workspace;
    this.request = request;
    this.notes = notes;
  }

  List<Service> services(List<Path> discovered) {
    List<Path> springFiles = new ArrayList<>();
    for (Path file : discovered) {
      if (SpringFile.isSpringConfigName(file.getFileName().toString())) {
        springFiles.add(file);
      }
    }
    List<Service> services = new ArrayList<>();
    List<Path> claimed = new ArrayList<>();
    for (ServiceConfig service : config.services().values()) {
      List<SpringFile> files = configuredFiles(service);
      files.forEach(f -> claimed.add(f.path()));
      if (files.isEmpty()) {
        notes.add(
            "service " + service.name() + ": no Spring config files found at its config: paths");
        continue;
      }
      services.addAll(resolve(service.name(), true, files, service.profiles()));
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
      services.addAll(resolve(name(group.getKey()), false, files, List.of()));
    }
    services.sort(Comparator.comparing(Service::name).thenComparing(Service::profileLabel));
    return services;
  }

  private List<Service> resolve(
      String name, boolean fixed, List<SpringFile> files, List<String> profiles) {
    SpringInput input =
        new SpringInput(
            name,
            fixed,
            files,
            profiles,
            request.profileOverride(),
            config.hikariVersion().orElse(NEWEST_HIKARI),
            workspace::loadIfPresent);
    return SpringResolver.resolve(input);
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
    return Optional.ofNullable(named.getFileName()).map(Path::toString).orElse("service") + suffix;
  }
}
