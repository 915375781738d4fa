package dev.poolguard.core.baseline;

import dev.poolguard.core.model.DeploymentModel;
import java.util.List;
import java.util.Objects;

/**
 * The baseline of a run, as rules see it: what it is ({@code HEAD}, {@code baseline/snap.json}),
 * its effective model, and every change from it to the current model.
 */
public record BaselineView(String label, DeploymentModel model, List<Change> changes) {

  public BaselineView {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    changes = List.copyOf(changes);
  }
}
