package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.model.helm.HelmChart;
import dev.poolguard.core.project.HelmConfig;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Helm charts of a run: each service of poolguard.yaml that names one under {@code helm:} has
 * it rendered with Helm's engine. The chart's files and its values files are not read again as
 * manifests or skipped templates of their own.
 */
final class Charts {

  private final Workspace workspace;
  private final List<Path> chartFolders = new ArrayList<>();
  private final Set<Path> consumed = new HashSet<>();
  private final List<ConfigFile> rendered = new ArrayList<>();
  private final Map<String, Set<String>> objects = new HashMap<>();

  Charts(Workspace workspace) {
    this.workspace = workspace;
  }

  void render(PoolguardConfig config, List<String> notes) {
    for (ServiceConfig service : config.services().values()) {
      if (service.helm().isEmpty()) {
        continue;
      }
      HelmConfig helm = service.helm().get();
      chartFolders.add(helm.chart().toAbsolutePath().normalize());
      helm.values().forEach(v -> consumed.add(v.toAbsolutePath().normalize()));
      HelmChart.Rendered r =
          HelmChart.render(
              new HelmChart.Request(
                  helm.chart(),
                  helm.values(),
                  helm.set(),
                  helm.setPositions(),
                  helm.release().orElse(service.name()),
                  helm.namespace()),
              inputs());
      r.inputs().forEach(workspace::noteRead);
      notes.addAll(r.notes());
      workspace.relate(r.templates());
      ConfigFile file = r.file();
      workspace.keep("helm:" + service.name(), file);
      rendered.add(file);
      objects.put(service.name(), Overlays.objectNames(file));
    }
  }

  /** A chart's file or a values file a render used: not a manifest of its own. */
  boolean consumed(Path file) {
    Path p = file.toAbsolutePath().normalize();
    return consumed.contains(p) || chartFolders.stream().anyMatch(p::startsWith);
  }

  List<ConfigFile> files() {
    return List.copyOf(rendered);
  }

  /** The object names the chart of service {@code service} rendered. */
  Set<String> objects(String service) {
    return objects.getOrDefault(service, Set.of());
  }

  private HelmChart.Inputs inputs() {
    return new HelmChart.Inputs() {
      @Override
      public ConfigFile load(Path file) {
        return workspace.load(file);
      }

      @Override
      public String display(Path file) {
        return workspace.display().of(file);
      }

      @Override
      public Optional<String> refusal(Path file) {
        return workspace.refusal(file);
      }

      @Override
      public Limits limits() {
        return workspace.limits();
      }
    };
  }
}
