package dev.poolguard.core.model.alerting;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Prometheus alerting rule found in the repository (a {@code PrometheusRule} resource or a
 * rules file).
 *
 * @param name the {@code alert:} name
 * @param expr the PromQL expression as written
 * @param position where {@code expr:} is written
 * @param selectors every series selector of the expression: a metric name and its label matchers
 */
public record AlertRule(
    String name, String expr, SourcePosition position, List<Selector> selectors) {

  public AlertRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(position, "position");
    selectors = List.copyOf(selectors);
  }

  /**
   * A series selector, {@code metric{label="value", ...}}.
   *
   * @param metric the metric name
   * @param matchers its label matchers, in the order written
   */
  public record Selector(String metric, List<Matcher> matchers) {

    public Selector {
      Objects.requireNonNull(metric, "metric");
      matchers = List.copyOf(matchers);
    }

    /** The matcher on {@code label}, if the selector has one. */
    public Optional<Matcher> on(String label) {
      return matchers.stream().filter(m -> m.label().equals(label)).findFirst();
    }
  }

  /**
   * A label matcher: {@code label op "value"} with {@code =}, {@code !=}, {@code =~} or {@code !~}.
   *
   * @param label the label name
   * @param op the operator as written
   * @param value the value, unquoted
   */
  public record Matcher(String label, String op, String value) {

    public Matcher {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }

    /**
     * Whether a series whose label has {@code actual} passes this matcher (PromQL anchors regexes).
     */
    public boolean accepts(String actual) {
      return switch (op) {
        case "=" -> actual.equals(value);
        case "!=" -> !actual.equals(value);
        case "=~" -> fullMatch(actual);
        case "!~" -> !fullMatch(actual);
        default -> true;
      };
    }

    private boolean fullMatch(String actual) {
      try {
        return java.util.regex.Pattern.compile(value).matcher(new Budgeted(actual)).matches();
      } catch (java.util.regex.PatternSyntaxException e) {
        return false; // Prometheus refuses the rule; it matches nothing
      } catch (Budgeted.Exhausted e) {
        return false; // a regex that backtracks this much is not judged (Prometheus uses RE2)
      }
    }
  }
}
