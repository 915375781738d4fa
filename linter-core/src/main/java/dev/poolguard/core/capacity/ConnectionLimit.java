package dev.poolguard.core.capacity;

import java.util.OptionalInt;

/**
 * How many connections a database accepts and how many of them applications may use.
 *
 * @param maxConnections the server's {@code max_connections}
 * @param reservedConnections slots kept back by policy ({@code reservedConnections} in
 *     poolguard.yaml) for admins, migrations, replication
 * @param serverReserved slots the server itself keeps from ordinary roles; 0 unless read from
 *     {@code postgresql.conf}
 */
public record ConnectionLimit(int maxConnections, int reservedConnections, int serverReserved) {

  /** PostgreSQL's default {@code superuser_reserved_connections}. */
  public static final int DEFAULT_SUPERUSER_RESERVED = 3;

  /** PostgreSQL's (16+) default {@code reserved_connections}. */
  public static final int DEFAULT_RESERVED = 0;

  public ConnectionLimit {
    Checks.atLeast("maxConnections", maxConnections, 0);
    Checks.atLeast("reservedConnections", reservedConnections, 0);
    Checks.atLeast("serverReserved", serverReserved, 0);
  }

  /** Numbers declared in poolguard.yaml: the server's own reservations are already netted out. */
  public static ConnectionLimit declared(int maxConnections, int reservedConnections) {
    return new ConnectionLimit(maxConnections, reservedConnections, 0);
  }

  /**
   * Numbers read from {@code postgresql.conf}; absent settings take PostgreSQL's defaults.
   *
   * @param reservedConnections poolguard.yaml's policy reservation, on top of the server's
   */
  public static ConnectionLimit fromPostgresqlConf(
      int maxConnections,
      OptionalInt superuserReservedConnections,
      OptionalInt serverReservedConnections,
      int reservedConnections) {
    int superuser = superuserReservedConnections.orElse(DEFAULT_SUPERUSER_RESERVED);
    int reserved = serverReservedConnections.orElse(DEFAULT_RESERVED);
    Checks.atLeast("superuser_reserved_connections", superuser, 0);
    Checks.atLeast("reserved_connections", reserved, 0);
    return new ConnectionLimit(maxConnections, reservedConnections, superuser + reserved);
  }

  /**
   * Connections the applications may open: {@code maxConnections − reservedConnections −
   * serverReserved}; negative when the reservations alone exceed the server's limit.
   */
  public long budget() {
    return (long) maxConnections - reservedConnections - serverReserved;
  }
}
