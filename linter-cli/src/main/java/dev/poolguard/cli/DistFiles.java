package dev.poolguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the files the distribution ships beside the jar, derived from the command definitions so
 * they never drift: the bash/zsh completion script and the troff man page. Run by the build.
 */
final class DistFiles {

  /** The launcher's environment variables, documented in the man page. */
  static final Map<String, String> ENVIRONMENT =
      new java.util.LinkedHashMap<>(
          Map.of(
              "NO_COLOR", "When set, the text output is never coloured.",
              "JAVA_HOME", "The JDK (17 or newer) to run; else java on PATH.",
              "POOLGUARD_JAVA_OPTS", "Extra JVM options, after poolguard's own.",
              "POOLGUARD_CDS",
                  "off: start without the class-data-sharing archive the launcher keeps.",
              "POOLGUARD_CACHE_DIR",
                  "Where the archive lives (default: $XDG_CACHE_HOME/poolguard or"
                      + " ~/.cache/poolguard)."));

  private DistFiles() {}

  /** Arguments: the output folder and the version. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    CommandLine cli = PoolguardCommand.commandLine(new PoolguardCommand(), null);
    Files.writeString(
        dir.resolve("poolguard.bash"),
        AutoComplete.bash("poolguard", cli).replace("\r\n", "\n"),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("poolguard.1"), manPage(cli, args[1]), StandardCharsets.UTF_8);
  }

  static String manPage(CommandLine cli, String version) {
    CommandSpec root = cli.getCommandSpec();
    StringBuilder m = new StringBuilder();
    m.append(".TH POOLGUARD 1 \"\" \"poolguard ")
        .append(esc(version))
        .append("\" \"User Commands\"\n");
    m.append(
        ".SH NAME\npoolguard \\- lint database connection-pool configuration before it ships\n");
    m.append(".SH SYNOPSIS\n.B poolguard\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]\n");
    m.append(".SH DESCRIPTION\n");
    paragraph(m, root.usageMessage().description());
    m.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> sub : root.subcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      if (!spec.name().equals(sub.getKey()) || spec.name().equals("help")) {
        continue;
      }
      m.append(".SS \"poolguard ").append(esc(spec.name())).append("\"\n");
      paragraph(m, spec.usageMessage().description());
      m.append(".PP\n.nf\n")
          .append(esc(sub.getValue().getHelp().synopsis(0).strip()))
          .append("\n.fi\n");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        m.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n");
        m.append(esc(String.join(" ", p.description()))).append('\n');
      }
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue;
        }
        m.append(".TP\n");
        List<String> names = List.of(o.names());
        for (int i = 0; i < names.size(); i++) {
          m.append(i == 0 ? "" : ", ").append("\\fB").append(esc(names.get(i))).append("\\fR");
        }
        if (o.arity().max() > 0) {
          m.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
        }
        m.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
      }
      exitCodes(m, spec, ".PP\nExit codes:\n");
    }
    m.append(".SH EXIT STATUS\n");
    exitCodes(m, root, "");
    m.append(".SH ENVIRONMENT\n");
    ENVIRONMENT.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                m.append(".TP\n\\fB")
                    .append(esc(e.getKey()))
                    .append("\\fR\n")
                    .append(esc(e.getValue()))
                    .append('\n'));
    m.append(".SH FILES\n.TP\n\\fBpoolguard.yaml\\fR\n")
        .append("Services, their peak load, databases, policy and the baseline; found beside the")
        .append(" first PATH or in the nearest folder above it.\n");
    m.append(".SH EXAMPLES\n.nf\n");
    for (String line : root.usageMessage().footer()) {
      m.append(esc(line.strip())).append('\n');
    }
    m.append(".fi\n.SH SEE ALSO\n\\fBpoolguard explain\\fR \\fIRULE-ID\\fR, ")
        .append("\\fBpoolguard rules\\fR, \\fBgit\\fR(1)\n");
    return m.toString();
  }

  private static void paragraph(StringBuilder m, String[] lines) {
    m.append(esc(String.join(" ", lines).replaceAll("\\s+", " ").strip())).append('\n');
  }

  private static void exitCodes(StringBuilder m, CommandSpec spec, String heading) {
    Map<String, String> codes = spec.usageMessage().exitCodeList();
    if (codes.isEmpty()) {
      return;
    }
    m.append(heading);
    String code = null;
    for (Map.Entry<String, String> e : codes.entrySet()) {
      if (e.getKey().isBlank()) {
        m.append(esc(e.getValue().strip())).append('\n');
        continue;
      }
      code = e.getKey().strip();
      m.append(".TP\n\\fB")
          .append(esc(code))
          .append("\\fR\n")
          .append(esc(e.getValue()))
          .append('\n');
    }
  }

  /** Escapes text for troff: backslashes, hyphens, and a control character at a line start. */
  static String esc(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
    }
    return out.toString();
  }
}
