package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.report.DiffReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard diff}: every effective-value change against the baseline. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Show every effective pool-setting change against the baseline, finding or not.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (no baseline, unknown revision, usage or input error)"})
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;
  @Mixin BaselineOptions baselineOptions;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text, markdown or json (default: text).")
  DiffFormat format = DiffFormat.TEXT;

  /** Output formats of the diff. */
  enum DiffFormat {
    TEXT,
    MARKDOWN,
    JSON
  }

  @Override
  public Integer call() {
    Linter linter = common.linter(RuleSet.of(List.of()));
    BaselineView view =
        linter
            .diff(baselineOptions.apply(common.request(root.workingDirectory())))
            .orElseThrow(
                () ->
                    new LintException(
                        "no baseline: give --baseline SPEC or set baseline: in poolguard.yaml"));
    root.knowSecrets(view.redaction());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case MARKDOWN -> DiffReport.markdown(view);
          case JSON -> DiffReport.json(view);
          default -> DiffReport.text(view);
        });
    out.flush();
    return ExitCodes.OK;
  }
}
