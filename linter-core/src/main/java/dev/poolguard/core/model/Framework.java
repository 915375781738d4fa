package dev.poolguard.core.model;

import java.util.Locale;

/** The application framework that reads a service's configuration. */
public enum Framework {
  SPRING,
  QUARKUS,
  MICRONAUT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
