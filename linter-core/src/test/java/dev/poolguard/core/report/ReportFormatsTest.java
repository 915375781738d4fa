package dev.poolguard.core.report;

import static dev.poolguard.core.report.Samples.PEAK;
import static dev.poolguard.core.report.Samples.at;
import static dev.poolguard.core.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The formats added beside text and SARIF, on hand-built results (suppressed findings too). */
class ReportFormatsTest {

  static String render(Reporter reporter, LintResult result) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, Samples.options(Optional.empty(), false), out);
    return out.toString();
  }

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void registryListsTheFormatsInTheirDocumentedOrder() {
    assertThat(Reporters.names())
        .containsExactly(
            "text", "json", "sarif", "junit", "checkstyle", "markdown", "html", "github", "gitlab");
    assertThat(Reporters.all().stream().map(Reporter::fileName))
        .containsExactly(
            "poolguard.txt",
            "poolguard.json",
            "poolguard.sarif",
            "poolguard.junit.xml",
            "poolguard.checkstyle.xml",
            "poolguard.md",
            "poolguard.html",
            "poolguard.github.txt",
            "poolguard.gitlab.json");
  }

  @Test
  void everyFormatIsDeterministic() throws IOException {
    for (Reporter r : Reporters.all()) {
      assertThat(render(r, Samples.mixed())).as(r.format()).isEqualTo(render(r, Samples.mixed()));
    }
  }

  @Test
  void jsonKeepsSuppressedFindingsWithTheirSuppression() throws IOException {
    JSONObject json = new JSONObject(render(new JsonReporter(), Samples.mixed()));

    assertThat(json.getInt("schemaVersion")).isEqualTo(1);
    JSONObject summary = json.getJSONObject("summary");
    assertThat(summary.getInt("errors")).isEqualTo(2);
    assertThat(summary.getInt("warnings")).isEqualTo(1);
    assertThat(summary.getInt("suppressed")).isEqualTo(2);
    assertThat(summary.getInt("filesRead")).isEqualTo(14);
    assertThat(summary.getString("verdict")).isEqualTo("fail");
    assertThat(json.getJSONArray("findings")).hasSize(5);
    String text = json.toString();
    assertThat(text)
        .contains("\"kind\":\"waiver\"")
        .contains("\"kind\":\"inline\"")
        .contains("planned scale-up")
        .doesNotContain("hunter2");
    assertThat(json.isNull("baseline")).isTrue();
  }

  @Test
  void junitHasACasePerRuleAndServiceFailingOrSkipped() throws Exception {
    Document doc = xml(render(new JunitReporter(), Samples.mixed()));

    NodeList cases = doc.getElementsByTagName("testcase");
    // 4 rules × services orders and payments, plus the one rule that fired without a service.
    assertThat(cases.getLength()).isEqualTo(4 * 2 + 1);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      String outcome =
          c.getElementsByTagName("failure").getLength() > 0
              ? "failure"
              : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "pass";
      if (!outcome.equals("pass")) {
        outcomes.add(c.getAttribute("classname") + " " + c.getAttribute("name") + " " + outcome);
      }
    }
    assertThat(outcomes)
        .containsExactly(
            "orders max-lifetime-above-db-timeout failure",
            "orders pool-below-peak-demand failure",
            "orders pool-size-changed skipped",
            "payments pool-below-peak-demand skipped",
            "(no service) pool-below-peak-demand failure");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(1);
    assertThat(skipped.getAttribute("message"))
        .startsWith("suppressed by waiver at poolguard.yaml:20:5")
        .doesNotContain("hunter2");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
  }

  @Test
  void checkstyleGroupsByFileMapsNoteToInfoAndLeavesOutSuppressed() throws Exception {
    Finding note =
        finding(
            Samples.UNUSED,
            Severity.NOTE,
            "idle-timeout has no effect <because> \"fixed\" & \u0001size",
            at("deploy/orders.yaml", 60, 3),
            List.of(),
            "orders",
            null,
            "orders/idle");
    List<Finding> findings = new ArrayList<>(Samples.mixed().findings());
    findings.add(note);
    findings.sort(Finding.ORDER);
    LintResult result = Samples.result(findings, Samples.mixed().rules(), 14);

    Document doc = xml(render(new CheckstyleReporter(), result));

    NodeList files = doc.getElementsByTagName("file");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files.getLength(); i++) {
      names.add(((Element) files.item(i)).getAttribute("name"));
    }
    assertThat(names)
        .containsExactly(
            "/etc/poolguard/shared values.yaml", "deploy/my app/café.yaml", "deploy/orders.yaml");
    NodeList errors = doc.getElementsByTagName("error");
    assertThat(errors.getLength()).isEqualTo(4);
    Element last = (Element) errors.item(3);
    assertThat(last.getAttribute("severity")).isEqualTo("info");
    assertThat(last.getAttribute("line")).isEqualTo("60");
    assertThat(last.getAttribute("column")).isEqualTo("3");
    assertThat(last.getAttribute("source")).isEqualTo("poolguard.idle-timeout-ignored");
    assertThat(last.getAttribute("message"))
        .isEqualTo("idle-timeout has no effect <because> \"fixed\" &  size");
  }

  @Test
  void markdownOpensWithTheVerdictAndListsWaivedFindings() throws IOException {
    String md = render(new MarkdownReporter(), Samples.mixed());

    assertThat(md.lines().findFirst().orElseThrow())
        .isEqualTo(
            "## ❌ poolguard: Fail — 2 errors, 1 warning, 0 notes in 14 files (2 suppressed)");
    assertThat(md)
        .contains("#### orders")
        .contains("<details><summary>")
        .contains("### Waived")
        .contains("waiver at `poolguard.yaml:20:5`")
        .contains("inline ignore at `deploy/orders.yaml:49:1`: planned scale-up")
        .doesNotContain("hunter2");
  }

  @Test
  void markdownStaysWithinACommentAndSaysWhatWasCut() throws IOException {
    List<Finding> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add(
          finding(
              PEAK,
              Severity.ERROR,
              "pool max 4 cannot carry the peak offered load of 6.0 connections per pod " + i,
              at("deploy/orders.yaml", i + 1, 3),
              List.of(),
              "orders",
              null,
              "orders/ds/maximum-pool-size"));
    }
    String md = render(new MarkdownReporter(), Samples.result(many, List.of(PEAK), 1));

    assertThat(md.length()).isLessThan(MarkdownReporter.COMMENT_LIMIT);
    assertThat(md).contains("**Truncated:**").contains("did not fit in a pull-request comment");
    assertThat(md.lines().findFirst().orElseThrow()).contains("2000 errors");
  }

  @Test
  void markdownEscapesConfigurationText() {
    assertThat(MarkdownReporter.text("<img src=x> *bold* [link](u) a|b"))
        .isEqualTo("&lt;img src=x&gt; \\*bold\\* \\[link\\](u) a\\|b");
    assertThat(MarkdownReporter.code("a`b")).isEqualTo("``a`b``");
  }

  @Test
  void htmlEscapesEverythingAndNeedsNoScript() throws IOException {
    Finding hostile =
        finding(
            PEAK,
            Severity.ERROR,
            "pool <script>alert(1)</script> & \"quoted\" 'x'",
            at("deploy/<script>.yaml", 3, 1),
            List.of(),
            "<script>svc</script>",
            "prod<b>",
            "x");
    String html = render(new HtmlReporter(), Samples.result(List.of(hostile), List.of(PEAK), 1));

    assertThat(html).doesNotContain("<script").doesNotContain("<b>");
    assertThat(html)
        .contains("pool &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;x&#39;")
        .contains("&lt;script&gt;svc&lt;/script&gt;")
        .contains("<h1>poolguard report</h1>")
        .contains("<span class=\"badge\">FAIL</span>");
  }

  @Test
  void htmlListsWaivedFindingsWithTheirReason() throws IOException {
    String html = render(new HtmlReporter(), Samples.mixed());

    assertThat(html)
        .contains("<h2>Waived</h2>")
        .contains("planned scale-up")
        .contains("waiver <span class=\"loc\">poolguard.yaml:20:5</span>")
        .doesNotContain("hunter2");
  }

  @Test
  void xmlEscapingDropsWhatXmlCannotHold() {
    assertThat(Xml.escape("a\u0000b\u001Bc<&>\"'\uD800"))
        .isEqualTo("a b c&lt;&amp;&gt;&quot;&#39; ");
    assertThat(Xml.attr("line\nnext\t")).isEqualTo("line&#10;next&#9;");
  }
}
