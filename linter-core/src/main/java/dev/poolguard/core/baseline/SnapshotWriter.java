package dev.poolguard.core.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.secret.SafeText;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes the snapshot layout; the field order here is the order in the file. */
final class SnapshotWriter {

  private static final Comparator<Service> SERVICES =
      Comparator.comparing(Service::name).thenComparing(Service::profileLabel);

  private SnapshotWriter() {}

  static void write(DeploymentModel model, Writer target) throws IOException {
    StringWriter out = new StringWriter();
    // The layout every JSON output shares: a committed snapshot does not churn across platforms.
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeNumberField(Snapshot.VERSION_FIELD, Snapshot.VERSION);
      g.writeArrayFieldStart("services");
      for (Service service : model.services().stream().sorted(SERVICES).toList()) {
        writeService(g, service);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String note : model.notes().stream().sorted().toList()) {
        g.writeString(Redaction.redactText(note));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    target.write(SafeText.finish(out.toString(), model.redaction().knownValues()));
    target.flush();
  }

  private static void writeService(JsonGenerator g, Service service) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", service.name());
    g.writeStringField("framework", lower(service.framework()));
    // Activation and precedence order carry meaning: these two lists are kept as they are.
    strings(g, "profiles", service.profiles());
    g.writeStringField("profileSource", service.profileSource());
    strings(g, "configFiles", service.configFiles());
    position(g, "anchor", service.anchor());
    g.writeArrayFieldStart("dataSources");
    for (DataSource ds :
        service.dataSources().stream().sorted(Comparator.comparing(DataSource::name)).toList()) {
      writeDataSource(g, ds);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeDataSource(JsonGenerator g, DataSource ds) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", ds.name());
    g.writeStringField("pool", lower(ds.pool()));
    g.writeStringField("prefix", ds.prefix());
    g.writeNumberField("libraryMajor", ds.libraryMajor());
    position(g, "anchor", ds.anchor());
    if (ds.inert().isPresent()) {
      g.writeObjectFieldStart("inert");
      g.writeStringField("reason", ds.inert().get().reason());
      position(g, "position", ds.inert().get().position());
      if (ds.inert().get().switchedOff()) {
        g.writeBooleanField("switchedOff", true);
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("settings");
    for (PoolSetting s :
        ds.settings().stream().sorted(Comparator.comparing(PoolSetting::key)).toList()) {
      writeSetting(g, s);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeSetting(JsonGenerator g, PoolSetting s) throws IOException {
    Value v = s.value();
    g.writeStartObject();
    g.writeStringField("key", s.key());
    g.writeStringField("property", s.property());
    g.writeBooleanField("known", s.known());
    g.writeStringField("state", lower(v.state()));
    g.writeStringField("text", Redaction.redact(s, v.origin(), v.text()));
    if (v.unknown().isPresent()) {
      g.writeObjectFieldStart("unknown");
      g.writeStringField("cause", lower(v.unknown().get().cause()));
      g.writeStringField("name", v.unknown().get().name());
      g.writeEndObject();
    }
    origin(g, "origin", s, v.origin());
    g.writeArrayFieldStart("overridden");
    for (Origin o : v.overridden()) {
      origin(g, null, s, o);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void origin(JsonGenerator g, String field, PoolSetting s, Origin o)
      throws IOException {
    if (field == null) {
      g.writeStartObject();
    } else {
      g.writeObjectFieldStart(field);
    }
    g.writeStringField("kind", lower(o.kind()));
    position(g, "position", o.position());
    g.writeStringField("property", o.property());
    g.writeStringField("text", Redaction.redact(s, o, o.text()));
    g.writeEndObject();
  }

  private static void position(JsonGenerator g, String field, SourcePosition p) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("path", p.path());
    g.writeNumberField("line", p.line());
    g.writeNumberField("column", p.column());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
