package dev.poolguard.core.model;

import java.util.List;

/**
 * The effective configuration of everything linted: services with their pools, and notes about what
 * was read but could not be applied.
 */
public record DeploymentModel(List<Service> services, List<String> notes) {

  public DeploymentModel {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
  }
}
