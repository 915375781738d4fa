package dev.poolguard.core.model.alerting;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus alerting rules of a run's files: {@code kind: PrometheusRule} resources ({@code
 * spec.groups[].rules[]}) and Prometheus rules files ({@code groups[].rules[]}). Only {@code
 * alert:} rules count; recording rules are left out.
 */
public final class AlertRules {

  // A metric name followed by an optional {matchers}; label values are double-quoted strings.
  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX_EXPR_CHARS = 20_000;

  private AlertRules() {}

  /** Every alerting rule in {@code files}, in file and document order. */
  public static List<AlertRule> of(List<ConfigFile> files) {
    List<AlertRule> out = new ArrayList<>();
    for (ConfigFile file : files) {
      for (ConfigNode doc : file.documents()) {
        groups(doc).ifPresent(groups -> collect(groups, out));
      }
    }
    return out;
  }

  /** Whether {@code file} is a Prometheus rules file (top-level {@code groups} with rules). */
  public static boolean isRulesFile(ConfigFile file) {
    return file.documents().stream()
        .anyMatch(
            d ->
                d instanceof MapNode m
                    && m.get("kind").isEmpty()
                    && m.list("groups")
                        .map(
                            g ->
                                g.items().stream()
                                    .anyMatch(
                                        i -> i instanceof MapNode r && r.list("rules").isPresent()))
                        .orElse(false));
  }

  private static Optional<ListNode> groups(ConfigNode doc) {
    if (!(doc instanceof MapNode map)) {
      return Optional.empty();
    }
    if (map.text("kind").filter("PrometheusRule"::equals).isPresent()) {
      return map.map("spec").flatMap(spec -> spec.list("groups"));
    }
    return map.get("kind").isEmpty() ? map.list("groups") : Optional.empty();
  }

  private static void collect(ListNode groups, List<AlertRule> out) {
    for (ConfigNode group : groups.items()) {
      if (!(group instanceof MapNode g)) {
        continue;
      }
      for (ConfigNode rule : g.list("rules").map(ListNode::items).orElse(List.of())) {
        if (rule instanceof MapNode r
            && r.text("alert").isPresent()
            && r.get("expr").orElse(null) instanceof ScalarNode expr) {
          out.add(
              new AlertRule(
                  r.text("alert").get(), expr.value(), expr.position(), selectors(expr.value())));
        }
      }
    }
  }

  /** The series selectors of a PromQL expression, read without a full parser. */
  static List<AlertRule.Selector> selectors(String expr) {
    String text = expr.length() > MAX_EXPR_CHARS ? expr.substring(0, MAX_EXPR_CHARS) : expr;
    List<AlertRule.Selector> out = new ArrayList<>();
    Matcher m = SELECTOR.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!name.startsWith("hikaricp") && !name.startsWith("agroal") && !name.startsWith("jdbc")) {
        continue; // functions, keywords and other metrics are not what pools are judged by
      }
      List<AlertRule.Matcher> matchers = new ArrayList<>();
      if (m.group(3) != null) {
        Matcher lm = MATCHER.matcher(m.group(3));
        while (lm.find()) {
          matchers.add(
              new AlertRule.Matcher(lm.group(1), lm.group(2), lm.group(3).replace("\\\"", "\"")));
        }
      }
      out.add(new AlertRule.Selector(name, matchers));
    }
    return out;
  }
}
