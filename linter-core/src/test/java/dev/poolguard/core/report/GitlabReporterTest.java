package dev.poolguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/**
 * GitLab Code Quality JSON, validated against the schema GitLab documents (written down with its
 * sources in {@code src/test/resources/gitlab/codequality.schema.json}).
 */
class GitlabReporterTest {

  static Schema schema() {
    try (InputStream in =
        GitlabReporterTest.class.getResourceAsStream("/gitlab/codequality.schema.json")) {
      return SchemaLoader.builder()
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String render(LintResult result) throws IOException {
    return ReportFormatsTest.render(new GitlabReporter(), result);
  }

  @Test
  void outputValidatesAgainstGitlabsSchema() throws IOException {
    schema().validate(new JSONArray(render(Samples.mixed())));
    schema().validate(new JSONArray(render(Samples.result(List.of(), List.of(), 0))));
  }

  /** A schema that accepted anything would prove nothing. */
  @Test
  void theSchemaRejectsWhatGitlabWouldDrop() throws IOException {
    JSONArray issues = new JSONArray(render(Samples.mixed()));
    JSONObject noFingerprint = new JSONObject(issues.getJSONObject(0).toString());
    noFingerprint.remove("fingerprint");
    JSONObject wrongSeverity = new JSONObject(issues.getJSONObject(0).toString());
    wrongSeverity.put("severity", "error");
    JSONObject noLine = new JSONObject(issues.getJSONObject(0).toString());
    noLine.getJSONObject("location").remove("lines");

    for (JSONObject broken : List.of(noFingerprint, wrongSeverity, noLine)) {
      assertThatThrownBy(() -> schema().validate(new JSONArray().put(broken)))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void oneIssuePerCountingFindingWithTheDocumentedFields() throws IOException {
    JSONArray issues = new JSONArray(render(Samples.mixed()));

    assertThat(issues.length()).isEqualTo(3);
    JSONObject peak = issues.getJSONObject(2);
    assertThat(peak.keySet())
        .containsExactlyInAnyOrder(
            "description", "check_name", "fingerprint", "severity", "location");
    assertThat(peak.getString("check_name")).isEqualTo("pool-below-peak-demand");
    assertThat(peak.getString("severity")).isEqualTo("critical");
    assertThat(peak.getString("description")).startsWith("pool max 4 cannot carry");
    assertThat(peak.getJSONObject("location").getString("path")).isEqualTo("deploy/orders.yaml");
    assertThat(peak.getJSONObject("location").getJSONObject("lines").getInt("begin")).isEqualTo(42);
    assertThat(issues.toString()).doesNotContain("payments").doesNotContain("hunter2");
  }

  @Test
  void severitiesMapOntoCodeQualityLevels() {
    assertThat(GitlabReporter.severity(Severity.ERROR)).isEqualTo("critical");
    assertThat(GitlabReporter.severity(Severity.WARNING)).isEqualTo("major");
    assertThat(GitlabReporter.severity(Severity.NOTE)).isEqualTo("info");
  }

  @Test
  void fingerprintsAreSarifsPartialFingerprints() throws IOException {
    JSONArray issues = new JSONArray(render(Samples.mixed()));
    String sarif = ReportFormatsTest.render(new SarifReporter(), Samples.mixed());
    JSONArray results =
        new JSONObject(sarif).getJSONArray("runs").getJSONObject(0).getJSONArray("results");
    Map<String, String> sarifByPlace = new HashMap<>();
    for (int i = 0; i < results.length(); i++) {
      JSONObject r = results.getJSONObject(i);
      JSONObject region =
          r.getJSONArray("locations")
              .getJSONObject(0)
              .getJSONObject("physicalLocation")
              .getJSONObject("region");
      sarifByPlace.put(
          r.getString("ruleId") + "@" + region.getInt("startLine"),
          r.getJSONObject("partialFingerprints").getString(Fingerprints.KEY));
    }

    for (int i = 0; i < issues.length(); i++) {
      JSONObject issue = issues.getJSONObject(i);
      String place =
          issue.getString("check_name")
              + "@"
              + issue.getJSONObject("location").getJSONObject("lines").getInt("begin");
      assertThat(issue.getString("fingerprint")).as(place).isEqualTo(sarifByPlace.get(place));
    }
  }

  @Test
  void sameInputGivesTheSameBytesWithoutByteOrderMark() throws IOException {
    String first = render(Samples.mixed());

    assertThat(render(Samples.mixed())).isEqualTo(first);
    assertThat(first).startsWith("[").endsWith("]\n");
    assertThat(render(Samples.result(List.of(), List.of(), 0))).isEqualTo("[]\n");
    assertThat(Optional.of(first.charAt(0))).contains('[');
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(new GitlabReporter().format()).isEqualTo("gitlab");
    assertThat(new GitlabReporter().fileName()).isEqualTo("poolguard.gitlab.json");
  }
}
