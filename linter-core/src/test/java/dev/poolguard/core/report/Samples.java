package dev.poolguard.core.report;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Finding.Suppression;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.RuleInfo.Need;
import dev.poolguard.core.rule.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Hand-built lint results covering what the reporters must get right. */
final class Samples {

  static final String ROOT = "file:///home/ci/projects/shop/";
  static final String SPACED = "deploy/my app/café.yaml";
  static final String OUTSIDE = "/etc/poolguard/shared values.yaml";

  static final RuleInfo PEAK =
      RuleInfo.of(
          "pool-below-peak-demand",
          "Pool is smaller than the peak offered load",
          Severity.ERROR,
          Set.of(Need.CONFIG, Need.CAPACITY_MODEL),
          "A pool smaller than the peak number of concurrent requests makes them queue.",
          "Raise maximum-pool-size to the suggested value.",
          "spring.datasource.hikari.maximum-pool-size: 2\n");
  static final RuleInfo LIFETIME =
      RuleInfo.of(
          "max-lifetime-above-db-timeout",
          "Connection lifetime exceeds the database idle timeout",
          Severity.WARNING,
          Set.of(Need.CONFIG),
          "The database closes connections the pool still believes are alive.",
          "Set max-lifetime a few seconds below the database timeout.",
          "max-lifetime: 1800000");
  static final RuleInfo CHANGED =
      RuleInfo.of(
          "pool-size-changed",
          "Pool size differs from the baseline",
          Severity.NOTE,
          Set.of(Need.CONFIG, Need.BASELINE),
          "A changed pool size changes the connection budget of the database.",
          "Check the budget.",
          "");
  static final RuleInfo UNUSED =
      RuleInfo.of(
          "idle-timeout-ignored",
          "Idle timeout has no effect",
          Severity.NOTE,
          Set.of(Need.CONFIG),
          "HikariCP ignores idle-timeout when minimum-idle equals maximum-pool-size.",
          "Remove idle-timeout or lower minimum-idle.",
          "minimum-idle: 10\nidle-timeout: 60000");

  private Samples() {}

  static SourcePosition at(String path, int line, int column) {
    return new SourcePosition(path, line, column);
  }

  static Finding finding(
      RuleInfo rule,
      Severity severity,
      String message,
      SourcePosition position,
      List<Related> related,
      String service,
      String profile,
      String subject) {
    return new Finding(
        rule.id(),
        severity,
        message,
        position,
        related,
        Optional.ofNullable(service),
        Optional.ofNullable(profile),
        subject,
        rule.remediation(),
        Optional.empty());
  }

  /** Two errors and a warning that count, a note and an error that are suppressed. */
  static LintResult mixed() {
    Finding lifetime =
        finding(
            LIFETIME,
            Severity.WARNING,
            "max-lifetime 30 min exceeds the database idle timeout of 10 min",
            at(SPACED, 3, 5),
            List.of(new Related(at("deploy/base.yaml", 10, 3), "baseline value")),
            "orders",
            "prod",
            "orders/datasource/max-lifetime");
    Finding peak =
        finding(
            PEAK,
            Severity.ERROR,
            "pool max 4 cannot carry the peak offered load of 6.0 connections per pod; needs ≥ 7",
            at("deploy/orders.yaml", 42, 22),
            List.of(
                new Related(at("k8s/orders-deployment.yaml", 12, 13), "replicas"),
                new Related(at(OUTSIDE, 4, 1), "max_connections")),
            "orders",
            null,
            "orders/datasource/maximum-pool-size");
    Finding changed =
        finding(
                CHANGED,
                Severity.NOTE,
                "pool size changed from 10 to 20",
                at("deploy/orders.yaml", 50, 7),
                List.of(),
                "orders",
                null,
                "orders/datasource/maximum-pool-size")
            .suppressedBy(
                new Suppression(
                    Suppression.Kind.INLINE, "planned scale-up", at("deploy/orders.yaml", 49, 1)));
    Finding waived =
        finding(
                PEAK,
                Severity.ERROR,
                "pool max 2 cannot carry the peak offered load of 3.0 connections per pod",
                at("deploy/payments.yaml", 8, 3),
                List.of(),
                "payments",
                "prod",
                "payments/datasource/maximum-pool-size")
            .suppressedBy(
                new Suppression(
                    Suppression.Kind.WAIVER,
                    "see jdbc:postgresql://db/pay?password=hunter2&ssl=true until 2026-03-01",
                    at("poolguard.yaml", 20, 5)));
    Finding outside =
        finding(
            PEAK,
            Severity.ERROR,
            "pool max 1 is below the shared minimum",
            at(OUTSIDE, 2, 1),
            List.of(),
            null,
            null,
            "shared/maximum-pool-size");
    List<Finding> findings =
        Stream.of(lifetime, peak, changed, waived, outside).sorted(Finding.ORDER).toList();
    return result(findings, List.of(PEAK, LIFETIME, CHANGED, UNUSED), 14);
  }

  static LintResult result(List<Finding> findings, List<RuleInfo> rules, int files) {
    return new LintResult(
        findings,
        rules,
        new DeploymentModel(List.of(), List.of()),
        List.of("skipped 1 Helm template"),
        files);
  }

  static ReportOptions options(Optional<String> docsUrl, boolean color) {
    return new ReportOptions("0.1.0-SNAPSHOT", ROOT, docsUrl, color);
  }
}
