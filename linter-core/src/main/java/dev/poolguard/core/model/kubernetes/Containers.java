package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Workload;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Picks the application container of a workload; sidecars are not the application. */
final class Containers {

  private Containers() {}

  /**
   * The container named by {@code container:} in {@code poolguard.yaml}; else the only container;
   * else the one named like the workload; else none.
   */
  public static AppContainer app(Workload workload, Optional<String> configured) {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(configured, "configured");
    String names =
        workload.containers().stream()
            .map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", "));
    if (configured.isPresent()) {
      return workload
          .container(configured.get())
          .map(c -> new AppContainer(Optional.of(c), "named by container: in poolguard.yaml"))
          .orElseGet(
              () ->
                  none(
                      workload.describe()
                          + " has no container named '"
                          + configured.get()
                          + "' (it has "
                          + (names.isEmpty() ? "none" : names)
                          + ")"));
    }
    if (workload.containers().isEmpty()) {
      return none(workload.describe() + " has no containers");
    }
    if (workload.containers().size() == 1) {
      return new AppContainer(Optional.of(workload.containers().get(0)), "the only container");
    }
    return workload
        .container(workload.name())
        .map(
            c ->
                new AppContainer(
                    Optional.of(c), "named like the " + workload.kind().manifestKind()))
        .orElseGet(
            () ->
                none(
                    workload.describe()
                        + " has containers "
                        + names
                        + " and none is named '"
                        + workload.name()
                        + "'; name the application's with container: in poolguard.yaml"));
  }

  private static AppContainer none(String reason) {
    return new AppContainer(Optional.empty(), reason);
  }
}
