package dev.poolguard.core.baseline;

import dev.poolguard.core.model.DeploymentModel;
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
    java.util.Optional<String> revision) {

  public BaselineView {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    changes = List.copyOf(changes);
    Objects.requireNonNull(revision, "revision");
  }

  /** A baseline that is no git revision (a folder, a snapshot). */
  public BaselineView(String label, DeploymentModel model, List<Change> changes) {
    this(label, model, changes, java.util.Optional.empty());
  }
}
