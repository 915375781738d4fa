package dev.poolguard.rules.monitoring;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.alerting.AlertRule;
import dev.poolguard.core.model.alerting.AlertRules;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When the repository keeps Prometheus alert rules, every pool needs one that fires while requests
 * wait for a connection (and, for HikariCP, one on acquisition timeouts) and that still selects the
 * pool by its current name.
 */
public final class PoolAlertsMissing implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-alerts-missing")
          .title("No alert watches the pool running dry")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Once a repository keeps its alerting rules (PrometheusRule resources or Prometheus"
                  + " rules files), poolguard checks them against the pools it models: each pool"
                  + " needs an alert on requests waiting for a connection (HikariCP:"
                  + " hikaricp_connections_pending or, with HikariCP's own Prometheus tracker,"
                  + " hikaricp_pending_threads; Agroal: agroal_awaiting_count) and, for HikariCP,"
                  + " one on acquisition timeouts (hikaricp_connections_timeout_total or"
                  + " hikaricp_connection_timeout_total, _count before HikariCP 3). An alert that"
                  + " selects pools by label"
                  + " must still select this one: renaming pool-name silently un-matches"
                  + " pool=\\\"HikariPool-1\\\" filters, and the alert never fires again. A pool"
                  + " whose name is not known before deployment is matched by any alert on the"
                  + " metric. `poolguard alerts` writes rules that pass this check.")
          .remediation(
              "Add the alerts `poolguard alerts` writes, or fix the pool label matcher of the"
                  + " existing alert to the pool's current name.")
          .example(
              "# alerts.yaml: HikariPending on hikaricp_connections_pending{pool=\"orders-v1\"}\n"
                  + "spring:\n"
                  + "  datasource:\n"
                  + "    hikari:\n"
                  + "      pool-name: orders\n")
          .build();

  /** What an alert has to watch, and by which metrics and pool label it can. */
  private record Signal(String what, List<String> metrics, String label) {}

  private static final Signal HIKARI_WAITING =
      new Signal(
          "requests waiting for a connection",
          List.of("hikaricp_connections_pending", "hikaricp_pending_threads"),
          "pool");
  private static final Signal HIKARI_TIMEOUTS =
      new Signal(
          "acquisition timeouts",
          // Micrometer's counter; HikariCP's own Prometheus trackers (..._total since 3.x,
          // ..._count before), all labelled pool (metrics/prometheus/PrometheusMetricsTracker).
          List.of(
              "hikaricp_connections_timeout_total",
              "hikaricp_connection_timeout_total",
              "hikaricp_connection_timeout_count"),
          "pool");
  private static final Signal AGROAL_WAITING =
      new Signal(
          "requests waiting for a connection", List.of("agroal_awaiting_count"), "datasource");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<AlertRule> alerts = AlertRules.of(context.files());
    List<Violation> out = new ArrayList<>();
    if (alerts.isEmpty()) {
      return out; // the repository keeps no alert rules: nothing to check them against
    }
    Set<String> seen = new HashSet<>();
    for (Service service : context.model().services()) {
      for (DataSource ds : service.dataSources()) {
        if (ds.pool() != PoolKind.HIKARI && ds.pool() != PoolKind.AGROAL) {
          continue; // no alert rules are proposed for Tomcat JDBC or DBCP2 pools
        }
        boolean hikari = ds.pool() == PoolKind.HIKARI;
        Optional<String> name = hikari ? known(ds.setting("pool-name")) : Optional.of(ds.name());
        for (Signal signal :
            hikari ? List.of(HIKARI_WAITING, HIKARI_TIMEOUTS) : List.of(AGROAL_WAITING)) {
          problem(service, ds, name, signal, alerts)
              .filter(v -> seen.add(service.name() + "\n" + v.position() + "\n" + v.message()))
              .ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<Violation> problem(
      Service service,
      DataSource ds,
      Optional<String> name,
      Signal signal,
      List<AlertRule> alerts) {
    List<AlertRule> onMetric = new ArrayList<>();
    for (AlertRule alert : alerts) {
      for (AlertRule.Selector s : alert.selectors()) {
        if (!signal.metrics().contains(s.metric())) {
          continue;
        }
        Optional<AlertRule.Matcher> matcher = s.on(signal.label());
        if (matcher.isEmpty() || name.isEmpty() || matcher.get().accepts(name.get())) {
          return Optional.empty();
        }
        onMetric.add(alert);
      }
    }
    String pool =
        service.name()
            + "'s pool"
            + name.filter(n -> !n.equals(ds.name())).map(n -> " '" + n + "'").orElse("")
            + (ds.name().equals("default") ? "" : " (datasource " + ds.name() + ")");
    String message;
    List<Related> related = new ArrayList<>();
    if (onMetric.isEmpty()) {
      message =
          "no alert in the repository fires on "
              + signal.what()
              + " ("
              + String.join(" or ", signal.metrics())
              + ") in "
              + pool
              + "; "
              + alerts.size()
              + (alerts.size() == 1 ? " alert rule was" : " alert rules were")
              + " read";
    } else {
      AlertRule first = onMetric.get(0);
      message =
          "the alerts on "
              + signal.what()
              + " select other pools by their "
              + signal.label()
              + " label (alert "
              + first.name()
              + ": "
              + first.selectors().stream()
                  .filter(s -> signal.metrics().contains(s.metric()))
                  .findFirst()
                  .flatMap(s -> s.on(signal.label()))
                  .map(m -> m.label() + m.op() + "\"" + m.value() + "\"")
                  .orElse("")
              + "), not "
              + pool
              + ", so none fires when it runs dry";
      onMetric.forEach(a -> related.add(new Related(a.position(), "alert " + a.name())));
    }
    return Optional.of(
        Violation.at(
                ds.setting("pool-name")
                    .filter(s -> !s.value().origin().isDefault())
                    .map(s -> s.value().origin().position())
                    .orElse(ds.anchor()),
                message)
            .withService(service.name(), service.profileLabel())
            .withSubject(ds.name() + "/" + signal.metrics().get(0))
            .withRelated(related));
  }

  private static Optional<String> known(Optional<PoolSetting> setting) {
    return setting
        .filter(s -> s.value().isKnown() && !s.value().origin().isDefault())
        .map(s -> s.value().text());
  }
}
