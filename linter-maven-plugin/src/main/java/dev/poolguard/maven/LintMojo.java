package dev.poolguard.maven;

import dev.poolguard.core.LintException;
import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.engine.Today;
import dev.poolguard.core.report.AtomicFiles;
import dev.poolguard.core.report.ReportOptions;
import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.report.Reporters;
import dev.poolguard.core.rule.Finding;
import dev.poolguard.core.rule.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the project's connection-pool configuration and fails the build when findings reach {@code
 * failOn}. It translates its parameters into the same core call as the command line.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends AbstractMojo {

  /** Files and folders to lint (default: the project's folder). */
  @Parameter(property = "poolguard.paths")
  File[] paths;

  /** poolguard.yaml; by default found beside the first path or above it. */
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

  /** Skip the goal. */
  @Parameter(property = "poolguard.skip", defaultValue = "false")
  boolean skip;

  /** The modules of an aggregator: they are linted by their own executions, not by it. */
  @Parameter(defaultValue = "${project.modules}", readonly = true)
  List<String> modules;

  /** The folder paths in findings are relative to. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

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
    if (paths != null && paths.length > 0) {
      for (File p : paths) {
        lintPaths.add(p.toPath());
      }
    } else {
      lintPaths.addAll(ownPaths(root));
      if (lintPaths.isEmpty()) {
        getLog().info("poolguard: nothing to lint outside the modules");
        return;
      }
    }
    LintRequest request =
        new LintRequest(
                lintPaths,
                Optional.ofNullable(configFile).map(File::toPath),
                Optional.empty(),
                root)
            .withBaseline(Optional.ofNullable(baseline).filter(b -> !b.isBlank()), false);
    LintResult result;
    Linter linter =
        new Linter(RuleSet.load(getClass().getClassLoader()))
            .allowingOutsidePaths(allowOutsidePaths);
    try {
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
    for (Finding f : result.active()) {
      String line =
          f.position() + ": " + f.severity().id() + ": " + f.message() + " [" + f.ruleId() + "]";
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
    getLog().info(summary);
    if (counted > 0) {
      throw new MojoFailureException(
          "poolguard: " + counted + " finding(s) at or above " + failOn + "; see " + textReport);
    }
  }

  /**
   * The project's own folder; for an aggregator, its entries except the module folders, so that
   * each module is linted once, by its own execution.
   */
  private List<Path> ownPaths(Path root) throws MojoExecutionException {
    if (modules == null || modules.isEmpty()) {
      return List.of(root);
    }
    List<Path> moduleDirs = new ArrayList<>();
    for (String module : modules) {
      Path dir = root.resolve(module).normalize();
      moduleDirs.add(dir.getFileName().toString().endsWith(".xml") ? dir.getParent() : dir);
    }
    try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(root)) {
      return entries.filter(p -> !moduleDirs.contains(p.normalize())).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("poolguard: cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private long counted(LintResult result) throws MojoExecutionException {
    String level = failOn.strip().toLowerCase(Locale.ROOT);
    if (level.equals("never")) {
      return 0;
    }
    Severity threshold;
    try {
      threshold = Severity.parse(level);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "poolguard: failOn must be error, warning, note or never, not '" + failOn + "'");
    }
    return result.active().stream().filter(f -> f.severity().atLeast(threshold)).count();
  }

  private Path writeReports(LintResult result, Path root, java.util.Set<Path> inputs)
      throws MojoExecutionException {
    Path out = outputDirectory.toPath();
    Path first = null;
    for (String name :
        Arrays.stream(formats.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      Reporter reporter =
          Reporters.find(name)
              .orElseThrow(
                  () ->
                      new MojoExecutionException(
                          "poolguard: unknown format '"
                              + name
                              + "'; formats: "
                              + String.join(", ", Reporters.names())));
      StringWriter text = new StringWriter();
      try {
        reporter.write(
            result,
            new ReportOptions(version(), root.toUri().toString(), Optional.empty(), false),
            text);
        Path file = out.resolve(reporter.fileName());
        AtomicFiles.write(file, text.toString(), inputs);
        if (first == null) {
          first = file;
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "poolguard: cannot write " + out + ": " + e.getMessage(), e);
      }
    }
    return first == null ? out : first;
  }

  private static String version() {
    String v = LintMojo.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
