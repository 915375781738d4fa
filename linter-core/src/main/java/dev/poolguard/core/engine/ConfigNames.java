package dev.poolguard.core.engine;

import dev.poolguard.core.model.spring.ExternalSources;
import dev.poolguard.core.model.spring.SpringFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged files a service reads under {@code spring.config.name} (the names: {@link
 * dev.poolguard.core.model.spring.ConfigNames}).
 */
final class ConfigNames {

  private ConfigNames() {}

  /** The names the deployment sets, if it sets any other than {@code application}. */
  static Optional<List<String>> of(ExternalSources external) {
    return dev.poolguard.core.model.spring.ConfigNames.of(external);
  }

  /**
   * The packaged files Spring reads under {@code names}: the {@code application} files leave, and
   * each folder the service's files come from (with its location rank) gives its {@code
   * <name>[-<profile>].yml|yaml|properties} files.
   */
  static List<SpringFile> renamed(
      List<SpringFile> packaged,
      Map<Path, Integer> folders,
      List<String> names,
      Workspace workspace) {
    Map<Path, Integer> ranks = new LinkedHashMap<>(folders);
    for (SpringFile f : packaged) {
      ranks.putIfAbsent(f.path().toAbsolutePath().normalize().getParent(), f.location());
    }
    List<SpringFile> out = new ArrayList<>();
    for (SpringFile f : packaged) {
      if (f.configName().equals("bootstrap") || !names.contains(f.configName()) && !isName(f)) {
        out.add(f); // a file named in poolguard.yaml itself, or bootstrap: kept as it was
      }
    }
    for (Map.Entry<Path, Integer> folder : ranks.entrySet()) {
      for (int rank = 0; rank < names.size(); rank++) {
        String name = names.get(rank);
        for (Path file : filesNamed(folder.getKey(), name)) {
          out.removeIf(f -> f.path().toAbsolutePath().normalize().equals(file));
          out.add(new SpringFile(workspace.load(file), file, folder.getValue(), name, rank));
        }
      }
    }
    return out;
  }

  /** Whether the file is one Spring would look for under its default name. */
  private static boolean isName(SpringFile f) {
    return SpringFile.isSpringConfigName(f.path().getFileName().toString());
  }

  private static List<Path> filesNamed(Path folder, String name) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isRegularFile)
          .map(p -> p.toAbsolutePath().normalize())
          .filter(p -> SpringFile.named(name).matcher(p.getFileName().toString()).matches())
          .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("bootstrap"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
