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
 */
record SpringDoc(
    SpringFile file,
    List<Property> properties,
    List<String> onProfile,
    Optional<String> onCloudPlatform,
    List<SpringDoc> imports) {

  SpringDoc {
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
