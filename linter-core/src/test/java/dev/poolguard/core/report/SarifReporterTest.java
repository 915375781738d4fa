package dev.poolguard.core.report;

import static dev.poolguard.core.report.Samples.PEAK;
import static dev.poolguard.core.report.Samples.at;
import static dev.poolguard.core.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

  private static final Optional<String> DOCS = Optional.of("https://poolguard.dev/docs/rules/");

  @Test
  void logHasOneRunWithTheBaseUri() throws IOException {
    JSONObject log = parse(Samples.mixed(), DOCS);

    assertThat(log.getString("$schema")).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.getString("version")).isEqualTo("2.1.0");
    assertThat(log.getJSONArray("runs").length()).isEqualTo(1);
    assertThat(run(log).getJSONObject("originalUriBaseIds").getJSONObject("%SRCROOT%").get("uri"))
        .isEqualTo(Samples.ROOT);
  }

  @Test
  void driverDescribesEveryRuleSortedById() throws IOException {
    JSONObject driver = driver(parse(Samples.mixed(), DOCS));

    assertThat(driver.getString("name")).isEqualTo("poolguard");
    assertThat(driver.getString("informationUri")).isEqualTo("https://poolguard.dev");
    assertThat(driver.getString("semanticVersion")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(driver.getString("version")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(ids(driver.getJSONArray("rules")))
        .containsExactly(
            "idle-timeout-ignored",
            "max-lifetime-above-db-timeout",
            "pool-below-peak-demand",
            "pool-size-changed");
  }

  @Test
  void ruleDescriptorCarriesTheMetadata() throws IOException {
    JSONObject rule = rule(parse(Samples.mixed(), DOCS), "pool-below-peak-demand");

    assertThat(rule.getString("name")).isEqualTo("PoolBelowPeakDemand");
    assertThat(rule.getJSONObject("shortDescription").getString("text")).isEqualTo(PEAK.title());
    assertThat(rule.getJSONObject("fullDescription").getString("text")).isEqualTo(PEAK.rationale());
    assertThat(rule.getJSONObject("defaultConfiguration").getString("level")).isEqualTo("error");
    assertThat(rule.getString("helpUri"))
        .isEqualTo("https://poolguard.dev/docs/rules/pool-below-peak-demand.md");
    assertThat(rule.getJSONObject("help").getString("text"))
        .isEqualTo(
            PEAK.rationale()
                + "\n\nRemediation: "
                + PEAK.remediation()
                + "\n\nExample:\nspring.datasource.hikari.maximum-pool-size: 2");
    assertThat(rule.getJSONObject("help").getString("markdown"))
        .isEqualTo(
            PEAK.rationale()
                + "\n\n**Remediation:** "
                + PEAK.remediation()
                + "\n\n**Example:**\n\n```\nspring.datasource.hikari.maximum-pool-size: 2\n```");
    assertThat(rule.getJSONObject("properties").getJSONArray("tags").toList())
        .containsExactly("capacity-model", "config");
  }

  @Test
  void helpLeavesOutAnEmptyExample() throws IOException {
    JSONObject help = rule(parse(Samples.mixed(), DOCS), "pool-size-changed").getJSONObject("help");

    assertThat(help.getString("text")).doesNotContain("Example");
    assertThat(help.getString("markdown")).doesNotContain("Example");
  }

  @Test
  void noHelpUriWithoutDocsUrl() throws IOException {
    assertThat(render(Samples.mixed(), Optional.empty())).doesNotContain("helpUri");
  }

  @Test
  void noHelpUriForARelativeDocsUrl() throws IOException {
    assertThat(render(Samples.mixed(), Optional.of("docs/rules"))).doesNotContain("helpUri");
  }

  @Test
  void helpUriHasNoDoubleSlash() throws IOException {
    for (String base :
        List.of("https://x.test/rules", "https://x.test/rules/", "https://x.test/rules//")) {
      assertThat(
              rule(parse(Samples.mixed(), Optional.of(base)), "pool-size-changed").get("helpUri"))
          .isEqualTo("https://x.test/rules/pool-size-changed.md");
    }
  }

  @Test
  void everyFindingIsAResultSuppressedOnesIncluded() throws IOException {
    JSONObject log = parse(Samples.mixed(), DOCS);
    JSONArray results = run(log).getJSONArray("results");
    JSONArray rules = driver(log).getJSONArray("rules");

    assertThat(results.length()).isEqualTo(Samples.mixed().findings().size());
    for (int i = 0; i < results.length(); i++) {
      JSONObject r = results.getJSONObject(i);
      Finding f = Samples.mixed().findings().get(i);
      assertThat(r.getString("ruleId")).isEqualTo(f.ruleId());
      assertThat(rules.getJSONObject(r.getInt("ruleIndex")).getString("id")).isEqualTo(f.ruleId());
      assertThat(r.getString("level")).isEqualTo(f.severity().id());
      assertThat(r.getJSONObject("message").getString("text")).isEqualTo(f.message());
      assertThat(r.has("suppressions")).isEqualTo(f.suppressed());
    }
  }

  @Test
  void locationIsRelativeToSrcRootAndEscaped() throws IOException {
    JSONObject result = resultFor(parse(Samples.mixed(), DOCS), "max-lifetime-above-db-timeout");
    JSONObject physical =
        result.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");

    assertThat(physical.getJSONObject("artifactLocation").toMap())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("uri", "deploy/my%20app/caf%C3%A9.yaml", "uriBaseId", "%SRCROOT%"));
    assertThat(physical.getJSONObject("region").toMap())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("startLine", 3, "startColumn", 5));
  }

  @Test
  void pathsOutsideTheRootAreAbsoluteFileUris() throws IOException {
    JSONObject result = run(parse(Samples.mixed(), DOCS)).getJSONArray("results").getJSONObject(0);
    JSONObject artifact =
        result
            .getJSONArray("locations")
            .getJSONObject(0)
            .getJSONObject("physicalLocation")
            .getJSONObject("artifactLocation");

    assertThat(artifact.toMap())
        .containsExactly(java.util.Map.entry("uri", "file:///etc/poolguard/shared%20values.yaml"));
  }

  @Test
  void relatedLocationsCarryIdAndLabel() throws IOException {
    JSONArray related =
        resultAt(parse(Samples.mixed(), DOCS), "deploy/orders.yaml", 42)
            .getJSONArray("relatedLocations");

    assertThat(related.length()).isEqualTo(2);
    JSONObject first = related.getJSONObject(0);
    assertThat(first.getInt("id")).isEqualTo(1);
    assertThat(first.getJSONObject("message").getString("text")).isEqualTo("replicas");
    assertThat(uri(first)).isEqualTo("k8s/orders-deployment.yaml");
    JSONObject second = related.getJSONObject(1);
    assertThat(second.getInt("id")).isEqualTo(2);
    assertThat(second.getJSONObject("message").getString("text")).isEqualTo("max_connections");
    assertThat(uri(second)).isEqualTo("file:///etc/poolguard/shared%20values.yaml");
  }

  @Test
  void fingerprintHashesRuleServiceAndSubject() throws Exception {
    JSONObject result = resultAt(parse(Samples.mixed(), DOCS), "deploy/orders.yaml", 42);

    assertThat(result.getJSONObject("partialFingerprints").toMap())
        .containsExactly(
            java.util.Map.entry(
                "poolguard/v1",
                sha256(
                    "pool-below-peak-demand\u0000orders\u0000orders/datasource/maximum-pool-size")));
  }

  @Test
  void fingerprintSurvivesLineShiftsAndSeparatesServices() {
    Finding here = of("deploy/a.yaml", 3, "orders", "orders/pool");
    Finding moved = of("deploy/a.yaml", 30, "orders", "orders/pool");
    Finding other = of("deploy/a.yaml", 3, "payments", "orders/pool");

    assertThat(Fingerprints.of(moved)).isEqualTo(Fingerprints.of(here));
    assertThat(Fingerprints.of(other)).isNotEqualTo(Fingerprints.of(here));
  }

  @Test
  void suppressionsSayHowAndWhy() throws IOException {
    JSONObject log = parse(Samples.mixed(), DOCS);
    JSONObject inline =
        resultAt(log, "deploy/orders.yaml", 50).getJSONArray("suppressions").getJSONObject(0);
    JSONObject waiver =
        resultAt(log, "deploy/payments.yaml", 8).getJSONArray("suppressions").getJSONObject(0);

    assertThat(inline.getString("kind")).isEqualTo("inSource");
    assertThat(inline.getString("status")).isEqualTo("accepted");
    assertThat(inline.getString("justification")).isEqualTo("planned scale-up");
    assertThat(waiver.getString("kind")).isEqualTo("external");
    assertThat(waiver.getString("status")).isEqualTo("accepted");
    assertThat(uri(waiver.getJSONObject("location"))).isEqualTo("poolguard.yaml");
  }

  @Test
  void configurationTextIsRedacted() throws IOException {
    String sarif = render(Samples.mixed(), DOCS);

    assertThat(sarif).doesNotContain("hunter2");
    JSONObject waiver =
        resultAt(new JSONObject(sarif), "deploy/payments.yaml", 8)
            .getJSONArray("suppressions")
            .getJSONObject(0);
    assertThat(waiver.getString("justification"))
        .isEqualTo("see jdbc:postgresql://db/pay?password=******&ssl=true until 2026-03-01");
  }

  @Test
  void propertiesNameServiceAndProfileWhenKnown() throws IOException {
    JSONObject log = parse(Samples.mixed(), DOCS);

    assertThat(resultFor(log, "max-lifetime-above-db-timeout").getJSONObject("properties").toMap())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("service", "orders", "profile", "prod"));
    assertThat(resultAt(log, "deploy/orders.yaml", 42).getJSONObject("properties").toMap())
        .containsExactly(java.util.Map.entry("service", "orders"));
    assertThat(run(log).getJSONArray("results").getJSONObject(0).has("properties")).isFalse();
  }

  @Test
  void aFindingOfAnUnknownRuleHasNoRuleIndex() throws IOException {
    Finding f =
        new Finding(
            "config-unreadable",
            Severity.ERROR,
            "cannot parse",
            at("deploy/a.yaml", 1, 1),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            "deploy/a.yaml",
            "fix the syntax",
            Optional.empty());
    JSONObject result =
        run(parse(Samples.result(List.of(f), List.of(PEAK), 1), DOCS))
            .getJSONArray("results")
            .getJSONObject(0);

    assertThat(result.getString("ruleId")).isEqualTo("config-unreadable");
    assertThat(result.has("ruleIndex")).isFalse();
  }

  @Test
  void semanticVersionOnlyForSemVer() throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter()
        .write(Samples.mixed(), new ReportOptions("dev", Samples.ROOT, DOCS, false), out);
    JSONObject driver = driver(new JSONObject(out.toString()));

    assertThat(driver.has("semanticVersion")).isFalse();
    assertThat(driver.getString("version")).isEqualTo("dev");
  }

  @Test
  void anEmptyRunIsStillComplete() throws IOException {
    String sarif = render(Samples.result(List.of(), List.of(), 0), Optional.empty());

    assertThat(sarif).contains("\"rules\": []", "\"results\": []");
  }

  @Test
  void sameInputGivesTheSameBytes() throws IOException {
    String first = render(Samples.mixed(), DOCS);
    String second = render(Samples.mixed(), DOCS);

    assertThat(second).isEqualTo(first);
    assertThat(first.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(second.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void layoutIsTwoSpaceIndentedAsciiWithTrailingNewline() throws IOException {
    String sarif = render(Samples.mixed(), DOCS);

    assertThat(sarif).startsWith("{\n  \"$schema\": ").endsWith("\n}\n").doesNotContain("\r");
    assertThat(sarif.chars().allMatch(c -> c < 0x80)).isTrue();
    assertThat(sarif.lines()).allMatch(l -> (l.length() - l.stripLeading().length()) % 2 == 0);
  }

  @Test
  void matchesTheGoldenFile() throws IOException {
    String expected;
    try (var in = getClass().getResourceAsStream("mixed.sarif")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(render(Samples.mixed(), DOCS)).isEqualTo(expected);
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(new SarifReporter().format()).isEqualTo("sarif");
    assertThat(new SarifReporter().fileName()).isEqualTo("poolguard.sarif");
  }

  static String render(LintResult result, Optional<String> docsUrl) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter().write(result, Samples.options(docsUrl, false), out);
    return out.toString();
  }

  private static JSONObject parse(LintResult result, Optional<String> docsUrl) throws IOException {
    return new JSONObject(render(result, docsUrl));
  }

  private static JSONObject run(JSONObject log) {
    return log.getJSONArray("runs").getJSONObject(0);
  }

  private static JSONObject driver(JSONObject log) {
    return run(log).getJSONObject("tool").getJSONObject("driver");
  }

  private static JSONObject rule(JSONObject log, String id) {
    JSONArray rules = driver(log).getJSONArray("rules");
    for (int i = 0; i < rules.length(); i++) {
      if (rules.getJSONObject(i).getString("id").equals(id)) {
        return rules.getJSONObject(i);
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JSONObject resultFor(JSONObject log, String ruleId) {
    JSONArray results = run(log).getJSONArray("results");
    for (int i = 0; i < results.length(); i++) {
      if (results.getJSONObject(i).getString("ruleId").equals(ruleId)) {
        return results.getJSONObject(i);
      }
    }
    throw new AssertionError("no result for " + ruleId);
  }

  private static JSONObject resultAt(JSONObject log, String uri, int line) {
    JSONArray results = run(log).getJSONArray("results");
    for (int i = 0; i < results.length(); i++) {
      JSONObject r = results.getJSONObject(i);
      JSONObject location = r.getJSONArray("locations").getJSONObject(0);
      if (uri(location).equals(uri)
          && location.getJSONObject("physicalLocation").getJSONObject("region").getInt("startLine")
              == line) {
        return r;
      }
    }
    throw new AssertionError("no result at " + uri + ":" + line);
  }

  private static String uri(JSONObject location) {
    return location
        .getJSONObject("physicalLocation")
        .getJSONObject("artifactLocation")
        .getString("uri");
  }

  private static List<String> ids(JSONArray rules) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < rules.length(); i++) {
      ids.add(rules.getJSONObject(i).getString("id"));
    }
    return ids;
  }

  private static Finding of(String path, int line, String service, String subject) {
    return finding(PEAK, Severity.ERROR, "m", at(path, line, 1), List.of(), service, null, subject);
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
