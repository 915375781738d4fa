package dev.poolguard.core.report;

import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML, which Jenkins Warnings NG, GitLab and Sonar import: one {@code <file>} per path,
 * one {@code <error>} per counting finding. Checkstyle has no "note", so notes are {@code info};
 * suppressed findings are left out, as Checkstyle leaves out what its own filters suppress.
 */
final class CheckstyleReporter implements Reporter {

  /** The Checkstyle version whose format this follows. */
  static final String FORMAT_VERSION = "4.3";

  public CheckstyleReporter() {}

  @Override
  public String format() {
    return "checkstyle";
  }

  @Override
  public String fileName() {
    return "poolguard.checkstyle.xml";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : result.active()) {
      byFile.computeIfAbsent(f.position().path(), k -> new ArrayList<>()).add(f);
    }
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      s.append("  <file name=\"").append(Xml.attr(e.getKey())).append("\">\n");
      for (Finding f : e.getValue()) {
        s.append("    <error line=\"")
            .append(f.position().line())
            .append("\" column=\"")
            .append(f.position().column())
            .append("\" severity=\"")
            .append(severity(f.severity()))
            .append("\" message=\"")
            .append(Xml.attr(f.message()))
            .append("\" source=\"poolguard.")
            .append(Xml.attr(f.ruleId()))
            .append("\"/>\n");
      }
      s.append("  </file>\n");
    }
    s.append("</checkstyle>\n");
    out.write(s.toString());
    out.flush();
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "info";
    };
  }
}
