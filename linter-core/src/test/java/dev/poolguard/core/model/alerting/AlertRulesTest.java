package dev.poolguard.core.model.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PromQL selectors read without a parser, and label matchers judged as Prometheus does. */
class AlertRulesTest {

  @Test
  void selectorsOfPoolMetricsWithTheirMatchers() {
    List<AlertRule.Selector> selectors =
        AlertRules.selectors(
            "sum by (pool) (rate(hikaricp_connections_timeout_total{pool=~\"orders|billing\","
                + " job!=\"x\"}[5m])) > 0 and on() up == 1 or agroal_awaiting_count > 0");

    assertThat(selectors)
        .extracting(AlertRule.Selector::metric)
        .containsExactly("hikaricp_connections_timeout_total", "agroal_awaiting_count");
    AlertRule.Matcher pool = selectors.get(0).on("pool").orElseThrow();
    assertThat(pool.op()).isEqualTo("=~");
    assertThat(pool.accepts("orders")).isTrue();
    assertThat(pool.accepts("orders-v2")).as("regexes are anchored").isFalse();
    assertThat(selectors.get(0).on("job").orElseThrow().accepts("x")).isFalse();
    assertThat(selectors.get(1).matchers()).isEmpty();
  }

  @Test
  @Timeout(10)
  void aBacktrackingLabelRegexIsNotJudgedInsteadOfHangingTheRun() {
    AlertRule.Matcher bait = new AlertRule.Matcher("pool", "=~", "(a+)+$");

    assertThat(bait.accepts("a".repeat(40) + "!")).isFalse();
    assertThat(new AlertRule.Matcher("pool", "=~", "(").accepts("(")).isFalse();
  }
}
