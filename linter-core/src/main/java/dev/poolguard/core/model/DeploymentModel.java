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
 * @param databases the database servers found among the files (compose services), sorted by name
 * @param poolers the PgBouncer in front of each database that poolguard.yaml gives one, by database
 *     name
 */
public record DeploymentModel(
    List<Service> services,
    List<String> notes,
    List<Diagnostic> diagnostics,
    Redaction redaction,
    List<DatabaseServer> databases,
    SortedMap<String, Pooler> poolers) {

  public DeploymentModel {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(redaction, "redaction");
    databases =
        databases.stream().sorted(java.util.Comparator.comparing(DatabaseServer::name)).toList();
    poolers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(poolers));
  }

  /** A model with the database servers found among the files, and no poolers. */
  public DeploymentModel(
      List<Service> services,
      List<String> notes,
      List<Diagnostic> diagnostics,
      Redaction redaction,
      List<DatabaseServer> databases) {
    this(services, notes, diagnostics, redaction, databases, new TreeMap<>());
  }

  /** A model with poolers and no database server found among the files. */
  public DeploymentModel(
      List<Service> services,
      List<String> notes,
      List<Diagnostic> diagnostics,
      Redaction redaction,
      SortedMap<String, Pooler> poolers) {
    this(services, notes, diagnostics, redaction, List.of(), poolers);
  }

  /** A model of services only: no database server or pooler was found. */
  public DeploymentModel(
      List<Service> services,
      List<String> notes,
      List<Diagnostic> diagnostics,
      Redaction redaction) {
    this(services, notes, diagnostics, redaction, List.of(), new TreeMap<>());
  }

  /**
   * The database server found among the files that {@code service}'s datasource {@code dataSource}
   * connects to, by its JDBC URL.
   */
  public java.util.Optional<DatabaseServer> databaseOf(Service service, String dataSource) {
    java.util.Optional<dev.poolguard.core.config.SourcePosition> workload =
        service.deployment().map(d -> d.workload().position());
    return databases.stream()
        .filter(
            d ->
                d.clients().stream()
                    .anyMatch(
                        c ->
                            c.service().equals(service.name())
                                && c.dataSource().equals(dataSource)
                                && workload.filter(c.workload()::equals).isPresent()))
        .findFirst();
  }

  /** The same model with the poolers poolguard.yaml ties to its databases. */
  public DeploymentModel withPoolers(Map<String, Pooler> byDatabase) {
    return new DeploymentModel(
        services, notes, diagnostics, redaction, databases, new TreeMap<>(byDatabase));
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
