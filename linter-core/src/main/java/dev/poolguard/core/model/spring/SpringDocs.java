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
      if (depth < MAX_IMPORT_DEPTH) {
        for (String location :
            SpringLists.listValue(List.of(layer), "spring.config.import").values()) {
          importedFile(file, location).ifPresent(f -> imports.addAll(docs(f, depth + 1, visiting)));
        }
      }
      out.add(new SpringDoc(file, props, onProfile, onCloud, imports));
    }
    visiting.remove(file.path().toAbsolutePath().normalize());
    return out;
  }

  /** A local file named by {@code spring.config.import}; other import kinds are not followed. */
  private Optional<SpringFile> importedFile(SpringFile from, String location) {
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
    Path target = base.resolve(l.startsWith("/") ? l.substring(1) : l).normalize();
    return input.loader().apply(target).map(f -> new SpringFile(f, target, from.location()));
  }

  private static Path classpathRoot(SpringFile file) {
    Path dir = file.path().getParent();
    if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("config")) {
      return dir.getParent();
    }
    return dir;
  }
}
