package dev.poolguard.core.engine;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.capacity.CapacityAnalysis;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.result.LintResult.Excerpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reports show beside the findings — the baseline's changes, each database's connection
 * budget, the lines around each finding — worked out once per run, after the findings are final.
 */
final class ReportData {

  /** Lines shown above and below the line a finding points at. */
  static final int CONTEXT = 2;

  /** Longer lines are cut: an excerpt is for orientation, not a copy of the file. */
  static final int MAX_LINE = 200;

  /**
   * Longer lines are not shown at all: cutting one could leave half a secret the patterns no longer
   * recognise, and the patterns would take quadratic time on them.
   */
  static final int MAX_SCANNED_LINE = 1_000;

  // `key: value`, `- key: value`, `key=value`, `key = value` (YAML, properties, env files).
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "^(\\s*(?:-\\s+)?)(\"[^\"]*\"|'[^']*'|[^\\s:=#\"'\\-][^:=#]*?)(\\s*[:=]\\s*)(.*)$");
  // -Dkey=value and --key=value inside a line (JAVA_TOOL_OPTIONS, container args).
  private static final Pattern INLINE_ASSIGNMENT =
      Pattern.compile("((?:-D|--)?[A-Za-z0-9_.\\-\\[\\]]+)=(\"[^\"]*\"|'[^']*'|[^\\s\"',&;]+)");
  private static final Pattern SECRET_KIND =
      Pattern.compile("^\\s*kind:\\s*[\"']?Secret[\"']?\\s*(#.*)?$", Pattern.MULTILINE);
  private static final List<String> STRUCTURAL =
      List.of("apiVersion", "kind", "metadata", "name", "namespace", "type", "data", "stringData");

  private ReportData() {}

  static LintResult attach(
      LintResult result,
      CapacityAnalysis capacity,
      Optional<BaselineView> baseline,
      Function<String, Optional<String>> textOf) {
    // A fleet the budget maths refuses is the capacity rules' to report; the reports then go
    // without the chart rather than fail the run.
    return result.withReportData(baseline, capacity.chartedDatabases(), excerpts(result, textOf));
  }

  private static List<Excerpt> excerpts(
      LintResult result, Function<String, Optional<String>> textOf) {
    Map<String, List<Integer>> linesByFile = new TreeMap<>();
    for (Finding f : result.findings()) {
      SourcePosition p = f.position();
      List<Integer> lines = linesByFile.computeIfAbsent(p.path(), k -> new ArrayList<>());
      if (!lines.contains(p.line())) {
        lines.add(p.line());
      }
    }
    List<Excerpt> out = new ArrayList<>();
    Map<String, Optional<List<String>>> cache = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : linesByFile.entrySet()) {
      Optional<List<String>> text =
          cache.computeIfAbsent(e.getKey(), k -> textOf.apply(k).map(ReportData::redact));
      if (text.isEmpty()) {
        continue;
      }
      List<String> all = text.get();
      for (int line : e.getValue().stream().sorted().toList()) {
        if (line > all.size()) {
          continue;
        }
        int first = Math.max(1, line - CONTEXT);
        int last = Math.min(all.size(), line + CONTEXT);
        out.add(new Excerpt(e.getKey(), first, line, all.subList(first - 1, last)));
      }
    }
    return out;
  }

  /**
   * The file's lines with every secret value masked: values of secret-like keys, {@code value:}
   * after an env {@code name:} that is secret-like, every value of a Kubernetes Secret, and
   * passwords inside URLs.
   */
  static List<String> redact(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean[] inSecret = secretDocuments(lines);
    List<String> out = new ArrayList<>();
    boolean secretEnvName = false;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      boolean secretManifest = inSecret[i];
      if (raw.length() > MAX_SCANNED_LINE) {
        out.add("(a line of " + raw.length() + " characters, not shown)");
        secretEnvName = false;
        continue;
      }
      String line = raw.replace('\t', ' ');
      Matcher kv = KEY_VALUE.matcher(line);
      String shown;
      if (kv.matches()) {
        String key = kv.group(2).replaceAll("^[\"']|[\"']$", "").trim();
        String value = kv.group(4);
        boolean mask =
            !value.isBlank()
                && (Redaction.isSecretKey(key)
                    || (secretEnvName && key.equals("value"))
                    || (secretManifest && !STRUCTURAL.contains(key)));
        shown =
            kv.group(1)
                + kv.group(2)
                + kv.group(3)
                + (mask ? Redaction.MASK : inline(Redaction.redactUrl(value)));
        secretEnvName = key.equals("name") && Redaction.isSecretKey(value);
      } else {
        shown = inline(Redaction.redactUrl(line));
      }
      out.add(shown.length() > MAX_LINE ? shown.substring(0, MAX_LINE) + "…" : shown);
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** For each line, whether its YAML document is a Kubernetes Secret. */
  private static boolean[] secretDocuments(String[] lines) {
    boolean[] out = new boolean[lines.length];
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || lines[i].startsWith("---")) {
        StringBuilder doc = new StringBuilder();
        for (int j = start; j < i; j++) {
          doc.append(lines[j]).append('\n');
        }
        boolean secret = SECRET_KIND.matcher(doc).find();
        for (int j = start; j < i; j++) {
          out[j] = secret;
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static String inline(String text) {
    Matcher m = INLINE_ASSIGNMENT.matcher(text);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      String replacement =
          Redaction.isSecretKey(m.group(1)) ? m.group(1) + "=" + Redaction.MASK : m.group();
      m.appendReplacement(s, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(s);
    return s.toString();
  }
}
