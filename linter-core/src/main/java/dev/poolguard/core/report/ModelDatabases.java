package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.workload.Workload;
import java.io.IOException;
import java.util.Optional;

/**
 * The parts of {@code poolguard model} that docker-compose adds: how a service runs as a compose
 * service, and the database servers found among the files, each value with its file and line.
 */
final class ModelDatabases {

  private ModelDatabases() {}

  /** {@code runs as compose service orders (compose.yaml:7), 3 replicas (compose.yaml:12)}. */
  static Optional<String> runsAs(Service service) {
    return service
        .deployment()
        .map(d -> d.workload())
        .filter(w -> w.kind() == Workload.Kind.COMPOSE_SERVICE)
        .map(
            w ->
                "  runs as compose service "
                    + w.name()
                    + " ("
                    + at(w.position())
                    + "), "
                    + w.replicas().value()
                    + (w.replicas().value() == 1 ? " replica" : " replicas")
                    + (w.replicas().defaulted()
                        ? " (default)"
                        : " (" + at(w.replicas().position()) + ")"));
  }

  static String text(DeploymentModel model) {
    StringBuilder out = new StringBuilder();
    for (DatabaseServer db : model.databases()) {
      out.append("database ")
          .append(db.name())
          .append(" (")
          .append(db.engine().label())
          .append(", ")
          .append(db.source())
          .append(", ")
          .append(at(db.position()))
          .append(")\n");
      if (db.setting("max_connections").isEmpty() && db.postgresqlConf().isEmpty()) {
        out.append("  max_connections  ")
            .append(db.engine().defaultMaxConnections())
            .append("  default\n");
      }
      for (DatabaseServer.Setting s : db.settings().values()) {
        out.append("  ")
            .append(s.name())
            .append("  ")
            .append(Terminal.oneLine(s.value()))
            .append("  ")
            .append(at(s.position()))
            .append(" (")
            .append(s.from())
            .append(")\n");
      }
      db.postgresqlConfAt()
          .ifPresent(p -> out.append("  postgresql.conf mounted at ").append(at(p)).append('\n'));
      if (db.clients().isEmpty()) {
        out.append("  no service's JDBC URL names it\n");
      }
      for (DatabaseServer.Client c : db.clients()) {
        out.append("  used by ")
            .append(c.service())
            .append(" (")
            .append(c.dataSource())
            .append(") ")
            .append(c.via())
            .append(c.through().map(t -> " through PgBouncer " + t).orElse(""))
            .append(" at ")
            .append(at(c.position()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Writes {@code "databases": [...]} when the run found any. */
  static void json(JsonGenerator g, DeploymentModel model) throws IOException {
    if (model.databases().isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("databases");
    for (DatabaseServer db : model.databases()) {
      g.writeStartObject();
      g.writeStringField("name", db.name());
      g.writeStringField("engine", db.engine().label());
      g.writeStringField("source", db.source());
      g.writeStringField("at", at(db.position()));
      g.writeObjectFieldStart("settings");
      for (DatabaseServer.Setting s : db.settings().values()) {
        g.writeObjectFieldStart(s.name());
        g.writeStringField("value", s.value());
        g.writeStringField("at", at(s.position()));
        g.writeStringField("from", s.from());
        g.writeEndObject();
      }
      g.writeEndObject();
      if (db.postgresqlConfAt().isPresent()) {
        g.writeStringField("postgresqlConfMountedAt", at(db.postgresqlConfAt().get()));
      }
      g.writeArrayFieldStart("clients");
      for (DatabaseServer.Client c : db.clients()) {
        g.writeStartObject();
        g.writeStringField("service", c.service());
        g.writeStringField("dataSource", c.dataSource());
        g.writeStringField("at", at(c.position()));
        g.writeStringField("via", c.via());
        if (c.through().isPresent()) {
          g.writeStringField("through", c.through().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String at(dev.poolguard.core.config.SourcePosition p) {
    return p.path() + ":" + p.line();
  }
}
