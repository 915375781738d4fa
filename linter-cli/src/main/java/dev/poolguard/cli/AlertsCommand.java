package dev.poolguard.cli;

import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.report.alerts.AlertRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard alerts}: Prometheus alerting rules for every pool of the model. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Print Prometheus alerting rules for every pool: requests waiting for a connection,",
      "acquisition timeouts, utilisation above the safe level, pool at its maximum.",
      "Metric names and their sources: docs/ALERTS.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (usage or input error, internal error)"})
final class AlertsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "prometheusrule (a Prometheus Operator resource, default) or rules (a plain"
              + " Prometheus rules file).")
  AlertFormat format = AlertFormat.PROMETHEUSRULE;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "metadata.name of the PrometheusRule (default: poolguard-pools).")
  String name = "poolguard-pools";

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description =
          "A label on the PrometheusRule, so that the operator's ruleSelector picks it up"
              + " (e.g. --label release=prometheus); repeatable.")
  Map<String, String> labels = new TreeMap<>();

  @Option(
      names = "--max-utilisation",
      paramLabel = "FRACTION",
      description =
          "The utilisation the capacity model calls safe, above which the utilisation alert"
              + " fires (default: 0.8, the pool-load rule's default).")
  double maxUtilisation = 0.8;

  @Option(
      names = "--runbook-base",
      paramLabel = "URL",
      description =
          "Prefix of each runbook_url; the alert name in lower case is appended (default:"
              + " docs/ALERTS.md#, point it at where you host the docs).")
  String runbookBase = "docs/ALERTS.md#";

  /** Output formats of the alerts. */
  enum AlertFormat {
    PROMETHEUSRULE,
    RULES
  }

  @Override
  public Integer call() {
    if (!(maxUtilisation > 0 && maxUtilisation <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--max-utilisation must be in (0, 1], got " + maxUtilisation);
    }
    Linter linter = common.linter(RuleSet.of(List.of()));
    DeploymentModel model = linter.model(common.request(root.workingDirectory()));
    root.knowSecrets(model.redaction());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        AlertRules.yaml(
            model,
            new AlertRules.Options(
                format == AlertFormat.RULES, name, labels, maxUtilisation, runbookBase)));
    out.flush();
    return ExitCodes.OK;
  }
}
