package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/** Renders every effective-value change against a baseline, for {@code poolguard diff}. */
public final class DiffReport {

  private DiffReport() {}

  public static String text(BaselineView view) {
    StringBuilder out = new StringBuilder();
    out.append("changes against ")
        .append(view.label())
        .append(": ")
        .append(view.changes().size())
        .append('\n');
    for (Change c : view.changes()) {
      out.append(Terminal.oneLine(subject(c)))
          .append(": ")
          .append(Terminal.oneLine(side(c, c.baseline())))
          .append(" -> ")
          .append(Terminal.oneLine(side(c, c.current())))
          .append('\n');
    }
    return SafeOutput.finish(Terminal.neutral(out.toString()), view.redaction());
  }

  public static String markdown(BaselineView view) {
    StringBuilder out = new StringBuilder();
    out.append("### Effective pool settings: changes against ")
        .append(MarkdownReporter.code(view.label()))
        .append("\n\n");
    if (view.changes().isEmpty()) {
      return SafeOutput.finish(out.append("No changes.\n").toString(), view.redaction());
    }
    out.append("| service | profiles | datasource | setting | baseline | current |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Change c : view.changes()) {
      out.append("| ")
          .append(cell(c.service()))
          .append(" | ")
          .append(cell(c.profile()))
          .append(" | ")
          .append(cell(c.dataSource()))
          .append(" | ")
          .append(cell(c.key().isEmpty() ? c.kind().name().toLowerCase(Locale.ROOT) : c.key()))
          .append(" | ")
          .append(cell(side(c, c.baseline())))
          .append(" | ")
          .append(cell(side(c, c.current())))
          .append(" |\n");
    }
    return SafeOutput.finish(out.toString(), view.redaction());
  }

  public static String json(BaselineView view) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeNumberField("diffVersion", 1);
      g.writeStringField("baseline", view.label());
      g.writeArrayFieldStart("changes");
      for (Change c : view.changes()) {
        writeChange(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SafeOutput.finish(out + "\n", view.redaction());
  }

  /** One change as a JSON object; shared with the JSON lint report. */
  static void writeChange(JsonGenerator g, Change c) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
    g.writeStringField("service", c.service());
    g.writeStringField("profile", c.profile());
    g.writeStringField("dataSource", c.dataSource());
    g.writeStringField("key", c.key());
    writeValue(g, "baseline", c, c.baseline());
    writeValue(g, "current", c, c.current());
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, String field, Change c, Optional<Value> v)
      throws IOException {
    if (v.isEmpty()) {
      g.writeNullField(field);
      return;
    }
    g.writeObjectFieldStart(field);
    g.writeStringField("value", shown(c, v.get()));
    g.writeStringField("origin", v.get().origin().describe());
    g.writeEndObject();
  }

  private static String subject(Change c) {
    StringBuilder s = new StringBuilder(c.service()).append(" [").append(c.profile()).append(']');
    if (!c.dataSource().isEmpty()) {
      s.append(' ').append(c.dataSource());
    }
    if (!c.key().isEmpty()) {
      s.append(' ').append(c.key());
    }
    return s.toString();
  }

  static String side(Change c, Optional<Value> v) {
    if (v.isEmpty()) {
      return c.key().isEmpty()
          ? (c.kind() == Change.Kind.ADDED ? "(absent)" : "(removed)")
          : "(none)";
    }
    return shown(c, v.get()) + " (" + v.get().origin().describe() + ")";
  }

  static String shown(Change c, Value v) {
    if (v.unknown().isPresent()) {
      return v.unknown().get().cause() == Value.Unknown.Cause.SECRET
          ? "<secret>"
          : "<unresolved ${" + v.unknown().get().name() + "}>";
    }
    return Redaction.isSecretKey(c.key()) || Redaction.isSecretOrigin(v.origin())
        ? Redaction.MASK
        : Redaction.redactText(v.text());
  }

  private static String cell(String text) {
    return MarkdownReporter.text(text);
  }
}
