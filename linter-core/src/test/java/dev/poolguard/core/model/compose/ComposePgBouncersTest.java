package dev.poolguard.core.model.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PgBouncer compose services: which ones, and the settings their images' entrypoints write. */
class ComposePgBouncersTest {

  @TempDir Path dir;

  private final PostgresConf.Files files =
      new PostgresConf.Files() {
        @Override
        public Optional<String> refusal(Path file) {
          return Optional.empty();
        }

        @Override
        public String display(Path file) {
          return dir.relativize(file).toString();
        }
      };

  private ComposeProject.Service service(String compose) throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, compose);
    ConfigFile yaml =
        ConfigLoader.loadText(
            compose, "compose.yaml", ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
    ComposeProject.Inputs inputs =
        new ComposeProject.Inputs() {
          @Override
          public Optional<ConfigFile> load(Path f) {
            return Optional.empty();
          }

          @Override
          public Optional<String> text(Path f) {
            return Optional.empty();
          }

          @Override
          public String display(Path f) {
            return dir.relativize(f).toString();
          }

          @Override
          public List<Path> list(Path folder) {
            return List.of();
          }
        };
    return ComposeProject.read(List.of(yaml), List.of(file), inputs).services().get(0);
  }

  private Optional<ComposePgBouncer> pooler(String compose) throws IOException {
    return ComposePgBouncers.of(service(compose), files);
  }

  private static Map<String, String> settings(Pooler p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.settings().values().forEach(s -> out.put(s.name(), s.value()));
    return out;
  }

  @Test
  void edoburuReadsDatabaseUrlAsItsParseUrlDoes() throws IOException {
    ComposePgBouncer pb =
        pooler(
                "services:\n  pgbouncer:\n    image: docker.io/edoburu/pgbouncer:v1.23.1-p2\n"
                    + "    deploy:\n      replicas: 3\n    environment:\n"
                    + "      DATABASE_URL: postgres://app:s3cret@db.internal:6543/orders\n"
                    + "      MAX_CLIENT_CONN: \"500\"\n      POOL_SIZE: \"99\"\n")
            .orElseThrow();

    assertThat(pb.backends())
        .extracting(ComposePgBouncer.Backend::host)
        .containsExactly("db.internal");
    assertThat(pb.pooler().databases()).extracting(Pooler.Database::name).containsExactly("orders");
    // POOL_SIZE is written into [pgbouncer], where PgBouncer refuses it: default_pool_size stays.
    assertThat(pb.pooler().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown parameter: pgbouncer/pool_size"));
    assertThat(settings(pb.pooler()))
        .containsEntry("max_client_conn", "500")
        .containsEntry("default_pool_size", "20")
        .containsEntry(Pooler.INSTANCES, "3")
        .containsEntry(Pooler.VERSION, "v1.23.1-p2");
    assertThat(pb.pooler().setting("max_client_conn").orElseThrow().position().line()).isEqualTo(8);
    assertThat(pb.pooler().setting("pool_mode").orElseThrow().describe())
        .contains("POOL_MODE is not set, so the image's entrypoint writes no pool_mode");
  }

  @Test
  void edoburuWithoutUrlUsesDbVariablesAndEachOfDatabaseUrls() throws IOException {
    ComposePgBouncer hostOnly =
        pooler(
                "services:\n  pgbouncer:\n    image: edoburu/pgbouncer\n    environment:\n"
                    + "      DB_HOST: postgres\n")
            .orElseThrow();
    assertThat(hostOnly.pooler().databases())
        .extracting(Pooler.Database::name)
        .containsExactly("*");
    assertThat(hostOnly.backends().get(0).host()).isEqualTo("postgres");
    assertThat(hostOnly.pooler().setting(Pooler.VERSION)).isEmpty();

    ComposePgBouncer urls =
        pooler(
                "services:\n  pgbouncer:\n    image: edoburu/pgbouncer:1.22.1\n    environment:\n"
                    + "      DATABASE_URLS: postgres://a@db1/one,postgres://b@db2:5433/two\n")
            .orElseThrow();
    assertThat(urls.backends())
        .extracting(ComposePgBouncer.Backend::host)
        .containsExactly("db1", "db2");

    ComposePgBouncer none =
        pooler("services:\n  pgbouncer:\n    image: edoburu/pgbouncer:1.22.1\n").orElseThrow();
    assertThat(none.pooler().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("You must set DB_HOST env"));
  }

  @Test
  void bitnamiWritesItsDefaultsAndForcedUserAndDsns() throws IOException {
    ComposePgBouncer pb =
        pooler(
                "services:\n  pgbouncer:\n    image: bitnami/pgbouncer:1.24.1\n    environment:\n"
                    + "      PGBOUNCER_SET_DATABASE_USER: \"yes\"\n"
                    + "      PGBOUNCER_DSN_0: reports=host=replica port=5432 pool_size=7\n"
                    + "      PGBOUNCER_MAX_DB_CONNECTIONS: \"30\"\n")
            .orElseThrow();

    assertThat(pb.backends())
        .extracting(ComposePgBouncer.Backend::host, ComposePgBouncer.Backend::how)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "postgresql", "the image's default POSTGRESQL_HOST"),
            org.assertj.core.groups.Tuple.tuple("replica", "PGBOUNCER_DSN"));
    assertThat(pb.pooler().databases())
        .extracting(Pooler.Database::name)
        .containsExactly("postgres", "reports");
    assertThat(pb.pooler().databases().get(0).user()).contains("postgres");
    assertThat(pb.pooler().databases().get(1).poolSize()).hasValue(7);
    assertThat(settings(pb.pooler())).containsEntry("max_db_connections", "30");

    ComposePgBouncer wrongMode =
        pooler(
                "services:\n  pgbouncer:\n    image: bitnami/pgbouncer\n    environment:\n"
                    + "      PGBOUNCER_POOL_MODE: Transaction\n")
            .orElseThrow();
    assertThat(wrongMode.pooler().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("allowed values for PGBOUNCER_POOL_MODE"));
  }

  @Test
  void aMountedIniWinsOverTheEnvironmentThroughAFolderMount() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(
        dir.resolve("conf/pgbouncer.ini"),
        "[databases]\napp = host=db\n[pgbouncer]\nmax_client_conn = 250\n");
    ComposePgBouncer pb =
        pooler(
                "services:\n  pgbouncer:\n    image: edoburu/pgbouncer:1.22.1\n"
                    + "    volumes:\n      - ./conf:/etc/pgbouncer\n    environment:\n"
                    + "      DB_HOST: elsewhere\n      MAX_CLIENT_CONN: \"10\"\n")
            .orElseThrow();
    assertThat(settings(pb.pooler())).containsEntry("max_client_conn", "250");
    assertThat(pb.backends()).extracting(ComposePgBouncer.Backend::host).containsExactly("db");
    assertThat(pb.files()).containsExactly(dir.resolve("conf/pgbouncer.ini"));
  }

  @Test
  void anUnknownPgBouncerImageCountsOnlyWithAMountedIni() throws IOException {
    ComposeProject.Service bare =
        service("services:\n  bouncer:\n    image: example/pgbouncer:2\n");
    assertThat(ComposePgBouncers.isPgBouncer(bare)).isTrue();
    assertThat(ComposePgBouncers.of(bare, files)).isEmpty();
    assertThat(
            ComposePgBouncers.isPgBouncer(
                service("services:\n  web:\n    image: nginx:1\n    environment:\n      X: y\n")))
        .isFalse();
  }
}
