package dev.poolguard.oracle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Hikari pool one side says the application runs with.
 *
 * @param failure why the application does not start, if it does not
 * @param profiles the active profiles
 * @param effective the values HikariCP's getters return after {@code validate()}, by kebab-case key
 */
record PoolAnswer(Optional<String> failure, List<String> profiles, Map<String, Long> effective) {

  PoolAnswer {
    profiles = List.copyOf(profiles);
    effective = new TreeMap<>(effective);
  }

  static PoolAnswer fails(String why, List<String> profiles) {
    return new PoolAnswer(Optional.of(why), profiles, Map.of());
  }

  static PoolAnswer starts(List<String> profiles, Map<String, Long> effective) {
    return new PoolAnswer(Optional.empty(), profiles, effective);
  }

  /** Whether both sides build the same pool; failures agree whatever their messages say. */
  boolean agrees(PoolAnswer other) {
    if (failure.isPresent() || other.failure.isPresent()) {
      return failure.isPresent() && other.failure.isPresent();
    }
    return profiles.equals(other.profiles) && effective.equals(other.effective);
  }

  @Override
  public String toString() {
    return failure
        .map(f -> "fails to start (" + f + ")")
        .orElseGet(() -> "profiles " + profiles + " pool " + effective);
  }
}
