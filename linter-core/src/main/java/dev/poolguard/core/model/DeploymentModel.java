package dev.poolguard.core.model;

import java.util.List;

/**
 * The effective configuration of everything linted: services with their pools, what the resolvers
 * noticed along the way, and notes about what was read but could not be applied.
 *
 * @param services every service and profile variant, sorted by name and profiles
 * @param notes run notes (skipped files, unresolvable references), sorted
 * @param diagnostics observations for the rules, in discovery order
 */
public record DeploymentModel(
    List<Service> services, List<String> notes, List<Diagnostic> diagnostics) {

  public DeploymentModel {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** A model without diagnostics (a snapshot, a test). */
  public DeploymentModel(List<Service> services, List<String> notes) {
    this(services, notes, List.of());
  }
}
