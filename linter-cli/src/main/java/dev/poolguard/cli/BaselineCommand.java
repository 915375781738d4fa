package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.Snapshot;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard baseline -o FILE}: the effective model as a snapshot, the rollback target. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Record the effective model as a baseline snapshot.",
    description = {
      "Write the effective model (every pool setting, value and origin; secrets redacted) as a",
      "baseline snapshot: the known-good configuration to compare later changes with."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (file exists without --force, usage or input error)"})
final class BaselineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "The snapshot file to write (.json).")
  Path output;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    Path target = root.workingDirectory().resolve(output);
    if (Files.exists(target) && !force) {
      throw new LintException(output + " exists; use --force to overwrite it");
    }
    Linter linter = common.linter(RuleSet.of(List.of()));
    DeploymentModel model = linter.model(common.request(root.workingDirectory()));
    root.knowSecrets(model.redaction());
    StringWriter text = new StringWriter();
    try {
      Snapshot.write(model, text);
      AtomicFiles.write(target, text.toString(), linter.filesRead());
    } catch (IOException e) {
      throw new LintException("cannot write " + output + ": " + e.getMessage(), e);
    }
    long services = model.services().stream().map(Service::name).distinct().count();
    String shown = output.toString().replace('\\', '/');
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote "
            + shown
            + ": the effective settings of "
            + services
            + (services == 1 ? " service" : " services"));
    out.println(
        "next: commit it and set `baseline: "
            + shown
            + "` in poolguard.yaml (or pass --baseline "
            + shown
            + ") so lint and diff compare with it");
    out.flush();
    return ExitCodes.OK;
  }
}
