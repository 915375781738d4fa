package dev.poolguard.core.report;

import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiler-style text: one {@code path:line:column: severity: message [rule-id]} line per active
 * finding, then a summary line. Editors and CI log parsers match this shape, so nothing else may
 * appear on a finding line.
 */
final class TextReporter implements Reporter {

  private static final String RESET = "\u001B[0m";

  public TextReporter() {}

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String fileName() {
    return "poolguard.txt";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    for (Finding f : result.active()) {
      out.write(line(f, options.color()));
      out.write('\n');
    }
    out.write(summary(result));
    out.write('\n');
    out.flush();
  }

  static String line(Finding f, boolean color) {
    String severity = f.severity().id();
    if (color) {
      severity = colour(f.severity()) + severity + RESET;
    }
    return Finding.line(
        oneLine(f.position().toString()),
        severity,
        oneLine(Redaction.redactText(f.message())),
        oneLine(f.ruleId()));
  }

  /**
   * E.g. {@code 2 errors, 1 warning, 0 notes in 14 files (3 suppressed)}; a run that found no
   * service says so instead of "no findings", and files found but not used are counted.
   */
  static String summary(LintResult result) {
    long active = result.active().size();
    long existing = result.existing();
    long suppressed = result.findings().size() - active - existing;
    StringBuilder s = new StringBuilder();
    boolean noService = result.model().services().isEmpty();
    if (active == 0 && noService) {
      s.append("no service found under ")
          .append(oneLine(String.join(" ", result.judged().paths())))
          .append(" (")
          .append(counted(result.filesRead(), "file"))
          .append(
              " read): poolguard reads Spring Boot, Quarkus and Micronaut config"
                  + " (application*.yml, application*.properties) and the Kubernetes workloads and"
                  + " compose services that run it; lint a"
                  + " service's folder, or declare services: in poolguard.yaml (poolguard init)");
    } else {
      if (active == 0) {
        s.append("no findings");
      } else {
        s.append(counted(result.count(Severity.ERROR), "error"))
            .append(", ")
            .append(counted(result.count(Severity.WARNING), "warning"))
            .append(", ")
            .append(counted(result.count(Severity.NOTE), "note"));
      }
      s.append(" in ").append(counted(result.filesRead(), "file"));
    }
    if (suppressed > 0) {
      s.append(" (").append(suppressed).append(" suppressed)");
    }
    if (existing > 0) {
      s.append("; ")
          .append(counted(existing, "existing finding"))
          .append(" not shown (--new-only)");
    }
    unused(result, s);
    return s.toString();
  }

  /** "; 3 found but not used (1 Helm template, …; -v lists them)". */
  private static void unused(LintResult result, StringBuilder s) {
    List<Diagnostic> unused = result.unusedFiles();
    if (unused.isEmpty()) {
      return;
    }
    long helm = unused.stream().filter(d -> d.message().startsWith("Helm ")).count();
    long workloads =
        unused.stream().filter(d -> d.message().contains(" matches no service")).count();
    long other = unused.size() - helm - workloads;
    List<String> parts = new ArrayList<>();
    if (helm > 0) {
      parts.add(helm + (helm == 1 ? " Helm chart file" : " Helm chart files"));
    }
    if (workloads > 0) {
      parts.add(workloads + (workloads == 1 ? " workload" : " workloads") + " matching no service");
    }
    if (other > 0) {
      parts.add(other + (other == 1 ? " file or kind" : " files or kinds") + " not modelled");
    }
    s.append("; ")
        .append(unused.size())
        .append(" found but not used (")
        .append(String.join(", ", parts))
        .append("; -v lists them)");
  }

  // Long.toString is locale-independent, so no Locale is needed for the counts.
  private static String counted(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String colour(Severity severity) {
    return switch (severity) {
      case ERROR -> "\u001B[31m";
      case WARNING -> "\u001B[33m";
      case NOTE -> "\u001B[36m";
    };
  }

  /**
   * Control characters from configuration (a newline in a value, an escape sequence) would break
   * the one-finding-per-line contract or drive the terminal: line breaks print as spaces, other
   * controls as visible escapes.
   */
  static String oneLine(String text) {
    return Terminal.oneLine(text);
  }
}
