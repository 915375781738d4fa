package dev.poolguard.core.model.pooler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.postgres.PostgresConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBouncerIniTest {

  @TempDir Path dir;

  private PostgresConf.Files inside() {
    Path root = dir.toAbsolutePath().normalize();
    return new PostgresConf.Files() {
      @Override
      public Optional<String> refusal(Path file) {
        return file.toAbsolutePath().normalize().startsWith(root)
            ? Optional.empty()
            : Optional.of("not read: it leads outside the repository");
      }

      @Override
      public String display(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString();
      }
    };
  }

  private Pooler load(String name) {
    return IniPoolers.of(PgBouncerIni.load(dir.resolve(name), inside(), Optional.empty()), name);
  }

  @Test
  void settingsWithTheirLinesAndDefaults() throws Exception {
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        "; comment\n[databases]\n"
            + "orders = host=db dbname=orders pool_size=30 reserve_pool=4 pool_mode=transaction\n"
            + "* = host=db\n\n[pgbouncer]\n  max_client_conn = 500\n# comment\n"
            + "reserve_pool_size=2\n");
    Pooler p = load("pgbouncer.ini");
    assertThat(p.problems()).isEmpty();
    assertThat(p.number("max_client_conn")).isEqualTo(500);
    assertThat(p.setting("max_client_conn").orElseThrow().position().line()).isEqualTo(7);
    assertThat(p.setting("default_pool_size").orElseThrow().by()).isPresent();
    assertThat(p.number("default_pool_size")).isEqualTo(20);
    assertThat(p.setting("pool_mode").orElseThrow().value()).isEqualTo("session");
    assertThat(p.databases()).extracting(Pooler.Database::name).containsExactly("orders", "*");
    Pooler.Database orders = p.databases().get(0);
    assertThat(orders.position().line()).isEqualTo(3);
    assertThat(p.poolMode(orders)).isEqualTo("transaction");
    assertThat(p.serverConnections(orders)).isEqualTo(34);
    assertThat(p.serverConnections(p.databases().get(1))).isEqualTo(22);
    assertThat(p.serverConnectionsPerInstance()).isEqualTo(56);
  }

  @Test
  void includesInPlaceRelativeToTheIncludingFile() throws Exception {
    Files.createDirectories(dir.resolve("conf.d"));
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        "[pgbouncer]\nmax_client_conn = 10\n%include conf.d/more.ini\ndefault_pool_size = 3\n");
    Files.writeString(
        dir.resolve("conf.d/more.ini"), "max_client_conn = 40\ndefault_pool_size = 9\n");
    Pooler p = load("pgbouncer.ini");
    assertThat(p.problems()).isEmpty();
    assertThat(p.number("max_client_conn")).isEqualTo(40);
    assertThat(p.setting("max_client_conn").orElseThrow().position().path())
        .isEqualTo("conf.d/more.ini");
    assertThat(p.number("default_pool_size")).isEqualTo(3);
  }

  @Test
  void aSecondHeaderResetsTheSection() throws Exception {
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        "[pgbouncer]\nmax_client_conn = 10\n[databases]\nx = host=db\n[pgbouncer]\n");
    assertThat(load("pgbouncer.ini").number("max_client_conn")).isEqualTo(100);
  }

  @Test
  void anIncludeCycleStopsAtTenLevels() throws Exception {
    Files.writeString(dir.resolve("pgbouncer.ini"), "[pgbouncer]\n%include pgbouncer.ini\n");
    Pooler p = load("pgbouncer.ini");
    assertThat(p.problems()).hasSize(1);
    assertThat(p.problems().get(0).message()).contains("include nesting level too deep");
  }

  @Test
  void includesLeavingTheFolderAreNotRead() throws Exception {
    Files.writeString(dir.resolve("pgbouncer.ini"), "[pgbouncer]\n%include /etc/hostname\n");
    Pooler p = load("pgbouncer.ini");
    assertThat(p.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.message()).contains("outside the repository");
              assertThat(problem.position().line()).isEqualTo(2);
            });
  }

  @Test
  void refusedFiles() throws Exception {
    Files.writeString(dir.resolve("a.ini"), "max_client_conn = 5\n[pgbouncer]\n");
    assertThat(load("a.ini").problems().get(0).message()).contains("value without section");
    Files.writeString(dir.resolve("b.ini"), "[databases]\nx = host=db\n");
    assertThat(load("b.ini").problems().get(0).message()).contains("main section missing");
    Files.writeString(dir.resolve("c.ini"), "[pgbouncer\n");
    assertThat(load("c.ini").problems().get(0).message()).contains("syntax error");
    Files.writeString(dir.resolve("d.ini"), "[pgbouncer]\npool_mode = pooling\n");
    assertThat(load("d.ini").problems().get(0).message()).contains("pool_mode");
    assertThat(load("missing.ini").problems().get(0).message()).contains("missing");
    Files.write(
        dir.resolve("big.ini"),
        new byte[(int) dev.poolguard.core.config.Limits.DEFAULT.maxFileBytes() + 1]);
    assertThat(load("big.ini").problems().get(0).message()).contains("larger than");
  }

  @Test
  void numbersAsPgBouncerReadsThem() {
    assertThat(PgBouncerNumbers.strtol("0x40")).hasValue(64);
    assertThat(PgBouncerNumbers.strtol("010")).hasValue(8);
    assertThat(PgBouncerNumbers.strtol("+3")).hasValue(3);
    assertThat(PgBouncerNumbers.strtol("0")).hasValue(0);
    assertThat(PgBouncerNumbers.strtol("100 ; comment")).isEmpty();
    assertThat(PgBouncerNumbers.strtol("08")).isEmpty();
    assertThat(PgBouncerNumbers.strtol("")).isEmpty();
    assertThat(PgBouncerNumbers.strtol("99999999999")).isEmpty();
    assertThat(PgBouncerNumbers.atoi("12abc")).isEqualTo(12);
    assertThat(PgBouncerNumbers.atoi("abc")).isZero();
  }

  @Test
  void connectionStringPairsWithQuotes() {
    assertThat(IniPoolers.pairs("host=db password='it''s secret' pool_size=5"))
        .containsEntry("host", "db")
        .containsEntry("password", "it's secret")
        .containsEntry("pool_size", "5");
  }

  @Test
  void versions() {
    assertThat(PgBouncerVersion.atLeast("1.21.0", 1, 21)).hasValue(true);
    assertThat(PgBouncerVersion.atLeast("1.20.1", 1, 21)).hasValue(false);
    assertThat(PgBouncerVersion.atLeast("v1.24", 1, 24)).hasValue(true);
    assertThat(PgBouncerVersion.atLeast("latest", 1, 21)).isEmpty();
    assertThat(PgBouncerVersion.ofImage("ghcr.io/cloudnative-pg/pgbouncer:1.23.0"))
        .hasValue("1.23.0");
    assertThat(PgBouncerVersion.ofImage("localhost:5000/pgbouncer")).isEmpty();
  }
}
