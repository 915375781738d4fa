package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.PoolguardConfigs;
import dev.poolguard.core.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolguard init}: a starter poolguard.yaml from what discovery finds. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Write a starter poolguard.yaml from what discovery finds.",
    description = {
      "Write a starter poolguard.yaml in the working directory from the services, config files and",
      "manifests poolguard discovers, with marked placeholders for the load figures. Each",
      "postgresql.conf found is proposed under databases:; Deployments that no service runs in",
      "are listed. Prints what it wrote and what to fill in next."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "2:could not (poolguard.yaml exists without --force, usage or input error)"
    })
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand PoolguardCommand root;
  @Mixin CommonOptions common;

  @Option(names = "--force", description = "Overwrite an existing poolguard.yaml.")
  boolean force;

  @Override
  public Integer call() {
    Path target = root.workingDirectory().resolve(PoolguardConfigs.FILE_NAME);
    // Any of the names counts: a second file beside it would make every run fail.
    Optional<Path> existing = PoolguardConfigs.inFolder(root.workingDirectory());
    if (existing.isPresent() && !force) {
      throw new LintException(
          existing.get().getFileName() + " exists; use --force to overwrite it");
    }
    if (existing.isPresent() && !existing.get().equals(target)) {
      target = existing.get(); // --force overwrites the file that is there, under its own name
    }
    DeploymentModel model =
        common.linter(RuleSet.of(List.of())).model(common.request(root.workingDirectory()));
    try {
      AtomicFiles.write(target, render(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report(model));
    out.flush();
    return ExitCodes.OK;
  }

  /** What was written and what to fill in next, for the terminal. */
  static String report(DeploymentModel model) {
    Map<String, Service> services = services(model);
    List<String> databases = databases(model);
    List<Diagnostic> untied = untied(model);
    StringBuilder out = new StringBuilder("wrote poolguard.yaml: ");
    out.append(services.size()).append(services.size() == 1 ? " service" : " services");
    if (!services.isEmpty()) {
      out.append(" (").append(String.join(", ", services.keySet())).append(')');
    }
    if (!databases.isEmpty()) {
      out.append(", ")
          .append(databases.size())
          .append(databases.size() == 1 ? " database from " : " databases from ")
          .append(String.join(", ", databases));
    }
    out.append('\n');
    for (Diagnostic d : untied) {
      out.append("not tied to a service: ")
          .append(d.position())
          .append(": ")
          .append(d.message())
          .append('\n');
    }
    if (services.isEmpty()) {
      out.append(
          "next: no service was found; lint a service's folder (with its application*.yml or"
              + " application*.properties), or declare services: in poolguard.yaml by hand\n");
    } else {
      out.append(
          "next: fill in the TODOs in poolguard.yaml (load: per service, database: and databases:)"
              + " so the capacity rules can judge the pools, commit it, then run poolguard lint\n");
    }
    return out.toString();
  }

  private static Map<String, Service> services(DeploymentModel model) {
    Map<String, Service> services = new LinkedHashMap<>();
    for (Service s : model.services()) {
      services.putIfAbsent(s.name(), s);
    }
    return services;
  }

  /** The postgresql.conf files found that no databases: entry reads. */
  private static List<String> databases(DeploymentModel model) {
    return model.diagnostics().stream()
        .filter(d -> d.kind() == Diagnostic.Kind.FILE_NOT_USED)
        .map(d -> d.position().path())
        .filter(p -> p.equals("postgresql.conf") || p.endsWith("/postgresql.conf"))
        .distinct()
        .toList();
  }

  /** Workloads found that no service runs in. */
  private static List<Diagnostic> untied(DeploymentModel model) {
    return model.diagnostics().stream()
        .filter(d -> d.kind() == Diagnostic.Kind.FILE_NOT_USED)
        .filter(d -> d.message().contains(" matches no service"))
        .toList();
  }

  /** A database name from the folder of its postgresql.conf: orders-db/postgresql.conf. */
  private static String databaseName(String confPath, int index) {
    String[] parts = confPath.split("/");
    String folder = parts.length >= 2 ? parts[parts.length - 2] : "";
    return folder.isEmpty() || folder.equals(".") ? "database-" + (index + 1) : folder;
  }

  /** The file: one entry per service (its first profile variant), load figures commented out. */
  static String render(DeploymentModel model) {
    Map<String, Service> services = services(model);
    List<String> confs = databases(model);
    String proposed = confs.size() == 1 ? databaseName(confs.get(0), 0) : "TODO-database-name";
    StringBuilder out = new StringBuilder();
    out.append(
        "# poolguard configuration, written by `poolguard init`. Reference: docs/poolguard.schema.json\n");
    out.append("version: 1\n");
    if (services.isEmpty()) {
      out.append("services: {}\n");
    }
    if (!services.isEmpty()) {
      out.append("services:\n");
    }
    for (Service s : services.values()) {
      out.append("  ").append(quote(s.name())).append(":\n");
      out.append("    framework: ").append(s.framework().id()).append('\n');
      configFolder(s).ifPresent(c -> out.append("    config: ").append(quote(c)).append('\n'));
      s.deployment()
          .ifPresent(
              d -> {
                out.append("    deployment: ")
                    .append(quote(overlayFolder(d.workload().position().path())))
                    .append('\n');
                out.append("    container: ").append(quote(d.container())).append('\n');
              });
      if (!s.dataSources().isEmpty()) {
        out.append(
            "    # Fill these in to enable the capacity rules (see poolguard explain pool-below-peak-demand):\n");
        out.append("    # database: ")
            .append(quote(proposed))
            .append("        # and declare it under databases:\n");
        out.append("    # load:\n");
        out.append(
            "    #   peakRequestsPerSecond: TODO      # requests per second for the whole service at peak\n");
        out.append(
            "    #   connectionHoldMillis: TODO       # mean time a request holds a connection\n");
        if (s.deployment().isEmpty()) {
          out.append(
              "    # replicas: TODO                     # pods, when no manifest gives them\n");
        }
      }
    }

    if (confs.isEmpty()) {
      out.append("# databases:\n");
      out.append("#   TODO-database-name:\n");
      out.append(
          "#     maxConnections: TODO               # or  config: path/to/postgresql.conf\n");
      out.append("#     reservedConnections: 0\n");
    } else {
      out.append(
          "databases:                             # proposed from the postgresql.conf found\n");
      for (int i = 0; i < confs.size(); i++) {
        out.append("  ").append(quote(databaseName(confs.get(i), i))).append(":\n");
        out.append("    config: ").append(quote(confs.get(i))).append('\n');
      }
    }
    List<Diagnostic> untied = untied(model);
    if (!untied.isEmpty()) {
      out.append(
          "# Workloads not tied to a service (set deployment: of the service that runs them):\n");
      for (Diagnostic d : untied) {
        out.append("#   ").append(d.position()).append(": ").append(d.message()).append('\n');
      }
    }
    return out.toString();
  }

  private static java.util.Optional<String> configFolder(Service s) {
    if (s.configFiles().isEmpty()) {
      return java.util.Optional.empty();
    }
    String first = s.configFiles().get(0);
    int slash = first.lastIndexOf('/');
    String folder = slash < 0 ? "." : first.substring(0, slash);
    if (folder.endsWith("/config")) {
      folder = folder.substring(0, folder.length() - "/config".length());
    }
    return java.util.Optional.of(folder);
  }

  // Plain words YAML would read as something other than the same string.
  private static final java.util.regex.Pattern NOT_A_PLAIN_STRING =
      java.util.regex.Pattern.compile(
          "(?i:true|false|yes|no|on|off|y|n|null)|~|[-+.0-9][-+.0-9_eExXoOa-fA-F:]*|\\.(?i:inf|nan)|-.*");

  /** {@code s} as a YAML scalar that reads back as exactly {@code s}, names with newlines too. */
  static String quote(String s) {
    if (s.matches("[A-Za-z0-9_./-]+") && !NOT_A_PLAIN_STRING.matcher(s).matches()) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          boolean paired =
              Character.isHighSurrogate(c)
                  ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                  : Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(s.charAt(i - 1));
          if (Character.isSurrogate(c) && !paired) {
            b.append("\\uFFFD"); // cannot be written as UTF-8
          } else if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A workload rendered from a Kustomize overlay is proposed as the overlay's folder. */
  private static String overlayFolder(String path) {
    for (String name : List.of("/kustomization.yaml", "/kustomization.yml", "/Kustomization")) {
      if (path.endsWith(name)) {
        return path.substring(0, path.length() - name.length());
      }
    }
    return path;
  }
}
