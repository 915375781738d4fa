package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.report.ReportFacts.Phase;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Judged;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine-readable report, described by {@code docs/report.schema.json}: findings (suppressed
 * ones with their suppression), a summary, the effective model, the baseline's changes and every
 * database's connection budget.
 */
final class JsonReporter implements Reporter {

  /** Raised on every incompatible change of the layout; additions keep it. */
  public static final int SCHEMA_VERSION = 1;

  public JsonReporter() {}

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "poolguard.json";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "poolguard");
      g.writeStringField("version", options.toolVersion());
      g.writeEndObject();
      writeJudged(g, result.judged());
      writeSummary(g, result);
      g.writeArrayFieldStart("findings");
      for (Finding f : result.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("model");
      ModelReport.writeServices(g, result.model());
      g.writeEndObject();
      writeBaseline(g, result.baseline());
      g.writeArrayFieldStart("budgets");
      for (DatabaseBudget b : result.budgets()) {
        writeBudget(g, b);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String note : result.notes()) {
        g.writeString(Redaction.redactText(note));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("unusedFiles");
      for (Diagnostic d : result.unusedFiles()) {
        g.writeStartObject();
        writeLocation(g, "location", d.position());
        g.writeStringField("reason", Redaction.redactText(d.message()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeJudged(JsonGenerator g, Judged judged) throws IOException {
    g.writeObjectFieldStart("judged");
    g.writeArrayFieldStart("paths");
    for (String p : judged.paths()) {
      g.writeString(p);
    }
    g.writeEndArray();
    g.writeStringField("source", judged.staged() ? "git-index" : "files");
    writeOptional(g, "revision", judged.revision());
    writeOptional(g, "branch", judged.branch());
    writeOptional(g, "repositoryUri", judged.repositoryUri());
    writeOptional(g, "baseline", judged.baseline());
    writeOptional(g, "baselineRevision", judged.baselineRevision());
    g.writeEndObject();
  }

  private static void writeSummary(JsonGenerator g, LintResult result) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeStringField("verdict", Verdict.of(result).id());
    g.writeNumberField("errors", result.count(Severity.ERROR));
    g.writeNumberField("warnings", result.count(Severity.WARNING));
    g.writeNumberField("notes", result.count(Severity.NOTE));
    long existing = result.existing();
    g.writeNumberField("suppressed", result.findings().size() - result.active().size() - existing);
    if (existing > 0) {
      g.writeNumberField("existing", existing);
    }
    g.writeNumberField("filesRead", result.filesRead());
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("message", Redaction.redactText(f.message()));
    writeLocation(g, "location", f.position());
    writeOptional(g, "service", f.service());
    writeOptional(g, "profile", f.profile());
    g.writeStringField("subject", f.subject());
    g.writeStringField("remediation", Redaction.redactText(f.remediation()));
    g.writeArrayFieldStart("related");
    for (Related r : f.related()) {
      g.writeStartObject();
      g.writeStringField("label", Redaction.redactText(r.label()));
      writeLocation(g, "location", r.position());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("fingerprint", Fingerprints.of(f));
    if (f.suppression().isPresent()) {
      Finding.Suppression s = f.suppression().get();
      g.writeObjectFieldStart("suppression");
      g.writeStringField("kind", s.kind().name().toLowerCase(Locale.ROOT));
      g.writeStringField("justification", Redaction.redactText(s.justification()));
      writeLocation(g, "location", s.position());
      g.writeEndObject();
    } else {
      g.writeNullField("suppression");
    }
    g.writeEndObject();
  }

  private static void writeLocation(JsonGenerator g, String field, SourcePosition p)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("path", p.path());
    g.writeNumberField("line", p.line());
    g.writeNumberField("column", p.column());
    g.writeEndObject();
  }

  private static void writeOptional(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, Redaction.redactText(value.get()));
    } else {
      g.writeNullField(field);
    }
  }

  private static void writeBaseline(JsonGenerator g, Optional<BaselineView> baseline)
      throws IOException {
    if (baseline.isEmpty()) {
      g.writeNullField("baseline");
      return;
    }
    g.writeObjectFieldStart("baseline");
    g.writeStringField("label", Redaction.redactText(baseline.get().label()));
    g.writeArrayFieldStart("changes");
    for (Change c : baseline.get().changes()) {
      DiffReport.writeChange(g, c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeBudget(JsonGenerator g, DatabaseBudget b) throws IOException {
    FleetBudget.Result r = b.result();
    g.writeStartObject();
    g.writeStringField("database", b.database());
    g.writeObjectFieldStart("limit");
    g.writeNumberField("maxConnections", b.limit().maxConnections());
    g.writeNumberField("reservedConnections", b.limit().reservedConnections());
    g.writeNumberField("serverReserved", b.limit().serverReserved());
    g.writeNumberField("budget", r.budget());
    g.writeStringField("text", b.limitText());
    writeLocation(g, "location", b.limitPosition());
    g.writeEndObject();
    g.writeStringField(
        "concurrentRollouts", r.concurrentRollouts().name().toLowerCase(Locale.ROOT));
    g.writeNumberField("nearLimitFraction", r.nearLimitFraction());
    g.writeObjectFieldStart("totals");
    for (Phase phase : Phase.values()) {
      g.writeObjectFieldStart(phaseKey(phase));
      g.writeNumberField("connections", phase.total(b));
      g.writeStringField("verdict", levelId(b.level(phase.total(b))));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeStringField("verdict", levelId(r.level()));
    g.writeArrayFieldStart("services");
    for (int i = 0; i < r.services().size(); i++) {
      FleetBudget.Contribution c = r.services().get(i);
      DatabaseBudget.Member m = b.members().get(i);
      g.writeStartObject();
      g.writeStringField("service", c.service());
      g.writeStringField("dataSource", m.dataSource().name());
      g.writeNumberField("poolMax", m.pool());
      g.writeNumberField("replicas", m.replicas());
      g.writeNumberField("maxReplicas", m.maxReplicas());
      g.writeNumberField("surgePods", m.surge());
      g.writeNumberField("steady", c.steady());
      g.writeNumberField("fullScale", c.fullScale());
      g.writeNumberField("rolloutSurge", c.rolloutSurge());
      g.writeBooleanField("rolling", c.rolling());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String phaseKey(Phase phase) {
    return switch (phase) {
      case STEADY -> "steady";
      case FULL_SCALE -> "fullScale";
      case ROLLOUT -> "rollout";
    };
  }

  private static String levelId(FleetBudget.Level level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
