package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.docs.RuleDocs;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.text.Suggestions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard explain RULE-ID}: a rule's rationale, remediation and example. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Explain a rule: why it exists, how to fix a finding, an example, configuration.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:could not (unknown rule id, usage error, internal error)"},
    footerHeading = "%nExample:%n",
    footer = "  poolguard explain max-lifetime-invalid")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin RulePackOptions packs;

  @Parameters(paramLabel = "RULE-ID", description = "The rule's id, as 'poolguard rules' lists it.")
  String id;

  @Override
  public Integer call() {
    RuleSet rules = packs.rules(root.workingDirectory());
    Rule rule =
        rules
            .find(id)
            .orElseThrow(
                () ->
                    new LintException(
                        "unknown rule id '"
                            + id
                            + "'"
                            + Suggestions.didYouMean(
                                id, rules.infos().stream().map(i -> i.id()).toList())
                            + "; 'poolguard rules' lists them"));
    PrintWriter out = spec.commandLine().getOut();
    out.print(RuleDocs.explain(rule.info()));
    out.flush();
    return ExitCodes.OK;
  }
}
