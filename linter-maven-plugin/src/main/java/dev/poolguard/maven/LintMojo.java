package dev.poolguard.maven;

import dev.poolguard.core.LintException;
import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSelection;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.engine.Today;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.report.FailOn;
import dev.poolguard.core.report.ReportFiles;
import dev.poolguard.core.report.ReportOptions;
import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.text.Escapes;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Lints the project's connection-pool configuration and fails the build when findings reach {@code
 * failOn}. It translates its parameters into the same core call as the command line. In a reactor
 * each lint root ({@link LintRoots}) is linted once; executions in modules inside it only log where
 * the lint runs.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends AbstractMojo {

  /**
   * Files and folders to lint, relative to the project. By default the project's lint root: the
   * nearest folder at or above it with a poolguard config file, else the top of the reactor, linted
   * once for the whole reactor.
   */
  @Parameter(property = "poolguard.paths")
  File[] paths;

  /** poolguard.yaml; by default the lint root's (or, with {@code paths}, found above them). */
  @Parameter(property = "poolguard.configFile")
  File configFile;

  /** A folder, a snapshot file (.json) or a git revision to compare with. */
  @Parameter(property = "poolguard.baseline")
  String baseline;

  /** Comma-separated report formats written into {@code outputDirectory}. */
  @Parameter(property = "poolguard.formats", defaultValue = "text")
  String formats;

  /** Where the reports go. */
  @Parameter(
      property = "poolguard.outputDirectory",
      defaultValue = "${project.build.directory}/poolguard")
  File outputDirectory;

  /** error, warning, note or never: the level at which findings fail the build. */
  @Parameter(property = "poolguard.failOn", defaultValue = "error")
  String failOn;

  /** Report findings even where a {@code # poolguard:ignore} comment suppresses them. */
  @Parameter(property = "poolguard.noInlineIgnores", defaultValue = "false")
  boolean noInlineIgnores;

  /**
   * The day (YYYY-MM-DD) waivers are judged against; by default SOURCE_DATE_EPOCH, else today's UTC
   * date.
   */
  @Parameter(property = "poolguard.today")
  String today;

  /**
   * Let paths in poolguard.yaml, imports and symlinks lead outside the repository and the linted
   * paths (never into .git).
   */
  @Parameter(property = "poolguard.allowOutsidePaths", defaultValue = "false")
  boolean allowOutsidePaths;

  /**
   * Report only findings the baseline does not have too; existing ones are suppressed as external
   * (as {@code lint --new-only}). Needs {@code baseline}.
   */
  @Parameter(property = "poolguard.newOnly", defaultValue = "false")
  boolean newOnly;

  /**
   * Rules to run even if {@code rules:} in poolguard.yaml switches them off (as {@code --enable});
   * on the command line {@code -Dpoolguard.enable=a,b}.
   */
  @Parameter(property = "poolguard.enable")
  List<String> enable;

  /**
   * Rules not to run, whatever {@code rules:} in poolguard.yaml says (as {@code --disable}); on the
   * command line {@code -Dpoolguard.disable=a,b}.
   */
  @Parameter(property = "poolguard.disable")
  List<String> disable;

  /** Skip the goal. */
  @Parameter(property = "poolguard.skip", defaultValue = "false")
  boolean skip;

  /** The folder paths in findings are relative to when {@code paths} are given. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  /** The plugin's descriptor: its version goes into the reports. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      lintProject();
    } catch (MojoExecutionException | MojoFailureException e) {
      throw e;
    } catch (Throwable t) { // Errors too: one line in the build log, the stack trace with mvn -e
      throw new MojoExecutionException("poolguard: internal error: " + t, t);
    }
  }

  private void lintProject() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("poolguard: skipped");
      return;
    }
    Path root = basedir.toPath().toAbsolutePath().normalize();
    List<Path> lintPaths = new ArrayList<>();
    Optional<Path> config = Optional.ofNullable(configFile).map(File::toPath);
    if (paths != null && paths.length > 0) {
      for (File p : paths) {
        lintPaths.add(p.toPath());
      }
    } else {
      Optional<LintRoots.LintRoot> mine = lintRoot(root);
      if (mine.isEmpty()) {
        return;
      }
      root = mine.get().folder();
      lintPaths.addAll(mine.get().paths());
      if (config.isEmpty()) {
        config = mine.get().config();
      }
    }
    LintRequest request =
        new LintRequest(lintPaths, config, Optional.empty(), root)
            .withBaseline(Optional.ofNullable(baseline).filter(b -> !b.isBlank()), false);
    LintResult result;
    Linter linter;
    try {
      linter =
          new Linter(RuleSet.load(getClass().getClassLoader()))
              .allowingOutsidePaths(allowOutsidePaths)
              .sayingHowToAllowOutsidePaths("set -Dpoolguard.allowOutsidePaths=true")
              .selecting(new RuleSelection(listed(enable), listed(disable)))
              .reportingNewOnly(newOnly);
      request =
          request.withSuppression(
              new SuppressionOptions(
                  !noInlineIgnores,
                  Today.resolve(
                      Optional.ofNullable(today).filter(t -> !t.isBlank()),
                      System.getenv(),
                      Clock.systemUTC())));
      // Rule packs are the plugin's own <dependencies>: they share its class realm.
      result = linter.lint(request);
    } catch (LintException e) {
      throw new MojoExecutionException("poolguard: " + e.getMessage(), e);
    }
    Redaction redaction =
        result
            .baseline()
            .map(b -> result.model().redaction().and(b.redaction()))
            .orElse(result.model().redaction());
    for (Finding f : result.active()) {
      // The build log is output like any report: secrets masked, control characters inert.
      String line = Escapes.terminalLine(redaction.scrub(f.line()));
      switch (f.severity()) {
        case ERROR -> getLog().error(line);
        case WARNING -> getLog().warn(line);
        default -> getLog().info(line);
      }
    }
    Path textReport = writeReports(result, root, linter.filesRead());
    long counted = counted(result);
    String summary =
        String.format(
            Locale.ROOT,
            "poolguard: %d error(s), %d warning(s), %d note(s) in %d file(s)",
            result.count(Severity.ERROR),
            result.count(Severity.WARNING),
            result.count(Severity.NOTE),
            result.filesRead());
    if (result.existing() > 0) {
      summary += "; " + result.existing() + " existing finding(s) not shown (newOnly)";
    }
    getLog().info(summary);
    if (counted > 0) {
      throw new MojoFailureException(
          "poolguard: " + counted + " finding(s) at or above " + failOn + "; see " + textReport);
    }
  }

  /**
   * This project's lint root when this execution is the one to lint it; else empty, after one line
   * saying where the lint runs.
   */
  private Optional<LintRoots.LintRoot> lintRoot(Path base) throws MojoExecutionException {
    LintRoots roots =
        new LintRoots(
            Path.of(session.getExecutionRootDirectory()),
            session.getProjects().stream().filter(this::runsThisGoal).map(this::dir).toList(),
            session.getAllProjects().stream().map(this::dir).toList());
    LintRoots.LintRoot mine;
    try {
      mine = roots.of(base);
    } catch (LintException e) {
      throw new MojoExecutionException("poolguard: " + e.getMessage(), e);
    }
    String where = relative(base, mine.folder());
    if (mine.owner().isPresent() && !mine.owner().get().equals(base)) {
      getLog()
          .info(
              "poolguard: lint root "
                  + where
                  + " is linted by "
                  + nameOf(mine.owner().get())
                  + "; nothing to do here");
      return Optional.empty();
    }
    if (!mine.folder().equals(base)) {
      getLog()
          .info(
              "poolguard: linting lint root "
                  + where
                  + " here: its own project is not part of this build");
    }
    return Optional.of(mine);
  }

  /** Declared with an execution of the goal, or the goal given on the command line. */
  private boolean runsThisGoal(MavenProject project) {
    if (mojoExecution.getSource() == MojoExecution.Source.CLI) {
      return true;
    }
    String key = mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId();
    return project.getBuildPlugins().stream()
        .filter(p -> p.getKey().equals(key))
        .flatMap(p -> p.getExecutions().stream())
        .anyMatch(e -> e.getGoals().contains(mojoExecution.getGoal()));
  }

  private Path dir(MavenProject project) {
    return project.getBasedir().toPath().toAbsolutePath().normalize();
  }

  private String nameOf(Path projectDir) {
    return session.getProjects().stream()
        .filter(p -> dir(p).equals(projectDir))
        .findFirst()
        .map(p -> p.getGroupId() + ":" + p.getArtifactId())
        .orElse(projectDir.toString());
  }

  private static String relative(Path from, Path to) {
    String rel = from.relativize(to).toString();
    return rel.isEmpty() ? "." : rel;
  }

  private long counted(LintResult result) throws MojoExecutionException {
    try {
      return FailOn.parse(failOn).counted(result);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("poolguard: failOn " + e.getMessage());
    }
  }

  private Path writeReports(LintResult result, Path root, java.util.Set<Path> inputs)
      throws MojoExecutionException {
    Path out = outputDirectory.toPath();
    List<Reporter> reporters;
    try {
      reporters = ReportFiles.chosen(formats);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("poolguard: " + e.getMessage(), e);
    }
    ReportOptions options =
        new ReportOptions(version(), root.toUri().toString(), result.judged().docsUrl(), false);
    Map<Path, String> files = new LinkedHashMap<>();
    for (Reporter reporter : reporters) {
      files.put(
          ReportFiles.target(out, reporter, true), ReportFiles.render(reporter, result, options));
    }
    try {
      ReportFiles.writeAll(files, inputs);
    } catch (LintException e) {
      throw new MojoExecutionException("poolguard: " + e.getMessage(), e);
    }
    return files.keySet().stream().findFirst().orElse(out);
  }

  /** What Maven resolved and runs: the version of the plugin as the POM names it. */
  private String version() {
    return ReportOptions.toolVersion(
        Optional.ofNullable(plugin).map(PluginDescriptor::getVersion), LintMojo.class);
  }

  /** A list parameter as given; Maven leaves it null when absent. */
  private static List<String> listed(List<String> given) {
    return given == null ? List.of() : given;
  }
}
