package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Container;
import java.util.Objects;
import java.util.Optional;

/**
 * The container of a workload that runs the application, or none, with the reason either way (shown
 * by {@code --verbose} and in findings about a missing container).
 */
record AppContainer(Optional<Container> container, String reason) {

  public AppContainer {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(reason, "reason");
  }
}
