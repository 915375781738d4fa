package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineSpec;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.GitHead;
import dev.poolguard.core.capacity.CapacityAnalysis;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.capacity.ServerConfigs;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.custom.CustomRules;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.PoolguardConfigs;
import dev.poolguard.core.project.RuleConfig;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Judged;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The one entry point the CLI and the Maven plugin call: files in, findings out. */
public final class Linter {

  private final RuleSet rules;
  private final Limits.Overrides limitOverrides;
  private final Boundary.OutsidePaths outsidePaths;
  private final Set<Path> filesRead = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Linter(RuleSet rules) {
    this(rules, Limits.Overrides.NONE, Boundary.OutsidePaths.CLI_DEFAULT);
  }

  private Linter(
      RuleSet rules, Limits.Overrides limitOverrides, Boundary.OutsidePaths outsidePaths) {
    this.rules = rules;
    this.limitOverrides = limitOverrides;
    this.outsidePaths = outsidePaths;
  }

  /**
   * This linter allowing paths of poolguard.yaml, imports and symlinks that lead outside the
   * repository and the linted paths ({@code --allow-outside-paths}); {@code .git} stays refused.
   */
  public Linter allowingOutsidePaths(boolean allow) {
    return new Linter(rules, limitOverrides, outsidePaths.allowing(allow));
  }

  /**
   * This linter telling its user how to allow outside paths in its own words ({@code "set
   * -Dpoolguard.allowOutsidePaths=true"} for the Maven plugin); the default names the CLI flag.
   */
  public Linter sayingHowToAllowOutsidePaths(String howToAllow) {
    return new Linter(rules, limitOverrides, outsidePaths.saying(howToAllow));
  }

  /**
   * Every file the runs of this linter have read from disk so far (poolguard.yaml, config files, a
   * folder baseline's files), as absolute paths: an output must never replace one of them.
   */
  public Set<Path> filesRead() {
    return Set.copyOf(filesRead);
  }

  /**
   * This linter with limits from the command line, which beat {@code limits:} in poolguard.yaml.
   */
  public Linter withLimits(Limits.Overrides overrides) {
    return new Linter(rules, overrides, outsidePaths);
  }

  /**
   * Lints what {@code request} names.
   *
   * @throws LintException when poolguard cannot lint (bad path, invalid poolguard.yaml)
   */
  public LintResult lint(LintRequest request) {
    LintResult result =
        request.staged() ? Baselines.withStagedTree(request, this::lintTree) : lintTree(request);
    return result.withJudged(judged(request, result.baseline()));
  }

  /** A PATH as given; an absolute one inside the working directory relative to it. */
  private static String shown(LintRequest request, Path p) {
    Path wd = request.workTreeDirectory();
    Path n = p.normalize();
    Path shown = p.isAbsolute() && n.startsWith(wd) ? wd.relativize(n) : p;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /** What the run judged: the paths as given, the commit they stand at, the baseline. */
  private static Judged judged(LintRequest request, Optional<BaselineView> baseline) {
    List<String> paths =
        request.paths().isEmpty()
            ? List.of(".")
            : request.paths().stream().map(p -> shown(request, p)).toList();
    Optional<GitHead> git = GitHead.of(request.workTreeDirectory());
    if (!request.paths().isEmpty() && !request.paths().get(0).toString().equals("-")) {
      git = GitHead.of(request.workTreeDirectory().resolve(request.paths().get(0)));
    }
    return new Judged(
        paths,
        request.staged(),
        git.flatMap(GitHead::commit),
        git.flatMap(GitHead::branch),
        git.flatMap(GitHead::remoteUri),
        baseline.map(BaselineView::label),
        baseline.flatMap(BaselineView::revision));
  }

  /** The effective model and the changes from the baseline, for {@code poolguard diff}. */
  public Optional<BaselineView> diff(LintRequest request) {
    if (request.staged()) {
      return Baselines.withStagedTree(request, r -> loadBaseline(r));
    }
    return loadBaseline(request);
  }

  private Optional<BaselineView> loadBaseline(LintRequest request) {
    Run run = prepare(request);
    return new Baselines(this::prepareBaseline, limitOverrides)
        .load(request, run.config, run.model);
  }

  private LintResult lintTree(LintRequest request) {
    Run run = prepare(request);
    Optional<BaselineView> baseline =
        new Baselines(this::prepareBaseline, limitOverrides).load(request, run.config, run.model);
    Baselines.missingStagedBaseline(request, run.config).ifPresent(run.notes::add);
    Map<String, Map<String, Double>> thresholds = new HashMap<>();
    run.config.rules().forEach((id, rc) -> thresholds.put(id, rc.thresholds()));
    RuleSet ruleSet = withCustomRules(run.config);
    ConfigChecks.checkRuleConfig(ruleSet, run.config);
    CapacityAnalysis capacity = capacity(run, thresholds);
    LintContext context =
        new LintContext(run.files, run.model, thresholds, run.config, baseline, capacity);
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Rule rule : ruleSet.rules()) {
      List<Violation> violations;
      try {
        violations = enabled(rule, run.config) ? rule.check(context) : List.of();
      } catch (LintException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ruleFailure(rule, e, run.model.redaction());
      }
      collect(rule, run.config, violations, seen, findings);
    }
    findings = audited(ruleSet, request, run, findings, seen);
    findings.sort(Finding.ORDER);
    return ReportData.attach(
        new LintResult(findings, ruleSet.infos(), run.model, sorted(run.notes), run.files.size()),
        capacity,
        baseline,
        path -> text(run, request, path));
  }

  /**
   * The capacity figures of a run: its database files read once, its pools and budgets worked out
   * once, for every rule and report.
   */
  private static CapacityAnalysis capacity(Run run, Map<String, Map<String, Double>> thresholds) {
    double nearLimit =
        thresholds
            .getOrDefault("database-connections-near-limit", Map.of())
            .getOrDefault("nearLimit", FleetBudget.DEFAULT_NEAR_LIMIT);
    return CapacityAnalysis.of(run.model, run.config, ServerConfigs.load(run.config), nearLimit);
  }

  /**
   * The text of a file a finding points at, by its display path: from the run's workspace (the real
   * path survives names the platform cannot encode), else beside the working directory
   * (poolguard.yaml, postgresql.conf).
   */
  private static Optional<String> text(Run run, LintRequest request, String displayPath) {
    if (displayPath.equals("<stdin>")) {
      return request.stdin();
    }
    Optional<String> loaded = run.workspace.text(displayPath);
    if (loaded.isPresent()) {
      return loaded;
    }
    try {
      return run.workspace.text(request.workingDirectory().resolve(displayPath));
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * Applies inline ignores and waivers to {@code findings}, then lets the suppression rules judge
   * the suppressions themselves (SPEC 6).
   */
  private static List<Finding> audited(
      RuleSet ruleSet, LintRequest request, Run run, List<Finding> findings, Set<String> seen) {
    Set<String> ids = new TreeSet<>();
    Set<String> auditIds = new TreeSet<>();
    for (Rule rule : ruleSet.rules()) {
      ids.add(rule.info().id());
      if (rule instanceof SuppressionRule) {
        auditIds.add(rule.info().id());
      }
    }
    ConfigChecks.checkWaivers(run.config, ids, auditIds);
    Suppressor.Outcome outcome =
        new Suppressor(run.config, request.workingDirectory(), request.suppression())
            .apply(
                findings,
                run.files,
                path -> path.equals("<stdin>") ? request.stdin() : run.workspace.text(path),
                ids,
                auditIds);
    List<Finding> all = new ArrayList<>(outcome.findings());
    for (Rule rule : ruleSet.rules()) {
      if (rule instanceof SuppressionRule audit && enabled(rule, run.config)) {
        try {
          collect(rule, run.config, audit.audit(outcome.audit()), seen, all);
        } catch (RuntimeException e) {
          throw ruleFailure(rule, e, run.model.redaction());
        }
      }
    }
    return all;
  }

  /**
   * A rule that failed, as one line: an exception's message can quote the value it choked on
   * ({@code For input string: "..."}), so the message and the cause shown with --debug are masked.
   */
  private static LintException ruleFailure(Rule rule, RuntimeException e, Redaction redaction) {
    RuntimeException masked = new RuntimeException(redaction.scrub(e.toString()));
    masked.setStackTrace(e.getStackTrace());
    return new LintException(
        "internal error in rule " + rule.info().id() + ": " + masked.getMessage(), masked);
  }

  private static boolean enabled(Rule rule, PoolguardConfig config) {
    return severity(rule.info(), config.rules().get(rule.info().id())).isPresent();
  }

  private static void collect(
      Rule rule,
      PoolguardConfig config,
      List<Violation> violations,
      Set<String> seen,
      List<Finding> findings) {
    RuleInfo info = rule.info();
    Optional<Severity> severity = severity(info, config.rules().get(info.id()));
    if (severity.isEmpty()) {
      return;
    }
    for (Violation v : violations) {
      // What-if profile variants repeat findings that do not depend on the profile.
      if (seen.add(info.id() + "\u0000" + v.position() + "\u0000" + v.message())) {
        findings.add(Finding.of(info, chosen(info, config, severity.get(), v), v));
      }
    }
  }

  /** A violation's own severity beats the default, but not one set under {@code rules:}. */
  private static Severity chosen(
      RuleInfo info, PoolguardConfig config, Severity configured, Violation v) {
    RuleConfig rc = config.rules().get(info.id());
    boolean explicit = rc != null && rc.severity().isPresent();
    return explicit ? configured : v.severity().orElse(configured);
  }

  /** The effective model only, for {@code poolguard model} and {@code poolguard baseline}. */
  public DeploymentModel model(LintRequest request) {
    if (request.staged()) {
      return Baselines.withStagedTree(request, r -> prepare(r).model);
    }
    return prepare(request).model;
  }

  private record Run(
      PoolguardConfig config,
      List<ConfigFile> files,
      DeploymentModel model,
      List<String> notes,
      Workspace workspace) {}

  private Run prepare(LintRequest request) {
    List<Path> roots = request.absolutePaths();
    // Only '-' (standard input): poolguard.yaml is looked up from the working directory.
    List<Path> searchFrom = roots.isEmpty() ? List.of(request.workingDirectory()) : roots;
    Display display = new Display(request.workingDirectory());
    List<String> lookupNotes = new ArrayList<>();
    Optional<Path> configPath =
        PoolguardConfigs.find(
            searchFrom,
            request.configFile().map(p -> request.workingDirectory().resolve(p)),
            lookupNotes::add);
    PoolguardConfig config =
        configPath
            .map(p -> PoolguardConfigs.load(p, display.of(p)))
            .orElseGet(() -> PoolguardConfig.empty(searchFrom.get(0)));
    Boundary.checkConfigPaths(config, outsidePaths, display);
    if (request.baseline().isEmpty() && !request.noBaseline() && config.baseline().isPresent()) {
      BaselineSpec spec = BaselineSpec.parse(config.baseline().get(), config.baseDir());
      if (spec.path().isPresent()) {
        Boundary.checkBaselinePath(config, spec.path().get(), outsidePaths, display);
      }
    }
    List<Path> excluded = Baselines.folderInside(request, config, roots);
    return prepare(request, config, configPath, excluded, lookupNotes);
  }

  /** The model of a baseline tree, read with the current poolguard.yaml moved onto it. */
  private DeploymentModel prepareBaseline(LintRequest request, PoolguardConfig config) {
    return prepare(request, config, Optional.empty(), List.of(), List.of()).model;
  }

  private Run prepare(
      LintRequest request,
      PoolguardConfig config,
      Optional<Path> configPath,
      List<Path> excluded,
      List<String> earlierNotes) {
    List<Path> roots = request.absolutePaths();
    Display display = new Display(request.workingDirectory());
    Limits limits = limitOverrides.applyTo(config.limits());
    List<String> notes = new ArrayList<>(earlierNotes);
    Discovery discovery = new Discovery(config.exclude(), config.baseDir(), limits, display, notes);
    List<Path> files = new ArrayList<>(discovery.walk(roots));
    files.removeIf(f -> excluded.stream().anyMatch(f::startsWith));
    configPath.ifPresent(p -> files.remove(p.toAbsolutePath().normalize()));
    Boundary boundary = Boundary.of(config, roots, outsidePaths, display);
    Workspace workspace = new Workspace(display, limits, filesRead::add, boundary);
    configPath.ifPresent(p -> filesRead.add(p.toAbsolutePath().normalize()));
    ServiceAssembly assembly = new ServiceAssembly(config, workspace, request, notes);
    List<Service> services = assembly.services(files);
    for (ConfigFile file : workspace.files()) {
      file.problems().stream()
          .filter(p -> p.kind() == LoadProblem.Kind.READ_AS_LATIN1)
          .forEach(p -> notes.add(p.position() + ": " + p.message()));
    }
    List<dev.poolguard.core.model.Diagnostic> diagnostics = new ArrayList<>(assembly.diagnostics());
    List<Path> unmodelled = new ArrayList<>(discovery.unmodelled());
    unmodelled.removeIf(f -> excluded.stream().anyMatch(f::startsWith));
    diagnostics.addAll(UnusedFiles.of(assembly.read(), services, unmodelled, config, display));
    DeploymentModel model =
        new DeploymentModel(
            services,
            sorted(notes),
            diagnostics,
            SecretValues.of(workspace.files(), services, limits));
    return new Run(config, workspace.files(), model, notes, workspace);
  }

  private static Optional<Severity> severity(RuleInfo info, RuleConfig configured) {
    if (configured == null || configured.severity().isEmpty()) {
      return Optional.of(info.defaultSeverity());
    }
    String s = configured.severity().get().toLowerCase(Locale.ROOT);
    return s.equals("off") ? Optional.empty() : Optional.of(Severity.parse(s));
  }

  /** The loaded rules and the {@code customRules:} of poolguard.yaml; ids stay unique. */
  private RuleSet withCustomRules(PoolguardConfig config) {
    List<Rule> custom = CustomRules.of(config);
    for (int i = 0; i < custom.size(); i++) {
      String id = custom.get(i).info().id();
      if (rules.find(id).isPresent()) {
        throw new LintException(
            config.customRules().get(i).positionOf("id")
                + ": customRules: id '"
                + id
                + "' is taken by the rule "
                + rules.find(id).get().getClass().getName());
      }
    }
    return custom.isEmpty() ? rules : rules.with(custom, config.displayPath());
  }

  private static List<String> sorted(List<String> notes) {
    return List.copyOf(new TreeSet<>(new LinkedHashSet<>(notes)));
  }
}
