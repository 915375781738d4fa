package dev.poolguard.cli;

import dev.poolguard.core.docs.RuleDocs;
import dev.poolguard.core.rule.RuleInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard rules}: every loaded rule with its default severity and title. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "List every rule: id, default severity, title.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (usage error, internal error)"})
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin RulePackOptions packs;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text (aligned columns) or markdown (a table) (default: text).")
  RulesFormat format = RulesFormat.TEXT;

  /** Output formats of the rule list. */
  enum RulesFormat {
    TEXT,
    MARKDOWN
  }

  @Override
  public Integer call() {
    List<RuleInfo> rules = packs.rules(root.workingDirectory()).infos();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == RulesFormat.MARKDOWN ? RuleDocs.indexTable(rules) : RuleDocs.list(rules));
    out.flush();
    return ExitCodes.OK;
  }
}
