package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.model.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a Spring config file into documents, following {@code spring.config.import}. */
final class SpringDocs {

  private static final int MAX_IMPORT_DEPTH = 8;

  private final SpringInput input;

  SpringDocs(SpringInput input) {
    this.input = input;
  }

  /** The documents of {@code file}, in file order, each with its imports. */
  List<SpringDoc> of(SpringFile file) {
    return docs(file, 0, new HashSet<>());
  }

  private List<SpringDoc> docs(SpringFile file, int depth, Set<Path> visiting) {
    List<SpringDoc> out = new ArrayList<>();
    if (!visiting.add(file.path().toAbsolutePath().normalize())) {
      return out;
    }
    for (ConfigNode node : file.file().documents()) {
      List<Property> props = Flattener.flatten(node, Origin.Kind.FILE);
      Layer layer = Layer.of(props);
      List<String> onProfile =
          SpringLists.listValue(List.of(layer), "spring.config.activate.on-profile").values();
      Optional<String> onCloud =
          layer
              .get(SpringNames.uniform("spring.config.activate.on-cloud-platform"))
              .map(p -> p.value().value().strip());
      List<SpringDoc> imports = new ArrayList<>();
      List<SpringDoc.ImportTarget> targets = new ArrayList<>();
      if (depth < MAX_IMPORT_DEPTH) {
        for (String location :
            SpringLists.listValue(List.of(layer), "spring.config.import").values()) {
          importedPath(file, location)
              .ifPresent(
                  target -> {
                    targets.add(new SpringDoc.ImportTarget(target, file.location()));
                    input
                        .loader()
                        .apply(target)
                        .ifPresent(
                            f ->
                                imports.addAll(
                                    docs(
                                        new SpringFile(f, target, file.location()),
                                        depth + 1,
                                        visiting)));
                  });
        }
      }
      out.add(new SpringDoc(file, props, onProfile, onCloud, imports, targets));
    }
    visiting.remove(file.path().toAbsolutePath().normalize());
    return out;
  }

  /**
   * The documents of the profile-specific variant of an imported file ({@code pool-prod.yml} for
   * {@code pool.yml}), which {@code StandardConfigDataLocationResolver.resolveProfileSpecific} adds
   * once the profiles are known.
   */
  List<SpringDoc> variant(SpringDoc.ImportTarget target, String profile) {
    String name = target.path().getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return List.of();
    }
    Path variant =
        target.path().resolveSibling(name.substring(0, dot) + "-" + profile + name.substring(dot));
    return input
        .loader()
        .apply(variant)
        .map(f -> docs(new SpringFile(f, variant, target.location()), 1, new HashSet<>()))
        .orElse(List.of());
  }

  /** A local file named by {@code spring.config.import}; other import kinds are not followed. */
  private Optional<Path> importedPath(SpringFile from, String location) {
    String l = location.strip();
    if (l.startsWith("optional:")) {
      l = l.substring("optional:".length());
    }
    Path base = from.path().getParent();
    if (l.startsWith("classpath:")) {
      l = l.substring("classpath:".length());
      base = classpathRoot(from);
    } else if (l.startsWith("file:")) {
      l = l.substring("file:".length());
    } else if (l.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return Optional.empty();
    }
    l = l.replaceAll("\\[\\.[a-z]+]$", "");
    if (l.isEmpty() || base == null) {
      return Optional.empty();
    }
    return Optional.of(base.resolve(l.startsWith("/") ? l.substring(1) : l).normalize());
  }

  private static Path classpathRoot(SpringFile file) {
    Path dir = file.path().getParent();
    if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("config")) {
      return dir.getParent();
    }
    return dir;
  }
}
