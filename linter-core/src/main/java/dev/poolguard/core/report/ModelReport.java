package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders the effective model for {@code poolguard model}: every setting, value and origin. */
public final class ModelReport {

  /** Version of the JSON layout; raised on incompatible changes. */
  public static final int JSON_VERSION = 1;

  private ModelReport() {}

  /** The value as it may be printed: secrets masked, unknown values explained. */
  public static String shown(PoolSetting setting) {
    Value v = setting.value();
    if (v.unknown().isPresent()) {
      Value.Unknown u = v.unknown().get();
      return u.cause() == Value.Unknown.Cause.SECRET
          ? "<secret>"
          : "<unresolved ${" + u.name() + "}>";
    }
    return Redaction.redact(setting, v.origin(), v.text());
  }

  public static String text(DeploymentModel model) {
    StringBuilder out = new StringBuilder();
    if (model.services().isEmpty()) {
      out.append("no services found\n");
    }
    for (Service service : model.services()) {
      out.append("service ")
          .append(service.name())
          .append(" (")
          .append(service.framework().id())
          .append(service.framework() == Framework.MICRONAUT ? ", environments: " : ", profiles: ")
          .append(service.profileLabel())
          .append(" from ")
          .append(service.profileSource())
          .append(")\n");
      if (!service.frameworkLine().isEmpty()) {
        out.append("  follows ").append(Terminal.oneLine(service.frameworkLine())).append('\n');
      }
      ModelDatabases.runsAs(service).ifPresent(line -> out.append(line).append('\n'));
      if (service.dataSources().isEmpty()) {
        out.append("  no datasource configured\n");
      }
      for (DataSource ds : service.dataSources()) {
        out.append("  datasource ")
            .append(ds.name())
            .append(" (")
            .append(ds.pool().displayName())
            .append(", ")
            .append(ds.prefix())
            .append(")\n");
        ds.inert()
            .ifPresent(
                i ->
                    out.append(i.switchedOff() ? "    SWITCHED OFF: " : "    INERT: ")
                        .append(i.reason())
                        .append(" (")
                        .append(i.position())
                        .append(")\n"));
        if (ds.pool() == PoolKind.TOMCAT || ds.pool() == PoolKind.DBCP2) {
          out.append("    not HikariCP: spring.datasource.type selects ")
              .append(ds.pool().displayName())
              .append(
                  "; its maximum counts in the database budget, the HikariCP rules do not apply\n");
        }
        int width = ds.settings().stream().mapToInt(s -> s.key().length()).max().orElse(0);
        for (PoolSetting s : ds.settings()) {
          out.append("    ")
              .append(pad(s.key(), width))
              .append("  ")
              .append(pad(Terminal.oneLine(model.redaction().replaceKnown(shown(s))), 10))
              .append("  ")
              .append(s.value().origin().describe());
          for (Origin o : s.value().via()) {
            out.append("  via ").append(o.describe());
          }
          if (!s.known()) {
            out.append("  (unknown property)");
          }
          List<Origin> overridden = s.value().overridden();
          if (!overridden.isEmpty()) {
            out.append("  overrides ");
            for (int i = 0; i < overridden.size(); i++) {
              Origin o = overridden.get(i);
              out.append(i == 0 ? "" : ", ")
                  .append(Terminal.oneLine(Redaction.redact(s, o, o.text())))
                  .append(" at ")
                  .append(o.describe());
            }
          }
          out.append('\n');
        }
      }
    }
    out.append(ModelDatabases.text(model));
    PoolerModel.text(model.poolers(), out);
    model.notes().forEach(n -> out.append("note: ").append(Terminal.oneLine(n)).append('\n'));
    return SafeOutput.finish(Terminal.neutral(out.toString()), model.redaction());
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  public static String json(DeploymentModel model) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeNumberField("modelVersion", JSON_VERSION);
      writeServices(g, model);
      ModelDatabases.json(g, model);
      PoolerModel.json(model.poolers(), g);
      g.writeArrayFieldStart("notes");
      for (String note : model.notes()) {
        g.writeString(Redaction.redactText(note));
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SafeOutput.finish(out + "\n", model.redaction());
  }

  /** Writes {@code "services": [...]}; shared with the JSON report. */
  public static void writeServices(JsonGenerator g, DeploymentModel model) throws IOException {
    g.writeArrayFieldStart("services");
    for (Service service : model.services()) {
      g.writeStartObject();
      g.writeStringField("name", service.name());
      g.writeStringField("framework", service.framework().id());
      g.writeArrayFieldStart("profiles");
      for (String p : service.profiles()) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeStringField("profileSource", service.profileSource());
      if (!service.frameworkLine().isEmpty()) {
        g.writeStringField("frameworkLine", service.frameworkLine());
      }
      g.writeArrayFieldStart("configFiles");
      for (String f : service.configFiles()) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("dataSources");
      for (DataSource ds : service.dataSources()) {
        writeDataSource(g, ds);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeDataSource(JsonGenerator g, DataSource ds) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", ds.name());
    g.writeStringField("pool", ds.pool().displayName());
    g.writeStringField("prefix", ds.prefix());
    if (ds.inert().isPresent()) {
      g.writeObjectFieldStart("inert");
      g.writeStringField("reason", ds.inert().get().reason());
      g.writeStringField("location", ds.inert().get().position().toString());
      if (ds.inert().get().switchedOff()) {
        g.writeBooleanField("switchedOff", true);
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("settings");
    for (PoolSetting s : ds.settings()) {
      g.writeStartObject();
      g.writeStringField("key", s.key());
      g.writeStringField("property", s.property());
      g.writeStringField("value", shown(s));
      g.writeStringField("state", s.value().state().name().toLowerCase(java.util.Locale.ROOT));
      g.writeBooleanField("known", s.known());
      writeOrigin(g, "origin", s, s.value().origin());
      writeOrigins(g, "overridden", s, s.value().overridden());
      if (!s.value().via().isEmpty()) {
        writeOrigins(g, "via", s, s.value().via());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeOrigins(
      JsonGenerator g, String field, PoolSetting s, java.util.List<Origin> origins)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Origin o : origins) {
      g.writeStartObject();
      writeOriginFields(g, s, o);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeOrigin(JsonGenerator g, String field, PoolSetting s, Origin o)
      throws IOException {
    g.writeObjectFieldStart(field);
    writeOriginFields(g, s, o);
    g.writeEndObject();
  }

  private static void writeOriginFields(JsonGenerator g, PoolSetting s, Origin o)
      throws IOException {
    g.writeStringField("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (!o.isDefault()) {
      g.writeStringField("path", o.position().path());
      g.writeNumberField("line", o.position().line());
      g.writeNumberField("column", o.position().column());
      g.writeStringField("property", o.property());
      g.writeStringField("text", Redaction.redact(s, o, o.text()));
    }
  }
}
