package dev.poolguard.core.baseline;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Redaction;
import java.util.List;
import java.util.Objects;

/**
 * The baseline of a run, as rules see it: what it is ({@code HEAD}, {@code baseline/snap.json}),
 * its effective model, and every change from it to the current model.
 */
public record BaselineView(
    String label, DeploymentModel model, List<Change> changes, Redaction redaction) {

  public BaselineView {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    changes = List.copyOf(changes);
    Objects.requireNonNull(redaction, "redaction");
  }

  /** A view whose changes show only values of the baseline model and shapes of secrets. */
  public BaselineView(String label, DeploymentModel model, List<Change> changes) {
    this(label, model, changes, model.redaction());
  }

  /**
   * The same view masking the current model's secret values too: a change shows values from both
   * sides.
   */
  public BaselineView against(DeploymentModel current) {
    return new BaselineView(label, model, changes, redaction.and(current.redaction()));
  }
}
