package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * One property as one source states it.
 *
 * @param written the name as written (file key, {@code -D} name, environment variable)
 * @param profiles the profiles it is written for; empty when it applies to every profile
 * @param base the canonical name without the profile prefix ({@link PropertyNames#canonical})
 * @param envKey for an environment variable, its {@link PropertyNames#envForm}; else empty
 * @param text the value as the source gives it (before expressions are expanded)
 * @param unknown why the value cannot be known (a Secret), when it cannot
 * @param origin where it was written
 * @param rank the source's precedence: a higher rank beats a lower one
 * @param order its position in the source: a later statement beats an earlier one
 */
record Prop(
    String written,
    List<String> profiles,
    String base,
    String envKey,
    String text,
    Optional<Value.Unknown> unknown,
    Origin origin,
    int rank,
    int order) {

  Prop {
    profiles = List.copyOf(profiles);
  }

  boolean isEnv() {
    return !envKey.isEmpty();
  }

  /**
   * Whether this states {@code canonicalBase}, unprofiled ({@code profile} null) or for a profile.
   */
  boolean states(String canonicalBase, String profile) {
    if (isEnv()) {
      String wanted = profile == null ? canonicalBase : "%" + profile + "." + canonicalBase;
      return envKey.equals(PropertyNames.envForm(wanted));
    }
    if (!base.equals(canonicalBase)) {
      return false;
    }
    return profile == null ? profiles.isEmpty() : profiles.contains(profile);
  }

  /** Whether it applies when the profiles of {@code chain} are active. */
  boolean visibleIn(List<String> chain) {
    return profiles.isEmpty() || profiles.stream().anyMatch(chain::contains);
  }
}
