package dev.poolguard.core.model.spring;

import java.util.List;
import java.util.Optional;

/**
 * One config document with its activation conditions and the documents it imports.
 *
 * @param file the file it is in
 * @param properties its properties, flattened
 * @param onProfile {@code spring.config.activate.on-profile}
 * @param onCloudPlatform {@code spring.config.activate.on-cloud-platform}
 * @param imports the documents {@code spring.config.import} brings in
 * @param importTargets the files {@code spring.config.import} names, found or not: Spring Boot also
 *     imports their profile-specific variants ({@code pool-prod.yml} for {@code pool.yml})
 */
record SpringDoc(
    SpringFile file,
    List<Property> properties,
    List<String> onProfile,
    Optional<String> onCloudPlatform,
    List<SpringDoc> imports,
    List<ImportTarget> importTargets) {

  /** A file named by {@code spring.config.import}, at the importing file's location rank. */
  record ImportTarget(java.nio.file.Path path, int location) {}

  SpringDoc {
    importTargets = List.copyOf(importTargets);
    properties = List.copyOf(properties);
    onProfile = List.copyOf(onProfile);
    imports = List.copyOf(imports);
  }

  Layer layer() {
    return Layer.of(properties);
  }

  boolean unconditional() {
    return onProfile.isEmpty() && onCloudPlatform.isEmpty();
  }
}
