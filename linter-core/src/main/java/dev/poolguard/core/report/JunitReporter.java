package dev.poolguard.core.report;

import dev.poolguard.core.model.Service;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * JUnit XML for CI test views (Jenkins, GitLab): one test case per rule × service, so a pipeline
 * shows which rule failed for which service. A case fails with its findings, is skipped when all of
 * them are suppressed, and passes otherwise.
 */
final class JunitReporter implements Reporter {

  public JunitReporter() {}

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String fileName() {
    return "poolguard.junit.xml";
  }

  private record Case(String service, String ruleId, List<Finding> findings) {
    List<Finding> active() {
      return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    boolean failed() {
      return !active().isEmpty();
    }

    boolean skipped() {
      return !findings.isEmpty() && active().isEmpty();
    }
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    List<Case> cases = cases(result);
    long failures = cases.stream().filter(Case::failed).count();
    long skipped = cases.stream().filter(Case::skipped).count();
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<testsuites name=\"poolguard\" tests=\"")
        .append(cases.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\">\n");
    s.append("  <testsuite name=\"poolguard\" tests=\"")
        .append(cases.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\" time=\"0\">\n");
    s.append("    <properties>\n");
    s.append("      <property name=\"poolguard.version\" value=\"")
        .append(Xml.attr(options.toolVersion()))
        .append("\"/>\n");
    s.append("      <property name=\"poolguard.filesRead\" value=\"")
        .append(result.filesRead())
        .append("\"/>\n");
    s.append("    </properties>\n");
    for (Case c : cases) {
      writeCase(s, c);
    }
    s.append("  </testsuite>\n");
    s.append("</testsuites>\n");
    out.write(s.toString());
    out.flush();
  }

  /** Every loaded rule for every service (and for findings tied to no service), sorted. */
  private static List<Case> cases(LintResult result) {
    TreeSet<String> services = new TreeSet<>(ReportFacts::serviceOrder);
    result.model().services().stream().map(Service::name).forEach(services::add);
    Map<String, Map<String, List<Finding>>> byServiceAndRule = new TreeMap<>();
    for (Finding f : result.findings()) {
      String service = f.service().orElse(ReportFacts.NO_SERVICE);
      services.add(service);
      byServiceAndRule
          .computeIfAbsent(service, k -> new TreeMap<>())
          .computeIfAbsent(f.ruleId(), k -> new ArrayList<>())
          .add(f);
    }
    TreeSet<String> ruleIds = new TreeSet<>();
    result.rules().stream().map(RuleInfo::id).forEach(ruleIds::add);
    result.findings().forEach(f -> ruleIds.add(f.ruleId()));
    List<Case> cases = new ArrayList<>();
    for (String service : services) {
      Map<String, List<Finding>> rules = byServiceAndRule.getOrDefault(service, Map.of());
      for (String ruleId : ruleIds) {
        List<Finding> findings = rules.getOrDefault(ruleId, List.of());
        // A service-less case exists only for the rules that reported something there.
        if (service.equals(ReportFacts.NO_SERVICE) && findings.isEmpty()) {
          continue;
        }
        cases.add(new Case(service, ruleId, findings));
      }
    }
    return cases;
  }

  private static void writeCase(StringBuilder s, Case c) {
    s.append("    <testcase classname=\"")
        .append(Xml.attr(c.service()))
        .append("\" name=\"")
        .append(Xml.attr(c.ruleId()))
        .append("\" time=\"0\"");
    if (c.findings().isEmpty()) {
      s.append("/>\n");
      return;
    }
    s.append(">\n");
    List<Finding> active = c.active();
    if (!active.isEmpty()) {
      Finding first = active.get(0);
      String message =
          active.size() == 1
              ? first.position() + ": " + first.message()
              : active.size() + " findings; first: " + first.position() + ": " + first.message();
      s.append("      <failure message=\"")
          .append(Xml.attr(message))
          .append("\" type=\"")
          .append(first.severity().id())
          .append("\">");
      StringBuilder body = new StringBuilder();
      for (Finding f : active) {
        body.append(f.line()).append('\n');
        if (!f.remediation().isBlank()) {
          body.append("  fix: ").append(f.remediation()).append('\n');
        }
      }
      s.append(Xml.escape(body.toString())).append("</failure>\n");
    } else {
      Finding.Suppression sup = c.findings().get(0).suppression().orElseThrow();
      String kind = sup.kind().label();
      String reason = sup.justification().isBlank() ? "" : ": " + sup.justification();
      s.append("      <skipped message=\"")
          .append(Xml.attr("suppressed by " + kind + " at " + sup.position() + reason))
          .append("\"/>\n");
    }
    s.append("    </testcase>\n");
  }
}
