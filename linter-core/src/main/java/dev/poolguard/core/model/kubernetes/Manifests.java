package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigFile;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Reads Kubernetes manifests out of loaded YAML files into a {@link Cluster}. */
public final class Manifests {

  private Manifests() {}

  /**
   * True when a document of {@code file} is a Kubernetes object (has {@code apiVersion} and {@code
   * kind}).
   */
  public static boolean isManifest(ConfigFile file) {
    return file.documents().stream().anyMatch(ManifestReader::isObject);
  }

  /**
   * Reads every manifest document of {@code files}; documents that are not Kubernetes objects and
   * kinds poolguard does not use are skipped, odd shapes are noted in {@link Cluster#notes()}.
   * Without the files' text, the indentation of block values is inferred (see {@link #read(List,
   * Function)}).
   */
  public static Cluster read(List<ConfigFile> files) {
    return read(files, path -> Optional.empty());
  }

  /**
   * Like {@link #read(List)}, with the text of each file by its display path, so that files
   * embedded in ConfigMap block values get exact columns.
   */
  public static Cluster read(
      List<ConfigFile> files, Function<String, Optional<String>> sourceText) {
    Objects.requireNonNull(sourceText, "sourceText");
    Map<String, Optional<List<String>>> cache = new ConcurrentHashMap<>();
    Function<String, Optional<List<String>>> lines =
        path -> cache.computeIfAbsent(path, p -> sourceText.apply(p).map(t -> t.lines().toList()));
    return new ManifestReader(lines).read(files);
  }
}
