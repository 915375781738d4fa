package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard install-hook}: a git pre-commit hook that runs {@code lint --staged}. */
@Command(
    name = "install-hook",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Install a git pre-commit hook that runs lint --staged.",
    description = {
      "Install a git pre-commit hook that runs 'poolguard lint --staged', so a commit whose pool",
      "configuration has a finding at or above --fail-on is refused. The hook goes where git looks",
      "for hooks (core.hooksPath and worktrees included) and runs the poolguard that installed it.",
      "Re-running replaces poolguard's own hook; a different hook is kept unless --force is given."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "2:could not (not a git repository, a different pre-commit hook exists without --force)"
    },
    footerHeading = "%nExample:%n",
    footer = {"  poolguard install-hook", "  git commit --no-verify    # skip the hook once"})
final class InstallHookCommand implements Callable<Integer> {

  /** The line that marks a hook as poolguard's own, so re-running may replace it. */
  static final String MARKER = "# Written by 'poolguard install-hook'";

  /** Set by the launchers to their absolute path, so the hook runs the same poolguard. */
  static final String LAUNCHER_VARIABLE = "POOLGUARD_LAUNCHER";

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;

  @Option(names = "--force", description = "Replace a pre-commit hook that is not poolguard's.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Path hooks = root.workingDirectory().resolve(git("rev-parse", "--git-path", "hooks"));
    Path hook = hooks.resolve("pre-commit").normalize();
    if (Files.exists(hook) && !force && !ours(hook)) {
      throw new LintException(
          display(hook) + " exists and is not poolguard's; use --force to replace it");
    }
    AtomicFiles.write(hook, script(invocation(root.environment())));
    try {
      Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Git for Windows runs hooks without an executable bit.
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("poolguard: installed the pre-commit hook " + display(hook));
    out.flush();
    return ExitCodes.OK;
  }

  private String display(Path hook) {
    Path cwd = root.workingDirectory();
    return hook.startsWith(cwd) ? cwd.relativize(hook).toString() : hook.toString();
  }

  private static boolean ours(Path hook) {
    try {
      return Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER);
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** The hook: the recorded poolguard while it exists, else the one on PATH. */
  static String script(Optional<Invocation> invocation) {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n");
    s.append(MARKER).append(" (run it again to update; git commit --no-verify skips it once).\n");
    s.append("# Lints what the commit records (the git index) and refuses it on a finding.\n");
    invocation.ifPresent(
        i ->
            s.append("if [ -e ")
                .append(quote(i.requires()))
                .append(" ]; then\n  exec ")
                .append(String.join(" ", i.command().stream().map(c -> quote(c)).toList()))
                .append(" lint --staged\nfi\n"));
    s.append("if ! command -v poolguard >/dev/null 2>&1; then\n");
    s.append("  echo 'poolguard pre-commit hook: poolguard is not installed or not on PATH' >&2\n");
    s.append("  exit 1\nfi\n");
    s.append("exec poolguard lint --staged\n");
    return s.toString();
  }

  /** How this poolguard was started: its launcher, else java -jar on its jar. */
  static Optional<Invocation> invocation(Map<String, String> env) {
    String launcher = env.get(LAUNCHER_VARIABLE);
    if (launcher != null && !launcher.isBlank() && Path.of(launcher).isAbsolute()) {
      return Optional.of(new Invocation(launcher, List.of(launcher)));
    }
    CodeSource source = InstallHookCommand.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath();
      if (!jar.toString().endsWith(".jar")) {
        return Optional.empty();
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      return Optional.of(new Invocation(jar.toString(), List.of(java, "-jar", jar.toString())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A recorded command line.
   *
   * @param requires the file whose presence means the command still works
   * @param command the words to run
   */
  record Invocation(String requires, List<String> command) {
    Invocation {
      command = List.copyOf(command);
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Runs git in the working directory and returns its first output line. */
  private String git(String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(root.workingDirectory().toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new LintException("cannot run git (is it installed and on PATH?): " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        String reason = output.strip().lines().findFirst().orElse("git failed");
        throw new LintException("not a git repository? git " + args[0] + ": " + reason);
      }
      return output.strip().lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new LintException("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LintException("interrupted while running git", e);
    }
  }
}
