package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineSpec;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.GitHead;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.custom.CustomRules;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.PoolguardConfigs;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Judged;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The one entry point the CLI and the Maven plugin call: files in, findings out. */
public final class Linter {

  private final RuleSet rules;
  private final Limits.Overrides limitOverrides;
  private final Boundary.OutsidePaths outsidePaths;
  private final RuleSelection selection;
  private final boolean newOnly;
  private final Set<Path> filesRead = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Linter(RuleSet rules) {
    this(
        rules, Limits.Overrides.NONE, Boundary.OutsidePaths.CLI_DEFAULT, RuleSelection.NONE, false);
  }

  private Linter(
      RuleSet rules,
      Limits.Overrides limitOverrides,
      Boundary.OutsidePaths outsidePaths,
      RuleSelection selection,
      boolean newOnly) {
    this.rules = rules;
    this.limitOverrides = limitOverrides;
    this.outsidePaths = outsidePaths;
    this.selection = selection;
    this.newOnly = newOnly;
  }

  /** This linter with rules switched on or off ({@code --enable}, {@code --disable}). */
  public Linter selecting(RuleSelection chosen) {
    return new Linter(rules, limitOverrides, outsidePaths, chosen, newOnly);
  }

  /**
   * This linter reporting only new findings ({@code --new-only}): the baseline is linted too, and a
   * finding it has as well (same fingerprint, same judged values) is suppressed as existing.
   */
  public Linter reportingNewOnly(boolean onlyNew) {
    return new Linter(rules, limitOverrides, outsidePaths, selection, onlyNew);
  }

  /**
   * This linter allowing paths of poolguard.yaml, imports and symlinks that lead outside the
   * repository and the linted paths ({@code --allow-outside-paths}); {@code .git} stays refused.
   */
  public Linter allowingOutsidePaths(boolean allow) {
    return new Linter(rules, limitOverrides, outsidePaths.allowing(allow), selection, newOnly);
  }

  /**
   * This linter telling its user how to allow outside paths in its own words ({@code "set
   * -Dpoolguard.allowOutsidePaths=true"} for the Maven plugin); the default names the CLI flag.
   */
  public Linter sayingHowToAllowOutsidePaths(String howToAllow) {
    return new Linter(rules, limitOverrides, outsidePaths.saying(howToAllow), selection, newOnly);
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
    return new Linter(rules, overrides, outsidePaths, selection, newOnly);
  }

  /**
   * Lints what {@code request} names.
   *
   * @throws LintException when poolguard cannot lint (bad path, invalid poolguard.yaml)
   */
  public LintResult lint(LintRequest request) {
    LintResult result =
        request.staged() ? Baselines.withStagedTree(request, this::lintTree) : lintTree(request);
    return result.withJudged(judged(request, result.baseline(), result.judged().docsUrl()));
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
  private static Judged judged(
      LintRequest request, Optional<BaselineView> baseline, Optional<String> docsUrl) {
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
        baseline.flatMap(BaselineView::revision),
        docsUrl);
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
    return baselines(run.workspace)
        .load(request, run.config, run.model)
        .map(Baselines.Loaded::view);
  }

  /** Baselines whose trees take the files {@code current} parsed when they are the same. */
  private Baselines baselines(Workspace current) {
    return new Baselines(
        (r, c) -> baselineTree(r, c, current), this::snapshotFindings, limitOverrides);
  }

  private LintResult lintTree(LintRequest request) {
    Run prepared = prepare(request);
    Optional<Baselines.Loaded> loaded =
        baselines(prepared.workspace).load(request, prepared.config, prepared.model);
    Optional<BaselineView> baseline = loaded.map(Baselines.Loaded::view);
    Baselines.missingStagedBaseline(request, prepared.config).ifPresent(prepared.notes::add);
    if (newOnly) {
      NewOnly.check(request, loaded.isPresent()).ifPresent(prepared.notes::add);
    }
    RuleSet ruleSet = withCustomRules(prepared.config);
    ConfigChecks.checkRuleConfig(ruleSet, prepared.config);
    Run run = prepared.withConfig(selection.applyTo(prepared.config, ruleSet));
    RuleEvaluation.Outcome outcome = RuleEvaluation.run(ruleSet, request, run, baseline);
    List<Finding> findings = outcome.findings();
    if (newOnly && loaded.isPresent()) {
      findings = NewOnly.suppressExisting(findings, loaded.get());
    }
    return ReportData.attach(
            new LintResult(
                findings, ruleSet.infos(), run.model, sorted(run.notes), run.files.size()),
            outcome.capacity(),
            baseline,
            path -> text(run, request, path))
        .withJudged(Judged.paths(List.of(".")).withDocsUrl(run.config.docsUrl()));
  }

  /**
   * A baseline tree (a folder, a git revision's copy) read with the current poolguard.yaml moved
   * onto it; with {@code --new-only} its own findings too, linted without a baseline.
   */
  private Baselines.Tree baselineTree(
      LintRequest request, PoolguardConfig config, Workspace current) {
    Run run =
        prepare(request, config, Optional.empty(), List.of(), List.of(), Optional.of(current));
    return new Baselines.Tree(run.model, newOnly ? ownFindings(request, run) : List.of());
  }

  /** With {@code --new-only}, the findings of a snapshot's model: it has no files to read. */
  private List<Finding> snapshotFindings(
      LintRequest request, PoolguardConfig config, DeploymentModel model) {
    if (!newOnly) {
      return List.of();
    }
    Display display = new Display(request.workingDirectory());
    Limits limits = limitOverrides.applyTo(config.limits());
    Boundary boundary = Boundary.of(config, request.absolutePaths(), outsidePaths, display);
    Workspace nothingRead = new Workspace(display, limits, p -> {}, boundary);
    return ownFindings(request, new Run(config, List.of(), model, new ArrayList<>(), nothingRead));
  }

  private List<Finding> ownFindings(LintRequest request, Run prepared) {
    RuleSet ruleSet = withCustomRules(prepared.config);
    Run run = prepared.withConfig(selection.applyTo(prepared.config, ruleSet));
    return RuleEvaluation.run(ruleSet, request, run, Optional.empty()).findings();
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

  /** The effective model only, for {@code poolguard model} and {@code poolguard baseline}. */
  public DeploymentModel model(LintRequest request) {
    if (request.staged()) {
      return Baselines.withStagedTree(request, r -> prepare(r).model);
    }
    return prepare(request).model;
  }

  /** A tree prepared for the rules: its configuration, files and effective model. */
  record Run(
      PoolguardConfig config,
      List<ConfigFile> files,
      DeploymentModel model,
      List<String> notes,
      Workspace workspace) {

    Run withConfig(PoolguardConfig selected) {
      return new Run(selected, files, model, notes, workspace);
    }
  }

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
    return prepare(request, config, configPath, excluded, lookupNotes, Optional.empty());
  }

  private Run prepare(
      LintRequest request,
      PoolguardConfig config,
      Optional<Path> configPath,
      List<Path> excluded,
      List<String> earlierNotes,
      Optional<Workspace> current) {
    List<Path> roots = request.absolutePaths();
    Display display = new Display(request.workingDirectory());
    Limits limits = limitOverrides.applyTo(config.limits());
    List<String> notes = new ArrayList<>(earlierNotes);
    Discovery discovery = new Discovery(config.exclude(), config.baseDir(), limits, display, notes);
    List<Path> files = new ArrayList<>(discovery.walk(roots));
    files.removeIf(f -> excluded.stream().anyMatch(f::startsWith));
    configPath.ifPresent(p -> files.remove(p.toAbsolutePath().normalize()));
    Boundary boundary = Boundary.of(config, roots, outsidePaths, display);
    Workspace workspace = new Workspace(display, limits, filesRead::add, boundary, current);
    configPath.ifPresent(p -> filesRead.add(p.toAbsolutePath().normalize()));
    workspace.prefetch(files);
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
    List<dev.poolguard.core.model.DatabaseServer> servers =
        new ArrayList<>(
            ComposeLinks.servers(assembly.compose(), services, byDisplayPath(workspace.files())));
    servers.addAll(
        OperatorDatabases.servers(
            assembly.read().manifests(), services, byDisplayPath(workspace.files()), notes));
    Set<String> serverFiles = ComposeLinks.filesRead(servers, display);
    ComposePoolers.files(assembly.compose()).forEach(f -> serverFiles.add(display.of(f)));
    unmodelled.removeIf(f -> serverFiles.contains(display.of(f)));
    notes.addAll(dev.poolguard.core.capacity.FoundDatabases.unknownManaged(config));
    PoolerLoading poolers = PoolerLoading.load(config, workspace);
    List<dev.poolguard.core.model.Diagnostic> unused =
        new ArrayList<>(
            UnusedFiles.of(
                assembly.read(), services, unmodelled, config, display, poolers.files()));
    unused.addAll(assembly.compose().unread());
    unused.addAll(
        ComposeLinks.untied(servers.stream().filter(s -> !OperatorDatabases.runs(s)).toList()));
    unused.addAll(OperatorDatabases.untied(servers));
    unused.addAll(ComposePoolers.notes(assembly.compose(), servers));
    // A Pooler services reach by JDBC host is tied: no "tied to no database" note for it.
    java.util.Map<String, dev.poolguard.core.model.pooler.Pooler> operatorPoolers =
        OperatorDatabases.byDatabase(assembly.read().manifests(), servers, config);
    Set<dev.poolguard.core.config.SourcePosition> tiedPoolers = new java.util.HashSet<>();
    operatorPoolers.values().forEach(p -> tiedPoolers.add(p.position()));
    unused.removeIf(
        d ->
            tiedPoolers.contains(d.position())
                && d.message()
                    .startsWith(dev.poolguard.core.model.pooler.Pooler.Kind.CLOUDNATIVEPG.label()));
    unused.sort(
        java.util.Comparator.comparing(dev.poolguard.core.model.Diagnostic::position)
            .thenComparing(dev.poolguard.core.model.Diagnostic::message));
    diagnostics.addAll(unused);
    DeploymentModel model =
        new DeploymentModel(
            services,
            sorted(notes),
            diagnostics,
            SecretValues.of(workspace.files(), services, limits),
            servers);
    java.util.Map<String, dev.poolguard.core.model.pooler.Pooler> byDatabase =
        new java.util.TreeMap<>(ComposePoolers.byDatabase(assembly.compose(), servers, config));
    operatorPoolers.forEach(byDatabase::putIfAbsent);
    byDatabase.putAll(poolers.byDatabase()); // a pooler poolguard.yaml declares wins
    model = model.withPoolers(byDatabase);
    return new Run(config, workspace.files(), model, notes, workspace);
  }

  private static java.util.Map<String, ConfigFile> byDisplayPath(List<ConfigFile> files) {
    java.util.Map<String, ConfigFile> out = new java.util.HashMap<>();
    files.forEach(f -> out.putIfAbsent(f.displayPath(), f));
    return out;
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
