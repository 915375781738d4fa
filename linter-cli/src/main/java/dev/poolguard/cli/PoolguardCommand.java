package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.text.Suggestions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and prints help when run alone. */
@Command(
    name = "poolguard",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
      "Lints database connection-pool configuration before it ships: effective",
      "settings, where each value comes from, and whether the pools can carry the load.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; for lint: no finding at or above --fail-on",
      "1:lint found findings at or above --fail-on",
      "2:could not: a usage or input error (bad flag, unreadable path, invalid poolguard.yaml,"
          + " unknown git revision) or an internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolguard lint examples/incident",
      "  poolguard lint --format sarif --output poolguard.sarif .",
      "  poolguard model services/orders-api",
      "  poolguard lint --baseline HEAD --fail-on warning",
      "  poolguard explain pool-below-peak-demand",
      "  poolguard install-hook",
    })
public final class PoolguardCommand implements Callable<Integer> {

  /** The subcommands, in the order help lists them. */
  private static final java.util.List<Class<?>> SUBCOMMANDS =
      java.util.List.of(
          LintCommand.class,
          ModelCommand.class,
          AlertsCommand.class,
          DiffCommand.class,
          BaselineCommand.class,
          InitCommand.class,
          ExplainCommand.class,
          RulesCommand.class,
          InstallHookCommand.class,
          CommandLine.HelpCommand.class);

  @Spec CommandSpec spec;

  private Map<String, String> environment = Map.of();
  private Path workingDirectory = Path.of("").toAbsolutePath();
  private SafeErr err = new SafeErr(java.io.Writer.nullWriter());

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  Map<String, String> environment() {
    return environment;
  }

  /** Standard error knows the secret values of {@code redaction} from now on. */
  void knowSecrets(dev.poolguard.core.model.Redaction redaction) {
    err.knowing(redaction);
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, Path.of("").toAbsolutePath());
  }

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Path workingDirectory) {
    PoolguardCommand root = new PoolguardCommand();
    root.environment = Map.copyOf(env);
    root.workingDirectory = workingDirectory;
    CommandLine cli = commandLine(root, args.length == 0 ? null : args[0]);
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    root.err = new SafeErr(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(root.err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(PoolguardCommand::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> failure(e, commandLine, debug(parsed)));
    try {
      return cli.execute(args);
    } catch (Throwable t) { // picocli hands on Errors: StackOverflowError, OutOfMemoryError
      return internalError(t, cli.getErr(), java.util.Arrays.asList(args).contains("--debug"));
    }
  }

  /**
   * The command line for {@code root}. Building picocli's model of a subcommand is a good part of a
   * short run's start-up, so when {@code first} (the first argument) names a subcommand only that
   * one is built; anything else (no argument, an option, {@code help}, a typo that wants "did you
   * mean") gets them all.
   */
  static CommandLine commandLine(PoolguardCommand root, String first) {
    CommandLine cli = new CommandLine(root);
    java.util.List<Class<?>> chosen =
        SUBCOMMANDS.stream().filter(c -> !"help".equals(first) && nameOf(c).equals(first)).toList();
    for (Class<?> sub : chosen.isEmpty() ? SUBCOMMANDS : chosen) {
      cli.addSubcommand(sub);
    }
    return cli;
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** The last resort: one line, the stack trace only with --debug, exit 2. */
  static int internalError(Throwable t, PrintWriter err, boolean debug) {
    try {
      err.println(
          "poolguard: internal error: " + t + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        t.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable ignored) { // nothing is left to report with; the exit code still says it
    }
    return ExitCodes.COULD_NOT;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    // One line, so a hook or CI log shows the whole error.
    err.println(
        "poolguard: "
            + e.getMessage()
            + suggestion(e)
            + " (see '"
            + e.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return ExitCodes.COULD_NOT;
  }

  /** "Did you mean" for a mistyped option or subcommand. */
  private static String suggestion(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    java.util.List<String> candidates = new java.util.ArrayList<>();
    if (typed.startsWith("-")) {
      typed = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
      spec.options().forEach(o -> candidates.addAll(java.util.List.of(o.names())));
    } else {
      candidates.addAll(spec.subcommands().keySet());
    }
    return Suggestions.didYouMean(typed, candidates);
  }

  private static int failure(Exception e, CommandLine commandLine, boolean debug) {
    PrintWriter err = commandLine.getErr();
    if (!(e instanceof LintException)) {
      return internalError(e, err, debug);
    }
    err.println("poolguard: error: " + e.getMessage());
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.COULD_NOT;
  }

  private static boolean debug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
