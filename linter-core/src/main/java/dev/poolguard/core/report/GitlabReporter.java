package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.Writer;

/**
 * GitLab Code Quality JSON ({@code artifacts:reports:codequality}): the subset of the Code Climate
 * issue format GitLab reads, one issue per counting finding. The fingerprint is SARIF's {@code
 * partialFingerprints} value, so both views follow a finding the same way across commits; GitLab
 * keeps one issue per fingerprint. Suppressed findings are left out: Code Quality has no way to
 * show them as dismissed.
 */
final class GitlabReporter implements Reporter {

  public GitlabReporter() {}

  @Override
  public String format() {
    return "gitlab";
  }

  @Override
  public String fileName() {
    return "poolguard.gitlab.json";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartArray();
      for (Finding f : result.active()) {
        g.writeStartObject();
        g.writeStringField("description", Redaction.redactText(f.message()));
        g.writeStringField("check_name", f.ruleId());
        g.writeStringField("fingerprint", Fingerprints.of(f));
        g.writeStringField("severity", severity(f.severity()));
        g.writeObjectFieldStart("location");
        g.writeStringField("path", f.position().path());
        g.writeObjectFieldStart("lines");
        g.writeNumberField("begin", f.position().line());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write('\n');
    out.flush();
  }

  /**
   * Code Quality's five levels: an error is {@code critical} (the deployment would fail or
   * overload), a warning {@code major}, a note {@code info}; {@code minor} and {@code blocker} are
   * not used.
   */
  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "critical";
      case WARNING -> "major";
      case NOTE -> "info";
    };
  }
}
