package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every report format from real lint runs of the bundled examples. */
class ReportsTest {

  static final Path ROOT = ExamplesTest.ROOT;
  static final String ALL = "text,json,sarif,junit,checkstyle,markdown,html,github,gitlab";
  static final List<String> FILES =
      List.of(
          "poolguard.checkstyle.xml",
          "poolguard.github.txt",
          "poolguard.gitlab.json",
          "poolguard.html",
          "poolguard.json",
          "poolguard.junit.xml",
          "poolguard.md",
          "poolguard.sarif",
          "poolguard.txt");

  @TempDir Path dir;

  static Path report(Path out, String example) {
    CliRun run = CliRun.inProcess(ROOT, "lint", example, "-f", ALL, "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/incident", "examples/rollout-overflow"})
  void oneRunWritesEveryFormatAndASecondRunTheSameBytes(String example) throws IOException {
    Path first = report(dir.resolve("first"), example);
    Path second = report(dir.resolve("second"), example);

    try (Stream<Path> files = Files.list(first)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(FILES);
    }
    for (String name : FILES) {
      assertThat(Files.readAllBytes(second.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/incident", "examples/rollout-overflow"})
  void jsonFollowsThePublishedSchema(String example) throws IOException {
    JSONObject json =
        new JSONObject(Files.readString(report(dir, example).resolve("poolguard.json")));

    try {
      reportSchema().validate(json);
    } catch (ValidationException e) {
      fail(
          "JSON report violates docs/report.schema.json:\n"
              + String.join("\n", e.getAllMessages()));
    }
    assertThat(json.getInt("schemaVersion")).isEqualTo(1);
    assertThat(json.getJSONObject("summary").getString("verdict")).isEqualTo("fail");
    assertThat(json.getJSONArray("budgets")).isNotEmpty();
  }

  @Test
  void jsonCarriesTheChangesAndBudgetsOfTheIncident() throws IOException {
    JSONObject json =
        new JSONObject(
            Files.readString(report(dir, "examples/incident").resolve("poolguard.json")));

    JSONObject baseline = json.getJSONObject("baseline");
    assertThat(baseline.getString("label")).endsWith("poolguard-baseline.json");
    assertThat(baseline.getJSONArray("changes").toList().toString())
        .contains("key=maximum-pool-size")
        .contains("value=40")
        .contains("value=10");
    JSONObject budget = json.getJSONArray("budgets").getJSONObject(0);
    assertThat(budget.getString("database")).isEqualTo("orders-db");
    assertThat(budget.getJSONObject("limit").getInt("budget")).isEqualTo(590);
  }

  @Test
  void markdownAndHtmlShowTheChangesWithTheirCapacityVerdict() throws IOException {
    Path out = report(dir, "examples/incident");

    String md = Files.readString(out.resolve("poolguard.md"));
    assertThat(md.lines().findFirst().orElseThrow())
        .isEqualTo("## ❌ poolguard: Fail — 1 error, 2 warnings, 0 notes in 3 files");
    assertThat(md)
        .contains("| orders-api | default | maximum-pool-size | 40 (")
        .contains("| ❌ pool-below-peak-demand (error) |")
        .contains(
            "| orders-db | 590 (maxConnections 600 − 10 reserved) | 60 | 100 | 430 | within |");
    String html = Files.readString(out.resolve("poolguard.html"));
    assertThat(html)
        .contains(
            "<h2>Effective settings: <code>examples/incident/baseline/poolguard-baseline.json")
        .contains("<span class=\"pill error\">pool-below-peak-demand</span>")
        .contains("<mark class=\"line\"><span class=\"ln\">7</span>")
        .contains("Connection budget of database orders-db")
        .doesNotContain("class=\"overflow\"");
  }

  @Test
  void schemaRejectsAReportThatBreaksIt() throws IOException {
    JSONObject json =
        new JSONObject(
            Files.readString(report(dir, "examples/rollout-overflow").resolve("poolguard.json")));
    json.getJSONArray("findings").getJSONObject(0).put("severity", "fatal");

    Schema schema = reportSchema();
    try {
      schema.validate(json);
      fail("docs/report.schema.json accepted severity 'fatal'");
    } catch (ValidationException expected) {
      assertThat(expected.getAllMessages().toString()).contains("severity");
    }
  }

  @Test
  void sarifIsValidAndItsAbsoluteUrisAreAbsolute() throws IOException {
    String schemaPath = "schemas/sarif-schema-2.1.0.json";
    Optional<Path> found = SharedResources.locate(schemaPath);
    Assumptions.assumeTrue(found.isPresent(), SharedResources.skipMessage(schemaPath));
    CliRun run =
        CliRun.inProcess(
            ROOT,
            "lint",
            "examples/incident",
            "-f",
            "sarif",
            "--docs-url",
            "https://example.com/poolguard/docs/rules/");
    JSONObject sarif = new JSONObject(run.out());

    try (InputStream in = Files.newInputStream(found.get())) {
      SchemaLoader.builder()
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build()
          .validate(sarif);
    } catch (ValidationException e) {
      fail("SARIF output violates the schema:\n" + String.join("\n", e.getAllMessages()));
    }
    JSONObject runObject = sarif.getJSONArray("runs").getJSONObject(0);
    String base =
        runObject.getJSONObject("originalUriBaseIds").getJSONObject("%SRCROOT%").getString("uri");
    assertThat(java.net.URI.create(base).isAbsolute()).isTrue();
    assertThat(base).endsWith("/");
    JSONArray rules = runObject.getJSONObject("tool").getJSONObject("driver").getJSONArray("rules");
    assertThat(rules).isNotEmpty();
    for (int i = 0; i < rules.length(); i++) {
      JSONObject rule = rules.getJSONObject(i);
      String helpUri = rule.getString("helpUri");
      assertThat(java.net.URI.create(helpUri).isAbsolute()).as(helpUri).isTrue();
      assertThat(helpUri)
          .isEqualTo("https://example.com/poolguard/docs/rules/" + rule.getString("id") + ".md");
      assertThat(rule.getJSONObject("help").getString("markdown")).isNotBlank();
    }
  }

  /**
   * GitLab Code Quality from the examples: valid against the schema written down from GitLab's docs
   * and validator, one issue per counting finding, each fingerprint the one SARIF gives it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"examples/incident", "examples/rollout-overflow"})
  void gitlabIsValidAndSharesSarifsFingerprints(String example) throws IOException {
    Path out = report(dir, example);
    JSONArray issues = new JSONArray(Files.readString(out.resolve("poolguard.gitlab.json")));
    try (InputStream in =
        Files.newInputStream(
            ROOT.resolve("linter-core/src/test/resources/gitlab/codequality.schema.json"))) {
      SchemaLoader.builder()
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build()
          .validate(issues);
    } catch (ValidationException e) {
      fail("GitLab report violates the schema:\n" + String.join("\n", e.getAllMessages()));
    }
    JSONArray results =
        new JSONObject(Files.readString(out.resolve("poolguard.sarif")))
            .getJSONArray("runs")
            .getJSONObject(0)
            .getJSONArray("results");
    List<String> sarif = new java.util.ArrayList<>();
    for (int i = 0; i < results.length(); i++) {
      if (!results.getJSONObject(i).has("suppressions")) {
        sarif.add(
            results
                .getJSONObject(i)
                .getJSONObject("partialFingerprints")
                .getString("poolguard/v1"));
      }
    }
    List<String> gitlab = new java.util.ArrayList<>();
    for (int i = 0; i < issues.length(); i++) {
      gitlab.add(issues.getJSONObject(i).getString("fingerprint"));
    }
    assertThat(gitlab).isNotEmpty().isEqualTo(sarif);
    List<String> github = Files.readAllLines(out.resolve("poolguard.github.txt"));
    assertThat(github).hasSameSizeAs(gitlab);
    assertThat(github.get(0)).startsWith("::error file=" + example + "/");
  }

  @Test
  void sarifFingerprintsSurviveLinesInsertedAbove() throws IOException {
    Path copy = dir.resolve("incident");
    copyTree(ROOT.resolve("examples/incident"), copy);
    JSONObject before = firstResult(CliRun.inProcess(copy, "lint", "-f", "sarif").out());
    Path prod = copy.resolve("orders-api/src/main/resources/application-prod.yml");
    Files.writeString(prod, "# one\n# two\n# three\n" + Files.readString(prod));
    JSONObject after = firstResult(CliRun.inProcess(copy, "lint", "-f", "sarif").out());

    assertThat(after.getString("ruleId")).isEqualTo("pool-below-peak-demand");
    assertThat(line(after)).isEqualTo(line(before) + 3);
    assertThat(after.getJSONObject("partialFingerprints").toMap())
        .isEqualTo(before.getJSONObject("partialFingerprints").toMap());
  }

  private static JSONObject firstResult(String sarif) {
    return new JSONObject(sarif)
        .getJSONArray("runs")
        .getJSONObject(0)
        .getJSONArray("results")
        .getJSONObject(0);
  }

  private static int line(JSONObject result) {
    return result
        .getJSONArray("locations")
        .getJSONObject(0)
        .getJSONObject("physicalLocation")
        .getJSONObject("region")
        .getInt("startLine");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void aRelativeDocsUrlIsAUsageError() {
    CliRun run =
        CliRun.inProcess(
            ROOT, "lint", "examples/incident", "-f", "sarif", "--docs-url", "docs/rules");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--docs-url must be an absolute URL").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void xmlReportsParseBack() throws Exception {
    Path out = report(dir, "examples/incident");
    DocumentBuilder parser = parser();

    Document junit = parser.parse(out.resolve("poolguard.junit.xml").toFile());
    NodeList cases = junit.getElementsByTagName("testcase");
    NodeList failures = junit.getElementsByTagName("failure");
    assertThat(cases.getLength()).isGreaterThan(20);
    assertThat(failures.getLength()).isEqualTo(3);
    Element failed = (Element) failures.item(0).getParentNode();
    assertThat(failed.getAttribute("classname")).isEqualTo("orders-api");
    assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("3");

    Document checkstyle = parser.parse(out.resolve("poolguard.checkstyle.xml").toFile());
    NodeList files = checkstyle.getElementsByTagName("file");
    NodeList errors = checkstyle.getElementsByTagName("error");
    assertThat(files.getLength()).isEqualTo(1);
    assertThat(((Element) files.item(0)).getAttribute("name"))
        .isEqualTo("examples/incident/orders-api/src/main/resources/application-prod.yml");
    assertThat(errors.getLength()).isEqualTo(3);
    Element first = (Element) errors.item(0);
    assertThat(first.getAttribute("line")).isEqualTo("7");
    assertThat(first.getAttribute("column")).isEqualTo("26");
    assertThat(first.getAttribute("severity")).isEqualTo("error");
    assertThat(first.getAttribute("source")).isEqualTo("poolguard.pool-below-peak-demand");
    assertThat(first.getAttribute("message")).startsWith("pool max 10 (was 40)");
  }

  @Test
  void htmlExcerptsNeverShowSecrets() throws IOException {
    Path tree = dir.resolve("svc");
    Path resources = Files.createDirectories(tree.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"),
        """
        spring:
          datasource:
            url: jdbc:postgresql://app:s3cr3t-in-url@db:5432/shop?password=also-secret
            password: hunter2
            hikari:
              connection-timeout: 100
              data-source-properties:
                api-token: tok-123
        """);
    Path out = dir.resolve("out");
    CliRun run = CliRun.inProcess(tree, "lint", "-f", "html,markdown,json", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);

    String html = Files.readString(out.resolve("poolguard.html"));
    assertThat(html)
        .contains("connection-timeout-below-minimum")
        .contains("<span class=\"ln\">6</span>")
        .contains("password: ******")
        .contains("api-token: ******");
    for (String name : List.of("poolguard.html", "poolguard.md", "poolguard.json")) {
      assertThat(Files.readString(out.resolve(name)))
          .as(name)
          .doesNotContain("hunter2")
          .doesNotContain("s3cr3t-in-url")
          .doesNotContain("also-secret")
          .doesNotContain("tok-123");
    }
  }

  @Test
  void htmlIsSelfContained() throws IOException {
    String html =
        Files.readString(report(dir, "examples/rollout-overflow").resolve("poolguard.html"));

    assertThat(html).doesNotContainPattern("(?i)<script|<link|<iframe|<img|@import|url\\(");
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
    assertThat(html)
        .contains("<h1>")
        .contains("<h2>")
        .contains("<th scope=\"col\">")
        .contains("role=\"img\"")
        .contains("<title id=\"chart-1-title\">")
        .contains("<desc id=\"chart-1-desc\">")
        .contains("@media print");
  }

  private static Schema reportSchema() throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docs/report.schema.json"))) {
      return SchemaLoader.builder()
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build();
    }
  }

  static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder();
  }
}
