package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigFile;
import java.util.Objects;
import java.util.Optional;

/**
 * A config file held in a ConfigMap data entry, parsed with positions of the manifest itself.
 *
 * @param configMap the ConfigMap's name
 * @param namespace its namespace
 * @param key the data key, which is the file name when the ConfigMap is mounted
 * @param profile the Spring profile of an {@code application-<profile>.*} key
 * @param applicationFile true for {@code application.*} and {@code application-<profile>.*}
 * @param file the parsed file; its display path is the manifest's
 */
record EmbeddedFile(
    String configMap,
    String namespace,
    String key,
    Optional<String> profile,
    boolean applicationFile,
    ConfigFile file) {

  public EmbeddedFile {
    Objects.requireNonNull(configMap, "configMap");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(file, "file");
  }
}
