package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.kustomize.Kustomize;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kustomize overlays of a run. When a service of poolguard.yaml names an overlay in {@code
 * deployment:}, those overlays are rendered; otherwise every kustomization no other one includes
 * is. The files a render read (bases, patches) are not read again as manifests of their own.
 */
final class Overlays {

  private final Workspace workspace;
  private final Set<Path> consumed = new HashSet<>();
  private final List<ConfigFile> rendered = new ArrayList<>();
  private final Map<String, Set<String>> objects = new HashMap<>();

  Overlays(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The kustomization file a {@code deployment:} path names: the file, or the one in a folder. */
  static Optional<Path> named(Path deployment) {
    Path p = deployment.toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      return Kustomize.fileIn(p);
    }
    return Kustomize.isKustomization(p) ? Optional.of(p) : Optional.empty();
  }

  void render(List<Path> candidates, PoolguardConfig config, List<String> notes) {
    Set<Path> wanted = new TreeSet<>();
    for (ServiceConfig service : config.services().values()) {
      service.deployment().forEach(d -> named(d).ifPresent(wanted::add));
    }
    Set<Path> found = new TreeSet<>(wanted);
    candidates.stream()
        .map(p -> p.toAbsolutePath().normalize())
        .filter(Kustomize::isKustomization)
        .forEach(found::add);
    Map<Path, Kustomize.Rendered> all = new LinkedHashMap<>();
    for (Path k : found) {
      Kustomize.Rendered r = Kustomize.render(k, inputs());
      all.put(k, r);
      consumed.addAll(r.inputs());
      consumed.add(k);
    }
    for (Map.Entry<Path, Kustomize.Rendered> e : all.entrySet()) {
      boolean included =
          all.entrySet().stream()
              .anyMatch(
                  o ->
                      !o.getKey().equals(e.getKey()) && o.getValue().inputs().contains(e.getKey()));
      boolean use = wanted.isEmpty() ? !included : wanted.contains(e.getKey());
      if (!use) {
        continue;
      }
      notes.addAll(e.getValue().notes());
      ConfigFile file = e.getValue().file();
      workspace.keep("kustomize:" + e.getKey(), file);
      rendered.add(file);
      objects.put(file.displayPath(), Overlays.objectNames(file));
    }
  }

  /** The {@code metadata.name} of every object a rendered file holds. */
  static Set<String> objectNames(ConfigFile file) {
    Set<String> names = new HashSet<>();
    for (ConfigNode doc : file.documents()) {
      if (doc instanceof MapNode m) {
        m.map("metadata").flatMap(meta -> meta.text("name")).ifPresent(names::add);
      }
    }
    return names;
  }

  boolean consumed(Path file) {
    return consumed.contains(file.toAbsolutePath().normalize());
  }

  List<ConfigFile> files() {
    return List.copyOf(rendered);
  }

  /** The object names an overlay rendered, by the display path of its kustomization file. */
  Set<String> objects(String kustomizationDisplayPath) {
    return objects.getOrDefault(kustomizationDisplayPath, Set.of());
  }

  private Kustomize.Inputs inputs() {
    return new Kustomize.Inputs() {
      @Override
      public ConfigFile load(Path file) {
        return workspace.load(file);
      }

      @Override
      public Optional<String> text(Path file) {
        return workspace.text(file);
      }

      @Override
      public String display(Path file) {
        return workspace.display().of(file);
      }

      @Override
      public Optional<String> refusal(Path file) {
        return workspace.refusal(file);
      }
    };
  }
}
