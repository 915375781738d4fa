package dev.poolguard.core.model.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Properties that make Spring Boot (2.4 and later) refuse to start while it processes config data,
 * before any bean exists: checked against {@code InvalidConfigDataPropertyException} and {@code
 * InactiveConfigDataAccessException} (Spring Boot 3.5 and 4.0).
 */
final class StartupChecks {

  private static final List<String> LEGACY = List.of("spring.profiles", "spring.profiles[0]");
  private static final List<String> PROFILE_CONTROL =
      List.of(
          "spring.profiles.active",
          "spring.profiles.active[0]",
          "spring.profiles.default",
          "spring.profiles.default[0]",
          "spring.profiles.include",
          "spring.profiles.include[0]");

  private StartupChecks() {}

  /** A property Spring refuses, and why. */
  record Refusal(Property property, String message) {}

  /**
   * What stops the application for these active profiles.
   *
   * @param external the deployment's sources (arguments, JSON, -D, environment)
   * @param docsInFileOrder every document of the service's config files
   * @param active the active profiles
   * @param onKubernetes whether {@code on-cloud-platform: kubernetes} documents are active
   */
  static List<Refusal> refusals(
      List<Layer> external,
      List<SpringDoc> docsInFileOrder,
      Set<String> active,
      boolean onKubernetes) {
    List<Refusal> out = new ArrayList<>();
    for (Layer layer : external) {
      legacy(layer).ifPresent(p -> out.add(legacyRefusal(p)));
    }
    for (SpringDoc doc : docsInFileOrder) {
      Optional<String> profile = doc.file().profile();
      if (profile.isPresent() && !active.contains(profile.get())) {
        continue; // Spring does not load the file of an inactive profile
      }
      check(doc, profile.isPresent(), onKubernetes, out);
    }
    return out;
  }

  private static void check(
      SpringDoc doc, boolean profileSpecific, boolean onKubernetes, List<Refusal> out) {
    Layer layer = doc.layer();
    legacy(layer).ifPresent(p -> out.add(legacyRefusal(p)));
    for (String name : PROFILE_CONTROL) {
      Optional<Property> p = layer.get(SpringNames.uniform(name));
      if (p.isEmpty()) {
        continue;
      }
      String key = p.get().writtenAs();
      if (profileSpecific) {
        out.add(
            new Refusal(
                p.get(),
                key
                    + " in the profile-specific file "
                    + doc.file().file().displayPath()
                    + ": Spring Boot refuses it at startup (InvalidConfigDataPropertyException);"
                    + " set the profiles in application.yml or the environment"));
      } else if (name.startsWith("spring.profiles.include")
          && (!doc.onProfile().isEmpty() || cloudInactive(doc, onKubernetes))) {
        // Only include is checked: Boot binds active and default with a handler of its own.
        out.add(
            new Refusal(
                p.get(),
                key
                    + " in a document activated by "
                    + (doc.onProfile().isEmpty() ? "on-cloud-platform" : "on-profile")
                    + ": Spring Boot refuses it at startup (InactiveConfigDataAccessException);"
                    + " set the profiles in a document without an activation condition"));
      }
    }
    for (SpringDoc imported : doc.imports()) {
      check(imported, profileSpecific, onKubernetes, out);
    }
  }

  private static boolean cloudInactive(SpringDoc doc, boolean onKubernetes) {
    return doc.onCloudPlatform().isPresent()
        && !(onKubernetes && doc.onCloudPlatform().get().equalsIgnoreCase("kubernetes"));
  }

  private static Optional<Property> legacy(Layer layer) {
    for (String name : LEGACY) {
      Optional<Property> p = layer.get(SpringNames.uniform(name));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Refusal legacyRefusal(Property p) {
    return new Refusal(
        p,
        p.writtenAs()
            + " selects documents the Spring Boot 2.3 way: Spring Boot 2.4 and later refuse it"
            + " at startup (InvalidConfigDataPropertyException); write"
            + " spring.config.activate.on-profile instead");
  }
}
