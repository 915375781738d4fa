package dev.poolguard.core.report.alerts;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts one pool needs, in the metric names its library exports to Prometheus: HikariCP
 * through Micrometer ({@code hikaricp_connections_*}, label {@code pool}) and Agroal through the
 * Quarkus extension ({@code agroal_*}, label {@code datasource}). See docs/ALERTS.md for sources.
 */
final class PoolAlerts {

  /** One alerting rule. {@code forDuration} is empty when the first sample should fire. */
  record Alert(
      String name,
      String expr,
      Optional<String> forDuration,
      String severity,
      String service,
      String summary,
      String description,
      String anchor) {}

  /** HikariCP names unnamed pools {@code HikariPool-N}; a renamed pool must be matched by name. */
  private static final String HIKARI_DEFAULT_NAMES = "HikariPool-[0-9]+";

  private PoolAlerts() {}

  static List<Alert> of(Service service, DataSource ds, double maxUtilisation) {
    return switch (ds.pool()) {
      case HIKARI -> hikari(service.name(), ds, maxUtilisation);
      case AGROAL -> agroal(service.name(), ds, maxUtilisation);
      case TOMCAT, DBCP2 -> List.of(); // neither publishes pool metrics poolguard knows alerts for
    };
  }

  private static List<Alert> hikari(String service, DataSource ds, double maxUtilisation) {
    String sel = "{" + hikariPoolMatcher(ds) + "}";
    String pct = percent(maxUtilisation);
    List<Alert> alerts = new ArrayList<>();
    alerts.add(
        new Alert(
            "HikariPoolRequestsWaiting",
            "max by (pool) (hikaricp_connections_pending" + sel + ") > 0",
            Optional.of("2m"),
            "warning",
            service,
            "Requests are waiting for a database connection in pool {{ $labels.pool }}.",
            "{{ $value }} threads of "
                + service
                + " wait for a connection: the pool is exhausted and requests queue.",
            "requests-waiting"));
    alerts.add(
        new Alert(
            "HikariPoolAcquireTimeouts",
            "sum by (pool) (rate(hikaricp_connections_timeout_total" + sel + "[5m])) > 0",
            Optional.of("1m"),
            "critical",
            service,
            "Connection requests time out in pool {{ $labels.pool }}.",
            "Pool {{ $labels.pool }} of "
                + service
                + " fails {{ $value }} connection requests per second: users see errors.",
            "acquire-timeouts"));
    alerts.add(
        new Alert(
            "HikariPoolUtilisationHigh",
            "max by (pool) (hikaricp_connections_active"
                + sel
                + " / hikaricp_connections_max"
                + sel
                + ") > "
                + number(maxUtilisation),
            Optional.of("5m"),
            "warning",
            service,
            "Pool {{ $labels.pool }} is more than " + pct + " busy.",
            "The capacity model calls "
                + pct
                + " utilisation safe for "
                + service
                + "; above it waits grow quickly.",
            "utilisation-high"));
    alerts.add(
        new Alert(
            "HikariPoolAtMaximum",
            "max by (pool) (hikaricp_connections_active"
                + sel
                + " / hikaricp_connections_max"
                + sel
                + ") >= 1",
            Optional.of("5m"),
            "critical",
            service,
            "Every connection of pool {{ $labels.pool }} is in use.",
            "Pool {{ $labels.pool }} of " + service + " has had no free connection for 5 minutes.",
            "at-maximum"));
    return alerts;
  }

  private static List<Alert> agroal(String service, DataSource ds, double maxUtilisation) {
    String sel = "{datasource=\"" + ds.name() + "\"}";
    List<Alert> alerts = new ArrayList<>();
    alerts.add(
        new Alert(
            "AgroalPoolRequestsWaiting",
            "max by (datasource) (agroal_awaiting_count" + sel + ") > 0",
            Optional.of("2m"),
            "warning",
            service,
            "Requests are waiting for a database connection in datasource"
                + " {{ $labels.datasource }}.",
            "{{ $value }} threads of "
                + service
                + " wait for a connection: the pool is exhausted and requests queue.",
            "requests-waiting"));
    // Agroal exports no maximum gauge: the model's max-size stands in for it.
    Optional<Integer> max = count(ds.value("max-size"));
    if (max.isEmpty()) {
      return alerts;
    }
    String pct = percent(maxUtilisation);
    alerts.add(
        new Alert(
            "AgroalPoolUtilisationHigh",
            "max by (datasource) (agroal_active_count"
                + sel
                + ") / "
                + max.get()
                + " > "
                + number(maxUtilisation),
            Optional.of("5m"),
            "warning",
            service,
            "Datasource {{ $labels.datasource }} is more than " + pct + " busy.",
            "The capacity model calls "
                + pct
                + " of max-size "
                + max.get()
                + " safe for "
                + service
                + "; above it waits grow quickly.",
            "utilisation-high"));
    alerts.add(
        new Alert(
            "AgroalPoolAtMaximum",
            "max by (datasource) (agroal_active_count" + sel + ") >= " + max.get(),
            Optional.of("5m"),
            "critical",
            service,
            "Every connection of datasource {{ $labels.datasource }} is in use.",
            "Datasource {{ $labels.datasource }} of "
                + service
                + " has used all "
                + max.get()
                + " connections for 5 minutes.",
            "at-maximum"));
    return alerts;
  }

  /** {@code pool="orders"} for a named pool, else a regex on HikariCP's generated names. */
  static String hikariPoolMatcher(DataSource ds) {
    Optional<Value> name = ds.value("pool-name").filter(v -> v.state() == Value.State.SET);
    if (name.isPresent()) {
      return "pool=\"" + escape(name.get().text()) + "\"";
    }
    return "pool=~\"" + HIKARI_DEFAULT_NAMES + "\"";
  }

  private static Optional<Integer> count(Optional<Value> value) {
    return value
        .filter(v -> v.state() != Value.State.UNKNOWN)
        .flatMap(
            v -> {
              try {
                int n = Integer.parseInt(v.text().trim());
                return n > 0 ? Optional.of(n) : Optional.empty();
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + " %";
  }
}
