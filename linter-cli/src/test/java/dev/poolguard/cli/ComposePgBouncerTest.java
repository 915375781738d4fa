package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PgBouncer compose service as a user meets it: found by the JDBC URLs that name it, shown in
 * {@code model} with where each setting comes from, said in a note when nothing uses it, and
 * overruled by a pooler poolguard.yaml declares.
 */
class ComposePgBouncerTest {

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static final String STACK =
      "services:\n"
          + "  api:\n"
          + "    image: registry.example.com/api:1\n"
          + "    deploy: { replicas: 4 }\n"
          + "    environment:\n"
          + "      SPRING_DATASOURCE_URL: jdbc:postgresql://pgbouncer:6432/app\n"
          + "      SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE: \"30\"\n"
          + "  pgbouncer:\n"
          + "    image: edoburu/pgbouncer:1.24.1\n"
          + "    environment:\n"
          + "      DATABASE_URL: postgres://app:secret@db:5432/app\n"
          + "      MAX_CLIENT_CONN: \"100\"\n"
          + "  db:\n"
          + "    image: postgres:16\n"
          + "    command: postgres -c max_connections=50\n";

  @Test
  void theModelShowsThePoolerItsClientsAndWhereEachSettingComesFrom() throws IOException {
    write("compose.yaml", STACK);

    CliRun model = CliRun.inProcess(dir, "model");
    assertThat(model.exitCode()).as(model.err()).isZero();
    assertThat(model.out())
        .contains("used by api (default) JDBC URL through PgBouncer pgbouncer at compose.yaml:6")
        .contains("pooler of database db (PgBouncer compose service pgbouncer, compose.yaml:8:3)")
        .contains("max_client_conn       100         compose.yaml:12:7")
        .contains(
            "pool_mode             session     PgBouncer's default (POOL_MODE is not set, so the"
                + " image's entrypoint writes no pool_mode)")
        .contains("version               1.24.1      the tag of image edoburu/pgbouncer:1.24.1")
        .doesNotContain("secret");

    JSONObject json = new JSONObject(CliRun.inProcess(dir, "model", "-f", "json").out());
    assertThat(json.query("/databases/0/clients/0/through")).isEqualTo("pgbouncer");

    CliRun lint = CliRun.inProcess(dir, "lint", "--no-color");
    assertThat(lint.out())
        .contains(
            "compose.yaml:7:7: error: PgBouncer compose service pgbouncer in front of database db")
        .contains("[pooler-client-connections-exceeded]")
        .doesNotContain("database-connections-exceeded");
  }

  @Test
  void aPgBouncerNothingUsesOrThatReachesNoDatabaseIsSaid() throws IOException {
    write(
        "compose.yaml",
        "services:\n"
            + "  pgbouncer:\n"
            + "    image: bitnami/pgbouncer:1.24.1\n"
            + "    environment:\n"
            + "      POSTGRESQL_HOST: db\n"
            + "  external:\n"
            + "    image: edoburu/pgbouncer:1.24.1\n"
            + "    environment:\n"
            + "      DB_HOST: rds.example.com\n"
            + "  custom:\n"
            + "    image: example/pgbouncer:2\n"
            + "  db:\n"
            + "    image: postgres:16\n");

    CliRun lint = CliRun.inProcess(dir, "lint", "-v", "--no-color");
    assertThat(lint.err())
        .contains(
            "not used: compose.yaml:2:3: compose service pgbouncer runs PgBouncer (pool_mode"
                + " session, max_client_conn 100, default_pool_size 20, 1 instance) in front of db,"
                + " but no service's JDBC URL names it")
        .contains(
            "not used: compose.yaml:6:3: compose service external runs PgBouncer (pool_mode"
                + " session, max_client_conn 100, default_pool_size 20, 1 instance), but the host it"
                + " connects to (rds.example.com from DB_HOST) is no database service of this"
                + " compose project")
        .contains(
            "not used: compose.yaml:10:3: compose service custom runs PgBouncer (image"
                + " example/pgbouncer:2), but mounts no pgbouncer.ini poolguard can read")
        .doesNotContain("runs no service poolguard found");
  }

  @Test
  void aPoolerPoolguardYamlDeclaresForTheDatabaseWins() throws IOException {
    write("compose.yaml", STACK);
    write("pgbouncer.ini", "[databases]\napp = host=db\n[pgbouncer]\nmax_client_conn = 500\n");
    write(
        "poolguard.yaml",
        "version: 1\ndatabases:\n  db:\n    maxConnections: 50\n    pooler:\n      config: pgbouncer.ini\n"
            + "services:\n  api:\n    database: db\n");

    CliRun model = CliRun.inProcess(dir, "model");
    assertThat(model.out())
        .contains("pooler of database db (PgBouncer pgbouncer.ini")
        .contains("max_client_conn       500");
    CliRun lint = CliRun.inProcess(dir, "lint", "--no-color");
    assertThat(lint.out()).doesNotContain("[pooler-client-connections-exceeded]");
  }
}
