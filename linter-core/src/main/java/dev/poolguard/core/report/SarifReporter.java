package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Judged;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule's metadata, and every
 * finding, suppressed ones included (marked with their suppression, so viewers can show them as
 * dismissed rather than lose them). The same input always gives the same bytes.
 */
final class SarifReporter implements Reporter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://poolguard.dev";

  // Semantic Versioning 2.0.0; SARIF's semanticVersion must be one, version may be anything.
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  public SarifReporter() {}

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "poolguard.sarif";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    List<RuleInfo> rules = sortedRules(result.rules());
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g, rules, options);
      writeInvocation(g, result);
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart(SarifLocations.SRCROOT);
      g.writeStringField("uri", ArtifactUris.base(options.sourceRoot()));
      g.writeEndObject();
      g.writeEndObject();
      // snakeyaml-engine counts columns in code points; without this a consumer may assume UTF-16.
      g.writeStringField("columnKind", "unicodeCodePoints");
      writeProvenance(g, result.judged());
      g.writeArrayFieldStart("results");
      for (Finding f : result.findings()) {
        writeResult(g, f, Optional.ofNullable(ruleIndex.get(f.ruleId())));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  // Sorted and unique by id whatever the caller passed: ruleIndex must point at the right entry.
  private static List<RuleInfo> sortedRules(List<RuleInfo> rules) {
    Map<String, RuleInfo> byId = new TreeMap<>();
    rules.forEach(r -> byId.putIfAbsent(r.id(), r));
    return new ArrayList<>(byId.values());
  }

  private static void writeTool(JsonGenerator g, List<RuleInfo> rules, ReportOptions options)
      throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "poolguard");
    g.writeStringField("informationUri", INFORMATION_URI);
    if (SEMVER.matcher(options.toolVersion()).matches()) {
      g.writeStringField("semanticVersion", options.toolVersion());
    }
    g.writeStringField("version", options.toolVersion());
    g.writeArrayFieldStart("rules");
    for (RuleInfo rule : rules) {
      SarifRules.write(g, rule, options.docsUrl());
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Files found but not used, as tool notifications: not results, but not silent either. */
  private static void writeInvocation(JsonGenerator g, LintResult result) throws IOException {
    List<Diagnostic> unused = result.unusedFiles();
    if (unused.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", true);
    g.writeArrayFieldStart("toolExecutionNotifications");
    for (Diagnostic d : unused) {
      g.writeStartObject();
      g.writeObjectFieldStart("descriptor");
      g.writeStringField("id", "file-not-used");
      g.writeEndObject();
      g.writeStringField("level", "note");
      g.writeObjectFieldStart("message");
      g.writeStringField("text", safe(d.position().path() + ": " + d.message()));
      g.writeEndObject();
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      SarifLocations.writePhysical(g, d.position());
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  /**
   * The commit the verdict is about. SARIF requires a repositoryUri, so without a known remote the
   * revision goes only into the run's properties.
   */
  private static void writeProvenance(JsonGenerator g, Judged judged) throws IOException {
    if (judged.repositoryUri().isPresent()) {
      g.writeArrayFieldStart("versionControlProvenance");
      g.writeStartObject();
      g.writeStringField("repositoryUri", judged.repositoryUri().get());
      writeOptional(g, "revisionId", judged.revision());
      writeOptional(g, "branch", judged.branch());
      g.writeObjectFieldStart("mappedTo");
      g.writeStringField("uriBaseId", SarifLocations.SRCROOT);
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeObjectFieldStart("judged");
    g.writeArrayFieldStart("paths");
    for (String p : judged.paths()) {
      g.writeString(p);
    }
    g.writeEndArray();
    g.writeStringField("source", judged.staged() ? "git-index" : "files");
    writeOptional(g, "revision", judged.revision());
    writeOptional(g, "baseline", judged.baseline());
    writeOptional(g, "baselineRevision", judged.baselineRevision());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, Finding f, Optional<Integer> ruleIndex)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    // A finding from outside the loaded rules (say, a load problem) still carries its ruleId.
    if (ruleIndex.isPresent()) {
      g.writeNumberField("ruleIndex", ruleIndex.get());
    }
    g.writeStringField("level", f.severity().id());
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    SarifLocations.writePhysical(g, f.position());
    g.writeEndObject();
    g.writeEndArray();
    writeRelated(g, f.related());
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(Fingerprints.KEY, Fingerprints.of(f));
    g.writeEndObject();
    if (f.suppression().isPresent()) {
      writeSuppression(g, f.suppression().get());
    }
    if (f.service().isPresent() || f.profile().isPresent()) {
      g.writeObjectFieldStart("properties");
      writeOptional(g, "service", f.service());
      writeOptional(g, "profile", f.profile());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeRelated(JsonGenerator g, List<Related> related) throws IOException {
    if (related.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("relatedLocations");
    // 1-based, as CodeQL does: a message may link to "[label](1)".
    for (int i = 0; i < related.size(); i++) {
      Related r = related.get(i);
      g.writeStartObject();
      g.writeNumberField("id", i + 1);
      SarifLocations.writePhysical(g, r.position());
      g.writeObjectFieldStart("message");
      g.writeStringField("text", safe(r.label()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeSuppression(JsonGenerator g, Finding.Suppression s) throws IOException {
    g.writeArrayFieldStart("suppressions");
    g.writeStartObject();
    g.writeStringField(
        "kind", s.kind() == Finding.Suppression.Kind.INLINE ? "inSource" : "external");
    g.writeStringField("status", "accepted");
    if (!s.justification().isBlank()) {
      g.writeStringField("justification", safe(s.justification()));
    }
    // Where the ignore comment or the waiver was written, so a reviewer can find and revisit it.
    g.writeObjectFieldStart("location");
    SarifLocations.writePhysical(g, s.position());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeOptional(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, safe(value.get()));
    }
  }

  /**
   * Labels, justifications and service names are written by people in configuration files, so they
   * get the same URL-password masking as every other configuration text.
   */
  private static String safe(String text) {
    return Redaction.redactText(text);
  }
}
