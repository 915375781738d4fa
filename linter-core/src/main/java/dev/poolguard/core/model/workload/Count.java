package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;

/**
 * A whole number from a manifest ({@code replicas}, {@code minReplicas}…), where it was written and
 * whether Kubernetes' default applied because it was not (or could not be read).
 *
 * @param value the number Kubernetes uses
 * @param position where it is written, or for a default the object it belongs to
 * @param defaulted true when the manifest does not state a usable value
 */
public record Count(int value, SourcePosition position, boolean defaulted) {

  public Count {
    Objects.requireNonNull(position, "position");
  }
}
