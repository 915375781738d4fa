package dev.poolguard.core.report;

import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub Actions workflow commands, one line per counting finding ({@code ::error file=…,line=…,
 * col=…,title=…::message}), which the runner turns into annotations on the pull request's "Files
 * changed". Escaped as {@code @actions/core}'s {@code command.ts} escapes them, so a message can
 * neither end its line nor start another command.
 */
final class GithubReporter implements Reporter {

  public GithubReporter() {}

  @Override
  public String format() {
    return "github";
  }

  @Override
  public String fileName() {
    return "poolguard.github.txt";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    Map<String, RuleInfo> rules = new TreeMap<>();
    result.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
    StringBuilder s = new StringBuilder();
    for (Finding f : result.active()) {
      RuleInfo rule = rules.get(f.ruleId());
      String title = rule == null ? f.ruleId() : rule.title() + " [" + f.ruleId() + "]";
      s.append("::")
          .append(command(f.severity()))
          .append(" file=")
          .append(escapeProperty(neutral(f.position().path())))
          .append(",line=")
          .append(f.position().line())
          .append(",col=")
          .append(f.position().column())
          .append(",title=")
          .append(escapeProperty(neutral(title)))
          .append("::")
          .append(escapeData(neutral(message(f))))
          .append('\n');
    }
    out.write(s.toString());
    out.flush();
  }

  /** The annotation levels GitHub knows: a note is a {@code notice}. */
  static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "notice";
    };
  }

  // The message, then what to do: the annotation shows both, on separate lines.
  private static String message(Finding f) {
    String text = Redaction.redactText(f.message());
    if (f.remediation().isBlank()) {
      return text;
    }
    return text + "\n\n" + Redaction.redactText(f.remediation());
  }

  /** The message part of a command: {@code %}, CR and LF percent-encoded, as command.ts does. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as {@link #escapeData}, and {@code :} and {@code ,}, which end it. */
  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Escape sequences and bidi controls from inputs shown inert, tabs as spaces; CR and LF are kept
   * for {@link #escapeData} to encode.
   */
  static String neutral(String text) {
    String[] parts = text.split("\r", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = Terminal.neutral(parts[i]).replace('\t', ' ');
    }
    return String.join("\r", parts);
  }
}
