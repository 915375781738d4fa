package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineSpec;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.DeploymentDiff;
import dev.poolguard.core.baseline.GitTree;
import dev.poolguard.core.baseline.Materialized;
import dev.poolguard.core.baseline.ModelDiff;
import dev.poolguard.core.baseline.Snapshot;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import dev.poolguard.core.result.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Loads the baseline a run compares with (a folder, a snapshot, a git revision) and runs lints over
 * the git index for {@code --staged}. Git trees are copied from the object database into a
 * temporary folder that is deleted afterwards; the work tree and the index are never touched.
 */
final class Baselines {

  private final BiFunction<LintRequest, PoolguardConfig, Tree> treeModel;
  private final SnapshotLint snapshotLint;

  private final dev.poolguard.core.config.Limits.Overrides limitOverrides;

  Baselines(
      BiFunction<LintRequest, PoolguardConfig, Tree> treeModel,
      SnapshotLint snapshotLint,
      dev.poolguard.core.config.Limits.Overrides limitOverrides) {
    this.limitOverrides = limitOverrides;
    this.treeModel = treeModel;
    this.snapshotLint = snapshotLint;
  }

  /**
   * A baseline tree as a run reads it: its effective model and, with {@code --new-only}, the
   * findings of its own lint.
   */
  record Tree(DeploymentModel model, List<Finding> findings) {
    Tree {
      findings = List.copyOf(findings);
    }
  }

  /** The findings of a snapshot's model with {@code --new-only}; none otherwise. */
  interface SnapshotLint {
    List<Finding> findings(LintRequest request, PoolguardConfig config, DeploymentModel model);
  }

  /** The baseline of a run and, with {@code --new-only}, the findings of its own lint. */
  record Loaded(BaselineView view, List<Finding> findings) {
    Loaded {
      findings = List.copyOf(findings);
    }
  }

  /** The spec the run uses and the folder it is relative to, if the run has a baseline. */
  private record Chosen(String spec, Path base) {}

  private static Optional<Chosen> chosen(LintRequest request, PoolguardConfig config) {
    if (request.baseline().isPresent()) {
      return Optional.of(new Chosen(request.baseline().get(), request.workingDirectory()));
    }
    if (!request.noBaseline() && config.baseline().isPresent()) {
      return Optional.of(new Chosen(config.baseline().get(), config.baseDir()));
    }
    if (!request.noBaseline() && request.staged()) {
      // The commit being made is judged against the one it follows (SPEC 10).
      return GitTree.head(request.workTreeDirectory())
          .map(head -> new Chosen(STAGED_DEFAULT, request.workingDirectory()));
    }
    return Optional.empty();
  }

  /** The baseline of {@code --staged} when nothing names one. */
  static final String STAGED_DEFAULT = "HEAD";

  /**
   * Why a {@code --staged} run has no baseline, for {@code -v}: the repository has no commit yet.
   */
  static Optional<String> missingStagedBaseline(LintRequest request, PoolguardConfig config) {
    if (request.staged()
        && chosen(request, config).isEmpty()
        && !request.noBaseline()
        && request.baseline().isEmpty()) {
      return Optional.of(
          "no baseline: the repository has no commit yet, so the first commit is linted without"
              + " one");
    }
    return Optional.empty();
  }

  /**
   * A baseline folder or snapshot inside a linted path is never linted as current configuration,
   * nor listed as a file not used.
   */
  static List<Path> folderInside(LintRequest request, PoolguardConfig config, List<Path> roots) {
    Optional<Chosen> chosen = chosen(request, config);
    if (chosen.isEmpty()) {
      return List.of();
    }
    Path resolved = chosen.get().base().resolve(chosen.get().spec()).toAbsolutePath().normalize();
    if (Files.exists(resolved) && roots.stream().anyMatch(resolved::startsWith)) {
      return List.of(resolved);
    }
    return List.of();
  }

  Optional<Loaded> load(LintRequest request, PoolguardConfig config, DeploymentModel current) {
    Optional<Chosen> chosen = chosen(request, config);
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    BaselineSpec spec = BaselineSpec.parse(chosen.get().spec(), chosen.get().base());
    Display display = new Display(request.workingDirectory());
    Tree tree;
    String label;
    String[] revision = {null};
    switch (spec.kind()) {
      case SNAPSHOT -> {
        DeploymentModel model = Snapshot.read(spec.path().orElseThrow());
        tree = new Tree(model, snapshotLint.findings(request, config, model));
        label = display.of(spec.path().orElseThrow());
      }
      case FOLDER -> {
        Path folder = spec.path().orElseThrow();
        Path root = currentRoot(request, config);
        tree =
            treeModel.apply(
                moved(request, root, folder, request.workingDirectory()),
                rebase(config, root, folder));
        label = display.of(folder);
      }
      default -> {
        label = spec.spec();
        dev.poolguard.core.config.Limits limits = limitOverrides.applyTo(config.limits());
        tree =
            ScratchFolders.with(
                "poolguard-baseline",
                limits.maxTotalBytes(),
                tmp -> {
                  Materialized m =
                      GitTree.materialize(request.workTreeDirectory(), spec.spec(), tmp, limits);
                  revision[0] = m.commit().orElse(null);
                  return treeModel.apply(moved(request, m), rebase(config, m, request));
                });
      }
    }
    DeploymentModel baseline = tree.model();
    List<dev.poolguard.core.baseline.Change> changes =
        new ArrayList<>(ModelDiff.between(current, baseline));
    changes.addAll(DeploymentDiff.between(current, baseline));
    changes.sort(null);
    BaselineView view =
        new BaselineView(label, baseline, changes, Optional.ofNullable(revision[0]))
            .against(current);
    return Optional.of(new Loaded(view, tree.findings()));
  }

  /**
   * Runs {@code body} over a copy of the git index: what the next commit records. The request it
   * gets keeps {@code staged} set, so that its baseline defaults to {@code HEAD}.
   */
  static <T> T withStagedTree(LintRequest request, Function<LintRequest, T> body) {
    return ScratchFolders.with(
        "poolguard-staged",
        dev.poolguard.core.config.Limits.DEFAULT.maxTotalBytes(),
        tmp -> {
          // poolguard.yaml is read from the copy, so the default limits bound the copying.
          Materialized m =
              GitTree.materializeIndex(
                  request.workingDirectory(), tmp, dev.poolguard.core.config.Limits.DEFAULT);
          LintRequest moved = moved(request, m);
          return body.apply(
              new LintRequest(
                  moved.paths(),
                  moved.configFile(),
                  moved.profileOverride(),
                  moved.workingDirectory(),
                  request.baseline(),
                  request.noBaseline(),
                  true,
                  request.workTreeDirectory(),
                  request.stdin(),
                  request.suppression()));
        });
  }

  /**
   * The folder that corresponds to a baseline folder's root: poolguard.yaml's, else the first path.
   */
  private static Path currentRoot(LintRequest request, PoolguardConfig config) {
    if (config.file().isPresent()) {
      return config.baseDir();
    }
    Path first = request.absolutePaths().get(0);
    return Files.isDirectory(first) ? first : first.getParent();
  }

  private static LintRequest moved(LintRequest request, Materialized m) {
    Path wd =
        m.locate(request.workTreeDirectory())
            .orElseThrow(
                () -> new LintException("the working directory is outside the git repository"));
    Path linted = linted(request, m.repositoryRoot());
    Function<Path, Path> locate =
        p -> {
          if (!p.isAbsolute()) {
            return p;
          }
          Path n = p.normalize();
          return n.startsWith(linted)
              ? m.target().resolve(linted.relativize(n).toString())
              : m.locate(p).orElse(p);
        };
    List<Path> paths = request.paths().stream().map(locate).toList();
    return request.movedTo(wd, paths, request.configFile().map(locate));
  }

  private static LintRequest moved(LintRequest request, Path from, Path to, Path workingDirectory) {
    List<Path> paths = new ArrayList<>();
    for (Path p : request.absolutePaths()) {
      paths.add(p.startsWith(from) ? to.resolve(from.relativize(p).toString()) : p);
    }
    return request.movedTo(workingDirectory, paths, Optional.empty());
  }

  /**
   * The current poolguard.yaml moved onto a revision's copy. Its paths lie in the tree being
   * linted: the work tree, or under {@code --staged} the copy of the index, whose root is found
   * from where the working directory sits in each.
   */
  private static PoolguardConfig rebase(
      PoolguardConfig config, Materialized m, LintRequest request) {
    return rebase(config, linted(request, m.repositoryRoot()), m.target());
  }

  /** The root of the tree being linted: the repository root, or its copy when one is linted. */
  static Path linted(LintRequest request, Path repositoryRoot) {
    Path inRepository = repositoryRoot.relativize(request.workTreeDirectory());
    Path root = request.workingDirectory();
    if (!inRepository.toString().isEmpty()) {
      for (int i = 0; i < inRepository.getNameCount() && root.getParent() != null; i++) {
        root = root.getParent();
      }
    }
    return root;
  }

  /** The current poolguard.yaml applied to a copy of the tree: its paths moved onto the copy. */
  private static PoolguardConfig rebase(PoolguardConfig c, Path from, Path to) {
    TreeMap<String, ServiceConfig> services = new TreeMap<>();
    for (ServiceConfig s : c.services().values()) {
      services.put(
          s.name(),
          new ServiceConfig(
              s.name(),
              s.framework(),
              move(s.config(), from, to),
              move(s.deployment(), from, to),
              s.container(),
              s.profiles(),
              s.database(),
              s.datasources(),
              s.replicas(),
              s.load(),
              s.helm().map(h -> h.moved(p -> move(List.of(p), from, to).get(0))),
              s.position(),
              s.positions(),
              s.declared()));
    }
    Path baseDir =
        c.baseDir().startsWith(from)
            ? to.resolve(from.relativize(c.baseDir()).toString())
            : c.baseDir();
    return new PoolguardConfig(
        c.file(),
        c.displayPath(),
        baseDir,
        c.baseline(),
        services,
        c.databases(),
        c.concurrentRollouts(),
        c.hikariVersion(),
        c.exclude(),
        c.limits(),
        c.rules(),
        c.waivers(),
        c.customRules(),
        c.positions(),
        c.docsUrl(),
        c.compose().stream().map(stack -> move(stack, from, to)).toList());
  }

  private static List<Path> move(List<Path> paths, Path from, Path to) {
    return paths.stream()
        .map(p -> p.startsWith(from) ? to.resolve(from.relativize(p).toString()) : p)
        .toList();
  }
}
