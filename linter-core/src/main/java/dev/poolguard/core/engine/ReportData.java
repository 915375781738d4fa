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
  private static final Pattern SECRET_KIND =
      Pattern.compile("^\\s*kind:\\s*[\"']?Secret[\"']?\\s*(#.*)?$", Pattern.MULTILINE);
  private static final int PROPERTIES = Integer.MAX_VALUE;
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
    Redaction redaction = result.model().redaction();
    if (result.baseline().isPresent()) {
      redaction = redaction.and(result.baseline().get().redaction());
    }
    Redaction known = redaction;
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
          cache.computeIfAbsent(e.getKey(), k -> textOf.apply(k).map(t -> redact(t, known)));
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

  /** As {@link #redact(String, Redaction)}, knowing no secret values beyond their shapes. */
  static List<String> redact(String text) {
    return redact(text, Redaction.none());
  }

  /**
   * The file's lines with every secret value masked: the run's known secret values, values of
   * secret-like keys (and the lines that continue them: block scalars, values on the next line,
   * items of a list, multi-line quoted scalars), {@code value:} after an env {@code name:} that is
   * secret-like, every value of a Kubernetes Secret, and secret shapes (URL passwords, {@code
   * password=}, {@code "password": ...} in JSON or flow mappings).
   */
  static List<String> redact(String text, Redaction known) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean[] inSecret = secretDocuments(lines);
    List<String> out = new ArrayList<>();
    boolean secretEnvName = false;
    // While >= 0, lines indented deeper than this continue a secret value and are masked whole.
    int secretIndent = -1;
    boolean secretListItems = false;
    boolean propertiesContinuation = false;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      boolean secretManifest = inSecret[i];
      if (raw.length() > MAX_SCANNED_LINE) {
        out.add("(a line of " + raw.length() + " characters, not shown)");
        secretEnvName = false;
        continue;
      }
      String line = known.replaceKnown(raw.replace('\t', ' '));
      int indent = indentOf(line);
      if (secretIndent >= 0) {
        boolean continues =
            propertiesContinuation
                || (secretIndent != PROPERTIES
                    && (line.isBlank()
                        || indent > secretIndent
                        || (secretListItems
                            && indent == secretIndent
                            && line.strip().startsWith("-"))));
        if (continues) {
          propertiesContinuation = propertiesContinuation && line.endsWith("\\");
          out.add(maskedWhole(line, indent));
          continue;
        }
        secretIndent = -1;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      String shown;
      if (kv.matches()) {
        String key = kv.group(2).replaceAll("^[\"']|[\"']$", "").trim();
        String value = kv.group(4);
        boolean secretValue =
            // A reference block (secretKeyRef:, a volume's secret:) names a Secret; its lines show.
            (Redaction.isSecretKey(key) && !(value.isBlank() && Redaction.namesASecret(key)))
                || (secretEnvName && key.equals("value"))
                || (secretManifest && !STRUCTURAL.contains(key));
        boolean secretData = secretManifest && (key.equals("data") || key.equals("stringData"));
        boolean mask = !value.isBlank() && (secretValue || secretData);
        shown =
            kv.group(1)
                + kv.group(2)
                + kv.group(3)
                + (mask ? Redaction.MASK : Redaction.redactText(value));
        secretEnvName = key.equals("name") && Redaction.isSecretKey(value);
        if (secretValue || secretData) {
          // YAML continues a value on deeper lines; .properties only after a backslash.
          boolean properties = kv.group(3).strip().equals("=");
          secretIndent = properties ? PROPERTIES : kv.group(1).length();
          propertiesContinuation = properties && value.endsWith("\\");
          secretListItems = value.isBlank() || value.strip().startsWith("&");
        }
      } else {
        shown = Redaction.redactText(line);
      }
      out.add(shown.length() > MAX_LINE ? shown.substring(0, MAX_LINE) + "…" : shown);
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** A line inside a secret value: its key, if it has one, and the mask. */
  private static String maskedWhole(String line, int indent) {
    if (line.isBlank()) {
      return line;
    }
    Matcher kv = KEY_VALUE.matcher(line);
    if (kv.matches() && !kv.group(4).isBlank()) {
      return kv.group(1) + kv.group(2) + kv.group(3) + Redaction.MASK;
    }
    if (kv.matches()) {
      return line;
    }
    int start = line.startsWith("- ", indent) ? indent + 2 : indent;
    return line.substring(0, start) + Redaction.MASK;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
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
}
