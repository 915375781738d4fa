package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.model.pooler.IniPoolers;
import dev.poolguard.core.model.pooler.PgBouncerIni;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real servers judge what poolguard reads from the pooler fixtures: a PostgreSQL started with a
 * fixture's {@code postgresql.conf} answers {@code SHOW max_connections}, and a PgBouncer started
 * with a fixture's {@code pgbouncer.ini} (its {@code host=} pointed at that PostgreSQL's socket)
 * answers {@code SHOW CONFIG}, {@code SHOW DATABASES} and, after a client went through it, {@code
 * SHOW POOLS}. Every limit the budget uses must be the one the servers report, and a file PgBouncer
 * refuses to load must be one poolguard reports at the same line. Both servers listen on Unix
 * sockets in a temporary folder only, and run as the {@code postgres} user when the test runs as
 * root (they refuse root). Skipped without Debian's {@code postgresql} and {@code pgbouncer},
 * except under {@code CI=true} ({@code .ci/run} installs both).
 */
class RealPgBouncerTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final String SERVER_FIXTURE =
      "pooler-server-connections-exceeded/fail-pgbouncer-ini-database-pool-size";

  @TempDir static Path temp;

  private static Path bin;
  private static Path pgbouncer;
  private static Path socket;
  private static int pgPort;
  private static boolean started;
  private static int nextPort = 26432;

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> pg = postgresBin();
    Optional<Path> bouncer =
        Stream.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();
    if (pg.isEmpty() || bouncer.isEmpty()) {
      String missing = pg.isEmpty() ? "PostgreSQL" : "PgBouncer";
      if ("true".equals(System.getenv("CI"))) {
        fail(missing + " is missing: CI=true needs it (.ci/run installs Debian's packages)");
      }
      assumeTrue(
          false, missing + " is not installed: the comparison with the real servers is skipped");
    }
    bin = pg.get();
    pgbouncer = bouncer.get();
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
    socket = temp;
    pgPort = 25432 + (int) (ProcessHandle.current().pid() % 500);
    nextPort = pgPort + 1000;
    Path data = temp.resolve("data");
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            "postgres"),
        temp);
    Path conf = FIXTURES.resolve(SERVER_FIXTURE).resolve("db/postgresql.conf").toAbsolutePath();
    Path copy = temp.resolve("fixture-postgresql.conf");
    Files.copy(conf, copy);
    open(copy);
    Files.writeString(
        data.resolve("postgresql.conf"),
        "\ninclude '" + copy + "'\n",
        java.nio.file.StandardOpenOption.APPEND);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-o",
            "-k " + socket + " -c listen_addresses= -p " + pgPort,
            "-w",
            "-l",
            temp.resolve("postgres.log").toString(),
            "start"),
        temp);
    started = true;
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (started) {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              temp.resolve("data").toString(),
              "-m",
              "fast",
              "stop"),
          temp);
    }
  }

  @Test
  void postgresqlReportsTheLimitPoolguardReads() throws Exception {
    PostgresConf conf =
        PostgresConf.read(
            FIXTURES.resolve(SERVER_FIXTURE).resolve("db/postgresql.conf"), "postgresql.conf");
    assertThat(Integer.parseInt(psql("postgres", pgPort, "SHOW max_connections").strip()))
        .isEqualTo(conf.integer("max_connections").orElse(100));
    assertThat(
            Integer.parseInt(
                psql("postgres", pgPort, "SHOW superuser_reserved_connections").strip()))
        .isEqualTo(conf.integer("superuser_reserved_connections").orElse(3));
  }

  @Test
  void databaseEntriesWithPoolSizesAndCaps() throws Exception {
    judge(FIXTURES.resolve(SERVER_FIXTURE).resolve("pgbouncer"), "pgbouncer.ini");
  }

  @Test
  void includedMaxClientConn() throws Exception {
    judge(
        FIXTURES.resolve(
            "pooler-client-connections-exceeded/pass-included-max-client-conn-no-double-count/pgbouncer"),
        "pgbouncer.ini");
  }

  @Test
  void transactionPoolingPerDatabase() throws Exception {
    judge(
        FIXTURES.resolve(
            "pooler-prepared-statements-unsupported/fail-pgbouncer-1-20-prepare-threshold-set/pgbouncer"),
        "pgbouncer.ini");
  }

  @Test
  void numbersAsStrtolReadsThem(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        "[databases]\norders = host=postgres dbname=orders pool_size=12abc\n\n"
            + "[pgbouncer]\n  max_client_conn = 0x40\ndefault_pool_size = 010\n"
            + "reserve_pool_size=+3\npool_mode = Transaction\n");
    judge(dir, "pgbouncer.ini");
  }

  @Test
  void aSecondPgbouncerHeaderResetsTheSection(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        "[pgbouncer]\nmax_client_conn = 50\npool_mode = transaction\n[databases]\n"
            + "orders = host=postgres dbname=orders\n[pgbouncer]\ndefault_pool_size = 7\n");
    judge(dir, "pgbouncer.ini");
  }

  @Test
  void refusedValueIsReportedAtTheSameLine() throws Exception {
    Path dir =
        copy(
            FIXTURES.resolve(
                "pooler-client-connections-exceeded/fail-pgbouncer-ini-invalid-value/pgbouncer"));
    Started bouncer = start(dir, "pgbouncer.ini");
    Pooler ours = read(dir.resolve("pgbouncer.ini"));
    try {
      assertThat(bouncer.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(bouncer.log());
      assertThat(bouncer.process().exitValue()).as(log).isNotZero();
      assertThat(log).contains("invalid value").contains("tuning.ini:3");
      assertThat(ours.problems()).hasSize(1);
      assertThat(ours.problems().get(0).position().path()).endsWith("tuning.ini");
      assertThat(ours.problems().get(0).position().line()).isEqualTo(3);
    } finally {
      bouncer.process().destroy();
    }
  }

  /** Starts PgBouncer with the ini in {@code fixture} and compares every limit with poolguard's. */
  private static void judge(Path fixture, String ini) throws Exception {
    Path dir = copy(fixture);
    Started bouncer = start(dir, ini);
    Pooler ours = read(dir.resolve(ini));
    try {
      assertThat(ours.problems()).isEmpty();
      waitForSocket(bouncer);
      Map<String, String> config = new LinkedHashMap<>();
      for (String line : psql("pgbouncer", bouncer.port(), "SHOW CONFIG").split("\n")) {
        String[] f = line.split("\\|", -1);
        config.put(f[0], f[1]);
      }
      for (String key :
          List.of(
              "max_client_conn",
              "default_pool_size",
              "min_pool_size",
              "reserve_pool_size",
              "max_db_connections",
              "max_user_connections")) {
        assertThat(ours.number(key)).as(key).isEqualTo(Integer.parseInt(config.get(key)));
      }
      assertThat(ours.setting("pool_mode").orElseThrow().value())
          .isEqualTo(config.get("pool_mode"));
      Map<String, String[]> databases = new LinkedHashMap<>();
      for (String line : psql("pgbouncer", bouncer.port(), "SHOW DATABASES").split("\n")) {
        String[] f = line.split("\\|", -1);
        databases.put(f[0], f);
      }
      for (Pooler.Database db : ours.databases()) {
        String[] row = databases.get(db.name());
        assertThat(row).as("SHOW DATABASES has %s", db.name()).isNotNull();
        int poolSize = Integer.parseInt(row[5]);
        int reserve = Integer.parseInt(row[7]);
        int cap = Integer.parseInt(row[9]);
        int globalCap = Integer.parseInt(config.get("max_db_connections"));
        int effectiveCap = cap > 0 ? cap : globalCap;
        long server = (long) poolSize + reserve;
        assertThat(ours.serverConnections(db))
            .as(
                "%s: pool_size %d, reserve_pool %d, max_db_connections %d",
                db.name(), poolSize, reserve, effectiveCap)
            .isEqualTo(effectiveCap > 0 ? Math.min(server, effectiveCap) : server);
        String mode = row[8].isEmpty() ? config.get("pool_mode") : row[8];
        assertThat(ours.poolMode(db)).as("%s pool_mode", db.name()).isEqualTo(mode);
      }
      Pooler.Database first = ours.databases().get(0);
      // The fixtures' entries name a database of their own name (dbname=orders for orders).
      psql("postgres", pgPort, "CREATE DATABASE " + first.name());
      assertThat(psql(first.name(), bouncer.port(), "SELECT 1").strip()).isEqualTo("1");
      String pools = psql("pgbouncer", bouncer.port(), "SHOW POOLS");
      String row =
          pools.lines().filter(l -> l.startsWith(first.name() + "|")).findFirst().orElseThrow();
      assertThat(row.substring(row.lastIndexOf('|') + 1)).isEqualTo(ours.poolMode(first));
    } finally {
      bouncer.process().destroy();
      bouncer.process().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Started(Process process, int port, Path log) {}

  /**
   * PgBouncer on {@code dir/ini} with where it listens and who may log in appended to its last
   * section, which must be {@code [pgbouncer]}: a second {@code [pgbouncer]} header would reset
   * what the fixture sets (libusual fills a section's defaults at each header).
   */
  private static Started start(Path dir, String ini) throws IOException {
    int port = nextPort++;
    Files.writeString(dir.resolve("users.txt"), "\"postgres\" \"\"\n");
    Path file = dir.resolve(ini);
    String text = Files.readString(file);
    assertThat(text.lastIndexOf("[pgbouncer]")).isGreaterThan(text.lastIndexOf("[databases]"));
    Files.writeString(
        file,
        text
            + "\nlisten_addr =\nlisten_port = "
            + port
            + "\nunix_socket_dir = "
            + socket
            + "\nauth_type = trust\nauth_file = "
            + dir.resolve("users.txt")
            + "\nadmin_users = postgres\n");
    open(dir);
    Path log = dir.resolve("pgbouncer.log");
    List<String> command = new ArrayList<>(asServer());
    command.addAll(List.of(pgbouncer.toString(), file.toString()));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Started(p, port, log);
  }

  private static void waitForSocket(Started bouncer) throws Exception {
    Path sock = socket.resolve(".s.PGSQL." + bouncer.port());
    for (int i = 0; i < 200 && !Files.exists(sock); i++) {
      if (!bouncer.process().isAlive()) {
        fail("PgBouncer stopped: " + Files.readString(bouncer.log()));
      }
      Thread.sleep(50);
    }
    assertThat(sock).as(Files.readString(bouncer.log())).exists();
  }

  private static Pooler read(Path ini) {
    Path root = ini.getParent();
    PostgresConf.Files files =
        new PostgresConf.Files() {
          @Override
          public Optional<String> refusal(Path file) {
            return Optional.empty();
          }

          @Override
          public String display(Path file) {
            return root.relativize(file.toAbsolutePath().normalize()).toString();
          }
        };
    return IniPoolers.of(PgBouncerIni.load(ini, files, Optional.empty()), "pgbouncer.ini");
  }

  /** The fixture's files, {@code host=postgres} pointed at the test server's socket. */
  private static Path copy(Path fixture) throws IOException {
    Path dir = Files.createTempDirectory(temp, "pgbouncer");
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        Files.writeString(
            dir.resolve(f.getFileName()),
            text.replaceAll(" port=\\d+", "")
                .replace("host=postgres", "host=" + socket + " port=" + pgPort));
      }
    }
    return dir;
  }

  private static String psql(String database, int port, String sql) throws Exception {
    Path out = Files.createTempFile(temp, "psql", ".txt");
    Process p =
        new ProcessBuilder(
                bin.resolve("psql").toString(),
                "-h",
                socket.toString(),
                "-p",
                String.valueOf(port),
                "-U",
                "postgres",
                "-At",
                "-F",
                "|",
                "-c",
                sql,
                database)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (!sql.startsWith("CREATE")) {
      assertThat(p.exitValue()).as(text).isZero();
    }
    return text;
  }

  private static void run(List<String> args, Path dir) throws Exception {
    List<String> command = new ArrayList<>(asServer());
    command.addAll(args);
    Path out = Files.createTempFile(dir, "run", ".txt");
    open(out);
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(out)).isZero();
  }

  /** PostgreSQL and PgBouncer refuse to run as root: as root, run them as {@code postgres}. */
  private static List<String> asServer() {
    return "root".equals(System.getProperty("user.name"))
        ? List.of("runuser", "-u", "postgres", "--")
        : List.of();
  }

  private static Optional<Path> postgresBin() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("psql")))
          .max(Comparator.comparing(b -> b.getParent().getFileName().toString()));
    }
  }

  /** The unprivileged server user must be able to read the files. */
  private static void open(Path path) throws IOException {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
  }
}
