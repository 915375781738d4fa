package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.DatabaseConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@code max_connections} of a managed database, from its provider's published formula
 * or table ({@code managed-databases.tsv}, each row with its source), and the connections the
 * provider keeps for itself. Always an estimate: messages say so, and {@code maxConnections} (the
 * parameter group's value) replaces it.
 *
 * <p>AWS's {@code DBInstanceClassMemory} is less than the class's nominal memory (the OS and RDS
 * processes keep some); it is taken as the nominal GiB × 10^9 bytes, as AWS's own worked example
 * for Aurora PostgreSQL does ({@code LEAST((15.25*1000000000)/9531392,5000) = 1600} for a
 * db.r4.large), about 7 % under the nominal memory.
 */
final class ManagedLimits {

  private static final Data DATA = Data.load();

  private ManagedLimits() {}

  /** An estimated limit: the connection numbers, how they were found, where the class is named. */
  record Estimate(ConnectionLimit limit, String text, SourcePosition position) {}

  private record Row(String kind, String engine, String key, String value) {}

  private record Data(List<Row> rows) {
    static Data load() {
      List<Row> rows = new ArrayList<>();
      try (InputStream in = ManagedLimits.class.getResourceAsStream("managed-databases.tsv");
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] f = line.split("\t");
            rows.add(new Row(f[0], f[1], f[2], f[3]));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Data(List.copyOf(rows));
    }

    Optional<String> find(String kind, String engine, String key) {
      return rows.stream()
          .filter(r -> r.kind().equals(kind) && r.engine().equals(engine) && r.key().equals(key))
          .map(Row::value)
          .findFirst();
    }

    Map<String, String> memoryTable(String engine) {
      Map<String, String> out = new HashMap<>();
      rows.stream()
          .filter(r -> r.kind().equals("memory-table") && r.engine().equals(engine))
          .forEach(r -> out.put(r.key(), r.value()));
      return out;
    }
  }

  /** The estimate for a database declared with an engine and a size, when the data knows them. */
  static Optional<Estimate> estimate(DatabaseConfig db) {
    if (db.engine().isEmpty() || db.size().isEmpty()) {
      return Optional.empty();
    }
    String engine = engine(db.engine().get());
    String size = db.size().get().strip();
    Optional<Integer> max = Optional.empty();
    String how = "";
    Optional<String> formula = DATA.find("formula", engine, divisorKey(engine));
    Optional<Double> gib = memoryGib(engine, size);
    if (formula.isPresent() && gib.isPresent()) {
      long divisor = Long.parseLong(divisorKey(engine));
      int cap = Integer.parseInt(formula.get());
      long bytes = (long) (gib.get() * 1_000_000_000L);
      long value = bytes / divisor;
      max = Optional.of((int) (cap > 0 ? Math.min(value, cap) : value));
      String gibText = BigDecimal.valueOf(gib.get()).stripTrailingZeros().toPlainString();
      how =
          "the provider's default "
              + (cap > 0
                  ? "LEAST({DBInstanceClassMemory/" + divisor + "}, " + cap + ")"
                  : "{DBInstanceClassMemory/" + divisor + "}")
              + " for "
              + size
              + " ("
              + gibText
              + " GiB, DBInstanceClassMemory taken as "
              + gibText
              + " × 10^9 bytes)";
    } else if (engine.equals("aurora-mysql") || engine.equals("azure-postgresql-flexible")) {
      String key = engine.equals("azure-postgresql-flexible") ? azureSku(size) : size;
      max = DATA.find("table", engine, key).map(Integer::parseInt);
      how = "the provider's published default for " + size;
    } else if (engine.equals("cloudsql-postgres") && gib.isPresent()) {
      max = cloudSql(gib.get());
      how =
          "the provider's published default for "
              + BigDecimal.valueOf(gib.get()).stripTrailingZeros().toPlainString()
              + " GiB ("
              + size
              + ")";
    }
    if (max.isEmpty()) {
      return Optional.empty();
    }
    int reserve = reserve(engine);
    ConnectionLimit limit = new ConnectionLimit(max.get(), db.reservedConnections(), reserve);
    String text =
        "max_connections ≈ "
            + max.get()
            + " (estimate: "
            + how
            + "; set maxConnections to the parameter group's value)"
            + reserveText(limit);
    return Optional.of(new Estimate(limit, text, db.positionOf(sizeKey(db))));
  }

  /**
   * Limits of a managed database with {@code maxConnections} written: the provider's reserved
   * connections still count; a database without a size is not known to be managed.
   */
  static ConnectionLimit withProviderReserve(DatabaseConfig db, int max, int reserved) {
    if (db.engine().isEmpty() || db.size().isEmpty()) {
      return ConnectionLimit.declared(max, reserved);
    }
    return new ConnectionLimit(max, reserved, reserve(engine(db.engine().get())));
  }

  /** {@code " − 5 reserved by the provider"}, or nothing when none are. */
  static String reserveText(ConnectionLimit limit) {
    return limit.serverReserved() > 0
        ? " − " + limit.serverReserved() + " reserved by the provider"
        : "";
  }

  /** Why a managed database has no estimate, for the capacity-model note; empty when it has one. */
  static Optional<String> unknown(DatabaseConfig db) {
    if (db.engine().isEmpty() || db.size().isEmpty() || estimate(db).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "no published max_connections default is known to poolguard for "
            + db.engine().get()
            + " "
            + db.size().get()
            + ": set maxConnections to the parameter group's value");
  }

  private static String engine(String written) {
    String e = written.toLowerCase(Locale.ROOT);
    return e.equals("postgresql") ? "postgres" : e;
  }

  private static String divisorKey(String engine) {
    return engine.contains("postgres") ? "9531392" : "12582880";
  }

  private static int reserve(String engine) {
    return DATA.find("reserved", engine, "-").map(Integer::parseInt).orElse(0);
  }

  private static String sizeKey(DatabaseConfig db) {
    for (String key : List.of("instanceClass", "sku", "tier")) {
      if (db.positions().containsKey(key)) {
        return key;
      }
    }
    return "engine";
  }

  private static Optional<Double> memoryGib(String engine, String size) {
    String s = size.toLowerCase(Locale.ROOT);
    if (engine.equals("cloudsql-postgres") && s.startsWith("db-custom-")) {
      String[] parts = s.split("-");
      try {
        return Optional.of(Double.parseDouble(parts[parts.length - 1]) / 1024.0);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return DATA.find("memory", s, "-").map(Double::parseDouble);
  }

  /** An Azure compute size as the table names it: {@code Standard_D4ds_v5} is {@code d4ds_v5}. */
  private static String azureSku(String size) {
    String s = size.toLowerCase(Locale.ROOT);
    int std = s.indexOf("standard_");
    return std >= 0 ? s.substring(std + "standard_".length()) : s;
  }

  private static Optional<Integer> cloudSql(double gib) {
    Map<String, String> table = DATA.memoryTable("cloudsql-postgres");
    double best = -1;
    Integer value = null;
    for (Map.Entry<String, String> e : table.entrySet()) {
      double from = Double.parseDouble(e.getKey());
      if (gib >= from && from > best) {
        best = from;
        value = Integer.parseInt(e.getValue());
      }
    }
    return Optional.ofNullable(value);
  }
}
