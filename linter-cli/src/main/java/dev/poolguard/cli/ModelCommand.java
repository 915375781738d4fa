package dev.poolguard.cli;

import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.report.ModelReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard model}: every service's effective pool settings and where they come from. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description =
        "Print the effective pool settings of every service: value, origin, what it overrode.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (usage or input error, internal error)"})
final class ModelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  ModelFormat format = ModelFormat.TEXT;

  /** Output formats of the model. */
  enum ModelFormat {
    TEXT,
    JSON
  }

  @Override
  public Integer call() {
    Linter linter = common.linter(RuleSet.of(List.of()));
    DeploymentModel model = linter.model(common.request(root.workingDirectory()));
    root.knowSecrets(model.redaction());
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == ModelFormat.JSON ? ModelReport.json(model) : ModelReport.text(model));
    out.flush();
    return ExitCodes.OK;
  }
}
