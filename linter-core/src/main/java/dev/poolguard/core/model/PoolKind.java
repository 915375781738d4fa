package dev.poolguard.core.model;

/** The connection-pool library behind a datasource. */
public enum PoolKind {
  HIKARI("HikariCP"),
  AGROAL("Agroal"),
  TOMCAT("Tomcat JDBC"),
  DBCP2("Commons DBCP2");

  private final String displayName;

  PoolKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
