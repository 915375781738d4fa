package dev.poolguard.core.result;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one lint run, which every reporter renders.
 *
 * @param findings every finding, suppressed ones included, in {@link Finding#ORDER}
 * @param rules the metadata of every rule that was loaded, sorted by id
 * @param model the effective deployment model
 * @param notes what the run summary should mention (skipped templates, inert mounts), sorted
 * @param filesRead how many config files were read
 * @param baseline the baseline the run compared with and every change from it, if there was one
 * @param budgets the connection budget of every database the capacity model can judge, by name
 * @param excerpts the configuration lines around each finding, secrets redacted, for the reports
 * @param judged what was linted and compared with (paths, revision, baseline)
 */
public record LintResult(
    List<Finding> findings,
    List<RuleInfo> rules,
    DeploymentModel model,
    List<String> notes,
    int filesRead,
    Optional<BaselineView> baseline,
    List<DatabaseBudget> budgets,
    List<Excerpt> excerpts,
    Judged judged) {

  public LintResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    notes = List.copyOf(notes);
    Objects.requireNonNull(baseline, "baseline");
    budgets = List.copyOf(budgets);
    excerpts = List.copyOf(excerpts);
    Objects.requireNonNull(judged, "judged");
  }

  /** A result without report data: no baseline, budgets or excerpts. */
  public LintResult(
      List<Finding> findings,
      List<RuleInfo> rules,
      DeploymentModel model,
      List<String> notes,
      int filesRead) {
    this(
        findings,
        rules,
        model,
        notes,
        filesRead,
        Optional.empty(),
        List.of(),
        List.of(),
        Judged.paths(List.of(".")));
  }

  /** The same result with the data reports show beside the findings. */
  public LintResult withReportData(
      Optional<BaselineView> baselineView,
      List<DatabaseBudget> databaseBudgets,
      List<Excerpt> configExcerpts) {
    return new LintResult(
        findings,
        rules,
        model,
        notes,
        filesRead,
        baselineView,
        databaseBudgets,
        configExcerpts,
        judged);
  }

  /** The same result saying what it judged. */
  public LintResult withJudged(Judged what) {
    return new LintResult(
        findings, rules, model, notes, filesRead, baseline, budgets, excerpts, what);
  }

  /** Files and workloads that were found but not used, sorted by position. */
  public List<dev.poolguard.core.model.Diagnostic> unusedFiles() {
    return model.diagnostics().stream()
        .filter(d -> d.kind() == dev.poolguard.core.model.Diagnostic.Kind.FILE_NOT_USED)
        .toList();
  }

  /** Findings that count: not suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  /**
   * Findings that {@code --new-only} leaves out because the baseline has them too; the rest of the
   * suppressed findings were suppressed by an inline ignore or a waiver.
   */
  public long existing() {
    return findings.stream()
        .filter(
            f ->
                f.suppression()
                    .filter(s -> s.kind() == Finding.Suppression.Kind.BASELINE)
                    .isPresent())
        .count();
  }

  public long count(Severity severity) {
    return active().stream().filter(f -> f.severity() == severity).count();
  }

  /** The excerpt shown for a finding at {@code position}, if the file could be read. */
  public Optional<Excerpt> excerptAt(SourcePosition position) {
    return excerpts.stream()
        .filter(e -> e.path().equals(position.path()) && e.focusLine() == position.line())
        .findFirst();
  }

  /**
   * Lines of a configuration file around a finding, with secret values already masked.
   *
   * @param path the display path
   * @param firstLine the 1-based number of the first line in {@code lines}
   * @param focusLine the line the finding points at
   * @param lines the lines, without line terminators
   */
  public record Excerpt(String path, int firstLine, int focusLine, List<String> lines) {

    public Excerpt {
      Objects.requireNonNull(path, "path");
      lines = List.copyOf(lines);
    }
  }
}
