package dev.poolguard.core.model;

/** The connection-pool library behind a datasource. */
public enum PoolKind {
  HIKARI("HikariCP"),
  AGROAL("Agroal");

  private final String displayName;

  PoolKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
