package dev.poolguard.core.model;

import dev.poolguard.core.model.pooler.Pooler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The effective configuration of everything linted: services with their pools, what the resolvers
 * noticed along the way, and notes about what was read but could not be applied.
 *
 * @param services every service and profile variant, sorted by name and profiles
 * @param notes run notes (skipped files, unresolvable references), sorted
 * @param diagnostics observations for the rules, in discovery order
 * @param redaction the secret values read on the way, which every output of the model masks
 * @param poolers the PgBouncer in front of each database that poolguard.yaml gives one, by database
 *     name
 */
public record DeploymentModel(
    List<Service> services,
    List<String> notes,
    List<Diagnostic> diagnostics,
    Redaction redaction,
    SortedMap<String, Pooler> poolers) {

  public DeploymentModel {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(redaction, "redaction");
    poolers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(poolers));
  }

  /** A model without poolers. */
  public DeploymentModel(
      List<Service> services,
      List<String> notes,
      List<Diagnostic> diagnostics,
      Redaction redaction) {
    this(services, notes, diagnostics, redaction, new TreeMap<>());
  }

  /** The same model with the poolers poolguard.yaml ties to its databases. */
  public DeploymentModel withPoolers(Map<String, Pooler> byDatabase) {
    return new DeploymentModel(services, notes, diagnostics, redaction, new TreeMap<>(byDatabase));
  }

  /** A model that knows no secret values beyond their shapes. */
  public DeploymentModel(List<Service> services, List<String> notes, List<Diagnostic> diagnostics) {
    this(services, notes, diagnostics, Redaction.none());
  }

  /** A model without diagnostics (a snapshot, a test). */
  public DeploymentModel(List<Service> services, List<String> notes) {
    this(services, notes, List.of());
  }
}
