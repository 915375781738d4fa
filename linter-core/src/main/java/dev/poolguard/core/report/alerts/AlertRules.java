package dev.poolguard.core.report.alerts;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Prometheus alerting rules for every pool of a model, as a Prometheus Operator {@code
 * PrometheusRule} resource or a plain rules file, in the conventions of the kube-prometheus mixins:
 * {@code for:} durations, a {@code severity} label, and summary, description and runbook
 * annotations.
 */
public final class AlertRules {

  /**
   * How to write the rules.
   *
   * @param plainRules a rules file ({@code groups:}) instead of a {@code PrometheusRule}
   * @param name the resource's {@code metadata.name}
   * @param labels extra resource labels (a Prometheus Operator's {@code ruleSelector}, e.g. {@code
   *     release=prometheus})
   * @param maxUtilisation the utilisation the capacity model calls safe, in (0, 1]
   * @param runbookBase the URL the runbook anchors are appended to
   */
  public record Options(
      boolean plainRules,
      String name,
      Map<String, String> labels,
      double maxUtilisation,
      String runbookBase) {
    public Options {
      labels = new TreeMap<>(labels);
    }
  }

  private AlertRules() {}

  /** The rules as YAML; one group per service, services in model order, each once. */
  public static String yaml(DeploymentModel model, Options options) {
    Map<String, Service> services = new LinkedHashMap<>();
    for (Service s : model.services()) {
      services.putIfAbsent(s.name(), s);
    }
    StringBuilder out = new StringBuilder();
    String groups = services.isEmpty() ? "groups: []\n" : "groups:\n";
    String indent;
    if (options.plainRules()) {
      out.append(groups);
      indent = "";
    } else {
      out.append("apiVersion: monitoring.coreos.com/v1\n")
          .append("kind: PrometheusRule\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(quote(options.name()))
          .append('\n');
      if (!options.labels().isEmpty()) {
        out.append("  labels:\n");
        options
            .labels()
            .forEach(
                (k, v) ->
                    out.append("    ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
      }
      out.append("spec:\n  ").append(groups);
      indent = "  ";
    }
    for (Service service : services.values()) {
      List<DataSource> pools = service.dataSources();
      out.append(indent)
          .append("- name: ")
          .append(quote("poolguard." + service.name()))
          .append('\n')
          .append(indent)
          .append(pools.isEmpty() ? "  rules: []\n" : "  rules:\n");
      for (DataSource ds : pools) {
        for (PoolAlerts.Alert a : PoolAlerts.of(service, ds, options.maxUtilisation())) {
          rule(out, indent + "  ", a, options.runbookBase());
        }
      }
    }
    return out.toString();
  }

  private static void rule(StringBuilder out, String in, PoolAlerts.Alert a, String runbookBase) {
    out.append(in).append("- alert: ").append(a.name()).append('\n');
    out.append(in).append("  expr: ").append(quote(a.expr())).append('\n');
    a.forDuration().ifPresent(d -> out.append(in).append("  for: ").append(d).append('\n'));
    out.append(in).append("  labels:\n");
    out.append(in).append("    severity: ").append(a.severity()).append('\n');
    out.append(in).append("    service: ").append(quote(a.service())).append('\n');
    out.append(in).append("  annotations:\n");
    out.append(in).append("    summary: ").append(quote(a.summary())).append('\n');
    out.append(in).append("    description: ").append(quote(a.description())).append('\n');
    out.append(in)
        .append("    runbook_url: ")
        .append(quote(runbookBase + a.name().toLowerCase(Locale.ROOT)))
        .append('\n');
  }

  /** A double-quoted YAML scalar: safe for any text, braces and colons included. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
