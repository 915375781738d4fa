package dev.poolguard.core.baseline;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Redaction;
import java.util.List;
import java.util.Objects;

/**
 * The baseline of a run, as rules see it: what it is ({@code HEAD}, {@code baseline/snap.json}),
 * its effective model, every change from it to the current model, and for a git revision the commit
 * it resolved to.
 */
public record BaselineView(
    String label,
    DeploymentModel model,
    List<Change> changes,
    java.util.Optional<String> revision,
    Redaction redaction) {

  public BaselineView {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    changes = List.copyOf(changes);
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(redaction, "redaction");
  }

  /** A baseline that is no git revision (a folder, a snapshot). */
  public BaselineView(String label, DeploymentModel model, List<Change> changes) {
    this(label, model, changes, java.util.Optional.empty());
  }

  /**
   * A baseline whose changes show only values of the baseline model and shapes of secrets, until
   * {@link #against} adds the current model's secret values.
   */
  public BaselineView(
      String label,
      DeploymentModel model,
      List<Change> changes,
      java.util.Optional<String> revision) {
    this(label, model, changes, revision, model.redaction());
  }

  /**
   * The same view masking the current model's secret values too: a change shows values from both
   * sides.
   */
  public BaselineView against(DeploymentModel current) {
    return new BaselineView(label, model, changes, revision, redaction.and(current.redaction()));
  }
}
