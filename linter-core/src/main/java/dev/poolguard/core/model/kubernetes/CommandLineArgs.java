package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the Spring arguments ({@code --key=value}) and Java system properties ({@code -Dkey=value})
 * of a container's command line: {@code command} then {@code args}, {@code $(VAR)}-expanded as the
 * kubelet does, whether they start {@code java} directly, through a wrapper ({@code dumb-init},
 * {@code tini --}) or through {@code sh -c "…"}. When the manifest gives only {@code args}, the
 * image's entrypoint is assumed to start the application and pass them on.
 */
final class CommandLineArgs {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
  private static final Set<String> PREFIXES = Set.of("exec", "env", "nohup", "time");

  private CommandLineArgs() {}

  /**
   * The container's command line, with {@code $(VAR)} and shell variables taken from {@code
   * environment}.
   */
  public static CommandLine parse(Container container, Environment environment) {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(environment, "environment");
    return new CommandLineArgs.Run(Optional.of(environment))
        .parse(container.command(), container.args());
  }

  /** The command line without an environment: {@code $(VAR)} stays as written. */
  public static CommandLine parse(List<Arg> command, List<Arg> args) {
    return new CommandLineArgs.Run(Optional.empty()).parse(command, args);
  }

  /**
   * The {@code --key=value} pairs of a process's whole argument list ({@code command} + {@code
   * args}).
   */
  public static List<KeyValue> springArgs(List<Arg> argv) {
    return parse(argv, List.of()).springArgs();
  }

  /** The {@code -Dkey=value} pairs of a process's whole argument list. */
  public static List<KeyValue> systemProperties(List<Arg> argv) {
    return parse(argv, List.of()).systemProperties();
  }

  /** One parse: the expansion context and the collected result. */
  private static final class Run {
    private final Optional<Environment> environment;
    private final CommandLine.Builder out = new CommandLine.Builder();
    private final Expansion.Budget budget = new Expansion.Budget();

    Run(Optional<Environment> environment) {
      this.environment = environment;
    }

    CommandLine parse(List<Arg> command, List<Arg> args) {
      List<Token> argv = new ArrayList<>();
      command.forEach(a -> argv.add(expand(a)));
      args.forEach(a -> argv.add(expand(a)));
      if (argv.isEmpty()) {
        return out.build();
      }
      if (command.isEmpty() && !isJava(argv.get(0)) && !isShell(argv.get(0))) {
        // No command: the image's ENTRYPOINT runs and receives args.
        JavaLauncher.appArgs(argv, out);
        return out.build();
      }
      process(argv);
      return out.build();
    }

    private void process(List<Token> argv) {
      if (isShell(argv.get(0))) {
        shell(argv);
        return;
      }
      for (int i = 0; i < argv.size(); i++) {
        if (isJava(argv.get(i))) {
          JavaLauncher.parse(argv.subList(i + 1, argv.size()), out);
          return;
        }
      }
      // An unknown launcher (a start script): assume it passes its arguments to the application.
      out.notes.add(
          argv.get(0).position(),
          "'"
              + argv.get(0).text()
              + "' is not java or a shell; its --key=value arguments are assumed to reach the application");
      JavaLauncher.appArgs(argv.subList(1, argv.size()), out);
    }

    private void shell(List<Token> argv) {
      int i = 1;
      while (i < argv.size() && !argv.get(i).text().matches("-[A-Za-z]*c[A-Za-z]*")) {
        String flag = argv.get(i).text();
        if (!flag.startsWith("-") && !flag.startsWith("+")) {
          out.notes.add(
              argv.get(i).position(),
              "the shell runs script file " + flag + ", which poolguard cannot see");
          return;
        }
        i += flag.equals("-o") || flag.equals("+o") ? 2 : 1;
      }
      if (i + 1 >= argv.size()) {
        out.notes.add(argv.get(0).position(), "the shell gets no -c script");
        return;
      }
      Token scriptToken = argv.get(i + 1);
      List<String> positional = argv.subList(i + 2, argv.size()).stream().map(Token::text).toList();
      Arg script =
          new Arg(
              scriptToken.unknown().isPresent() ? scriptToken.raw() : scriptToken.text(),
              scriptToken.position());
      // When a $(VAR) of the script is unknown, the raw script is read and the reference resolved
      // per word.
      Function<String, Optional<Expansion.Ref>> k8s =
          scriptToken.unknown().isPresent() ? this::ref : name -> Optional.empty();
      ShellWords.Parsed parsed = ShellWords.parse(script.text(), this::ref, k8s, positional);
      parsed.problems().forEach(p -> out.notes.add(script.position(), p));
      for (List<ShellWords.Word> words : parsed.commands()) {
        List<Token> tokens =
            words.stream()
                .map(w -> new Token(w.text(), w.raw(), w.unknown(), script.position()))
                .toList();
        int start = commandStart(tokens);
        if (start < tokens.size() && isJava(tokens.get(start))) {
          JavaLauncher.parse(tokens.subList(start + 1, tokens.size()), out);
          return;
        }
      }
      out.notes.add(
          script.position(), "the shell script does not start java; its properties are not read");
    }

    /** Skips {@code NAME=value} assignments and {@code exec}/{@code env}-style prefixes. */
    private static int commandStart(List<Token> words) {
      int i = 0;
      while (i < words.size()) {
        String w = words.get(i).text();
        if (PREFIXES.contains(w) || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
          i++;
        } else {
          return i;
        }
      }
      return i;
    }

    private Token expand(Arg arg) {
      if (environment.isEmpty()) {
        return Token.known(arg.text(), arg.position());
      }
      Expansion.Result r = environment.get().expand(arg.text(), budget);
      return new Token(r.text(), arg.text(), r.unknown(), arg.position());
    }

    private Optional<Expansion.Ref> ref(String name) {
      return environment
          .flatMap(e -> e.get(name))
          .map(e -> new Expansion.Ref(e.text(), e.unknown()));
    }

    private static boolean isJava(Token t) {
      return basename(t.text()).equals("java");
    }

    private static boolean isShell(Token t) {
      return SHELLS.contains(basename(t.text()));
    }

    private static String basename(String path) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }
}
