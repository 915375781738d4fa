package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The poolers of {@code poolguard model}: each setting the budget uses with its value and where it
 * comes from, each {@code [databases]} entry's pool settings (never its connection string, which
 * may hold a password), and what keeps PgBouncer from loading the configuration.
 */
final class PoolerModel {

  private PoolerModel() {}

  static void text(Map<String, Pooler> poolers, StringBuilder out) {
    for (var e : poolers.entrySet()) {
      Pooler p = e.getValue();
      out.append("pooler of database ")
          .append(e.getKey())
          .append(" (")
          .append(p.kind().label())
          .append(' ')
          .append(p.name())
          .append(", ")
          .append(p.position())
          .append(")\n");
      int width = p.settings().keySet().stream().mapToInt(String::length).max().orElse(0);
      for (Pooler.Setting s : p.settings().values()) {
        out.append("    ")
            .append(pad(s.name(), width))
            .append("  ")
            .append(pad(Terminal.oneLine(s.value()), 10))
            .append("  ")
            .append(Terminal.oneLine(s.by().orElse(s.position().toString())))
            .append('\n');
      }
      for (Pooler.Database db : p.databases()) {
        out.append("    database ")
            .append(Terminal.oneLine(db.name()))
            .append(": ")
            .append(String.join(", ", entry(p, db)))
            .append("  ")
            .append(db.position())
            .append('\n');
      }
      for (PostgresConf.Problem problem : p.problems()) {
        out.append("    PROBLEM: ")
            .append(Terminal.oneLine(problem.message()))
            .append(" (")
            .append(problem.position())
            .append(")\n");
      }
    }
  }

  /** "pool_size 20 (default_pool_size)", "reserve 5", "pool_mode transaction", "server max 25". */
  private static List<String> entry(Pooler p, Pooler.Database db) {
    List<String> out = new ArrayList<>();
    out.add(
        db.poolSize().isPresent()
            ? "pool_size " + db.poolSize().getAsInt()
            : "pool_size " + p.number("default_pool_size") + " (default_pool_size)");
    out.add(
        db.reservePool().isPresent()
            ? "reserve_pool " + db.reservePool().getAsInt()
            : "reserve_pool " + p.number("reserve_pool_size") + " (reserve_pool_size)");
    db.maxDbConnections().ifPresent(m -> out.add("max_db_connections " + m));
    out.add("pool_mode " + p.poolMode(db));
    db.user().ifPresent(u -> out.add("forced user"));
    out.add("at most " + p.serverConnections(db) + " server connections per instance");
    return out;
  }

  static void json(Map<String, Pooler> poolers, JsonGenerator g) throws IOException {
    if (poolers.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("poolers");
    for (var e : poolers.entrySet()) {
      Pooler p = e.getValue();
      g.writeStartObject();
      g.writeStringField("database", e.getKey());
      g.writeStringField("kind", p.kind().label());
      g.writeStringField("name", p.name());
      g.writeStringField("location", p.position().toString());
      g.writeArrayFieldStart("settings");
      for (Pooler.Setting s : p.settings().values()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("value", s.value());
        g.writeStringField("location", s.position().toString());
        if (s.by().isPresent()) {
          g.writeStringField("default", s.by().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("databases");
      for (Pooler.Database db : p.databases()) {
        g.writeStartObject();
        g.writeStringField("name", db.name());
        if (db.poolSize().isPresent()) {
          g.writeNumberField("poolSize", db.poolSize().getAsInt());
        }
        if (db.reservePool().isPresent()) {
          g.writeNumberField("reservePool", db.reservePool().getAsInt());
        }
        if (db.maxDbConnections().isPresent()) {
          g.writeNumberField("maxDbConnections", db.maxDbConnections().getAsInt());
        }
        g.writeStringField("poolMode", p.poolMode(db));
        g.writeBooleanField("forcedUser", db.user().isPresent());
        g.writeNumberField("serverConnectionsPerInstance", p.serverConnections(db));
        g.writeStringField("location", db.position().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("problems");
      for (PostgresConf.Problem problem : p.problems()) {
        g.writeStartObject();
        g.writeStringField("message", problem.message());
        g.writeStringField("location", problem.position().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
