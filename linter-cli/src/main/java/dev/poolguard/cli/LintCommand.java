package dev.poolguard.cli;

import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSelection;
import dev.poolguard.core.report.FailOn;
import dev.poolguard.core.report.ReportFiles;
import dev.poolguard.core.report.ReportOptions;
import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.report.Reporters;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard lint}: findings for the given paths. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Lint pool configuration and report findings.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:could not lint (usage or input error, internal error)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolguard lint                                  # the current folder",
      "  poolguard lint examples/incident --fail-on warning",
      "  poolguard lint --staged                         # what the next commit records",
      "  poolguard lint --baseline origin/main -f sarif -o poolguard.sarif",
      "  helm template charts/orders | poolguard lint -  # manifests from stdin"
    })
final class LintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;
  @Mixin BaselineOptions baselineOptions;
  @Mixin SuppressionFlags suppression;
  @Mixin RulePackOptions packs;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "LIST",
      description = "Comma-separated output formats: ${COMPLETION-CANDIDATES} (default: text).",
      completionCandidates = Formats.class)
  String formats = "text";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description = "A file for one format, a folder for several (default: stdout).")
  Path output;

  @Option(
      names = "--docs-url",
      paramLabel = "URL",
      description =
          "Absolute base URL of the rule docs; SARIF and HTML link each rule to"
              + " URL/<rule-id>.md (default: docsUrl: in poolguard.yaml).")
  String docsUrl;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} (default: error).")
  FailOn failOn = FailOn.ERROR;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print findings only, without the summary line.")
  boolean quiet;

  @Option(names = "--no-color", description = "Never colour the text output.")
  boolean noColor;

  @Option(
      names = "--new-only",
      description =
          "Report only findings the baseline (--baseline, baseline: in poolguard.yaml, or HEAD"
              + " with --staged) does not have too; existing ones are suppressed as external.")
  boolean newOnly;

  @Option(
      names = "--enable",
      paramLabel = "RULE",
      description = "Run RULE even if rules: in poolguard.yaml switches it off (repeatable).")
  List<String> enable = new ArrayList<>();

  @Option(
      names = "--disable",
      paramLabel = "RULE",
      description = "Do not run RULE, whatever rules: in poolguard.yaml says (repeatable).")
  List<String> disable = new ArrayList<>();

  /** The format names, for completion and help. */
  static final class Formats extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Formats() {
      super(Reporters.names());
    }
  }

  @Override
  public Integer call() {
    List<Reporter> reporters = reporters();
    Optional<String> docs = docsUrl();
    if (reporters.size() > 1 && output == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "several formats need --output FOLDER to write their files into");
    }
    Linter linter =
        common
            .linter(packs.rules(root.workingDirectory()))
            .selecting(new RuleSelection(enable, disable))
            .reportingNewOnly(newOnly);
    LintResult result =
        linter.lint(
            suppression.apply(
                baselineOptions.apply(common.request(root.workingDirectory())),
                root.environment()));
    root.knowSecrets(result.model().redaction());
    result.baseline().ifPresent(b -> root.knowSecrets(b.redaction()));
    if (common.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      result
          .model()
          .services()
          .forEach(
              s ->
                  err.println(
                      "poolguard: service "
                          + s.name()
                          + " ["
                          + s.profileLabel()
                          + "] reads "
                          + (s.configFiles().isEmpty()
                              ? "no config file"
                              : String.join(", ", s.configFiles()))
                          + s.deployment()
                              .map(d -> "; deployed by " + d.workload().position().path())
                              .orElse("")));
      result.notes().forEach(n -> err.println("poolguard: " + n));
      result
          .unusedFiles()
          .forEach(d -> err.println("poolguard: not used: " + d.position() + ": " + d.message()));
      err.println("poolguard: linted " + result.judged().describe());
      result
          .judged()
          .describeBaseline()
          .ifPresent(b -> err.println("poolguard: compared with baseline " + b));
      result.findings().stream()
          .filter(Finding::suppressed)
          .forEach(
              f ->
                  err.println(
                      "poolguard: suppressed "
                          + f.position()
                          + " ["
                          + f.ruleId()
                          + "] by "
                          + f.suppression().get().kind().name().toLowerCase(Locale.ROOT)
                          + " at "
                          + f.suppression().get().position()
                          + ": "
                          + f.suppression().get().justification()));
      err.flush();
    }
    // The flag beats docsUrl: in poolguard.yaml.
    write(result, reporters, docs.or(() -> result.judged().docsUrl()), linter.filesRead());
    return exitCode(result);
  }

  private List<Reporter> reporters() {
    List<Reporter> chosen;
    try {
      chosen = ReportFiles.chosen(formats);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (chosen.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format needs at least one format");
    }
    return chosen;
  }

  /** {@code --docs-url} must be absolute: code scanning cannot resolve a relative helpUri. */
  private Optional<String> docsUrl() {
    if (docsUrl == null) {
      return Optional.empty();
    }
    try {
      java.net.URI uri = new java.net.URI(docsUrl);
      if (uri.isAbsolute() && !uri.isOpaque()) {
        return Optional.of(docsUrl);
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below like any other URL that is not absolute.
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "--docs-url must be an absolute URL such as https://example.com/poolguard/rules, got '"
            + docsUrl
            + "'");
  }

  private void write(
      LintResult result,
      List<Reporter> reporters,
      Optional<String> docs,
      java.util.Set<Path> inputs) {
    boolean toStdout = output == null;
    Map<Path, String> files = new LinkedHashMap<>();
    for (Reporter reporter : reporters) {
      boolean color = toStdout && reporter.format().equals("text") && colorAllowed();
      String text = render(reporter, result, color, docs);
      if (toStdout) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      } else {
        Path folderOrFile = root.workingDirectory().resolve(output);
        files.put(ReportFiles.target(folderOrFile, reporter, reporters.size() > 1), text);
      }
    }
    // Every target is checked before any is written: refused means nothing changed.
    ReportFiles.writeAll(files, inputs);
  }

  private String render(
      Reporter reporter, LintResult result, boolean color, Optional<String> docs) {
    ReportOptions options =
        new ReportOptions(
            ManifestVersion.version(), root.workingDirectory().toUri().toString(), docs, color);
    String text = ReportFiles.render(reporter, result, options);
    if (quiet && reporter.format().equals("text")) {
      int lastLine = text.lastIndexOf('\n', text.length() - 2);
      text = lastLine < 0 ? "" : text.substring(0, lastLine + 1);
    }
    return text;
  }

  private boolean colorAllowed() {
    return !noColor && !root.environment().containsKey("NO_COLOR") && System.console() != null;
  }

  private int exitCode(LintResult result) {
    return failOn.fails(result) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
