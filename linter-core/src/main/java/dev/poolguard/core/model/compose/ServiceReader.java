package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Count;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one compose file's {@code services.<name>} mapping into a {@link Draft}: values
 * interpolated, relative paths resolved against {@code dir} (for an overlay, the first file's
 * folder, as Compose resolves them).
 */
final class ServiceReader {

  private final Path dir;
  private final Interpolation variables;
  private final List<String> notes;

  ServiceReader(Path dir, Interpolation variables, List<String> notes) {
    this.dir = dir;
    this.variables = variables;
    this.notes = notes;
  }

  Draft read(String name, SourcePosition keyAt, MapNode service) {
    Map<String, Draft.Env> env = new LinkedHashMap<>();
    service.get("environment").ifPresent(node -> environment(node, env));
    List<Draft.EnvFile> envFiles = new ArrayList<>();
    service.get("env_file").ifPresent(node -> envFiles(node, envFiles));
    Map<String, ComposeProject.Mount> mounts = new LinkedHashMap<>();
    service.list("volumes").ifPresent(list -> list.items().forEach(v -> mount(v, mounts)));
    List<String> hosts = new ArrayList<>();
    text(service, "hostname").ifPresent(hosts::add);
    text(service, "container_name").ifPresent(hosts::add);
    service
        .map("networks")
        .ifPresent(
            networks ->
                networks.entries().stream()
                    .filter(e -> e.value() instanceof MapNode)
                    .flatMap(e -> ((MapNode) e.value()).list("aliases").stream())
                    .flatMap(l -> l.items().stream())
                    .filter(ScalarNode.class::isInstance)
                    .forEach(a -> hosts.add(((ScalarNode) a).value())));
    List<String> profiles = new ArrayList<>();
    service
        .list("profiles")
        .ifPresent(
            l ->
                l.items().stream()
                    .filter(ScalarNode.class::isInstance)
                    .forEach(p -> profiles.add(((ScalarNode) p).value())));
    List<String> dependsOn = new ArrayList<>();
    service
        .get("depends_on")
        .ifPresent(
            node -> {
              if (node instanceof ListNode l) {
                l.items().stream()
                    .filter(ScalarNode.class::isInstance)
                    .forEach(i -> dependsOn.add(((ScalarNode) i).value()));
              } else if (node instanceof MapNode m) {
                m.entries().forEach(e -> dependsOn.add(e.key().value()));
              }
            });
    return new Draft(
        name,
        keyAt,
        text(service, "image"),
        build(service),
        env,
        envFiles,
        service.get("command").flatMap(this::args),
        service.get("entrypoint").flatMap(this::args),
        replicas(name, service),
        mounts,
        hosts,
        extendsRef(service),
        profiles,
        dependsOn);
  }

  private Optional<String> text(MapNode map, String key) {
    return map.get(key)
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .filter(s -> !s.isNull())
        .map(s -> variables.apply(s.raw()).text());
  }

  private Optional<Path> build(MapNode service) {
    Optional<ConfigNode> build = service.get("build");
    if (build.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> context =
        build.get() instanceof MapNode map
            ? text(map, "context").or(() -> Optional.of("."))
            : build.get() instanceof ScalarNode s && !s.isNull()
                ? Optional.of(variables.apply(s.raw()).text())
                : Optional.empty();
    return context.filter(c -> !c.contains("://")).map(c -> dir.resolve(c).normalize());
  }

  private void environment(ConfigNode node, Map<String, Draft.Env> out) {
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        String name = e.key().value();
        if (e.value() instanceof ScalarNode s && !s.isNull()) {
          out.put(name, env(name, s.raw(), e.key().position()));
        } else {
          out.put(name, shell(name, e.key().position()));
        }
      }
    } else if (node instanceof ListNode list) {
      for (ConfigNode item : list.items()) {
        if (item instanceof ScalarNode s && !s.isNull()) {
          String entry = s.raw();
          int eq = entry.indexOf('=');
          if (eq < 0) {
            out.put(entry.strip(), shell(entry.strip(), s.position()));
          } else {
            String name = entry.substring(0, eq);
            out.put(name, env(name, entry.substring(eq + 1), s.position()));
          }
        }
      }
    }
  }

  private Draft.Env env(String name, String written, SourcePosition at) {
    Interpolation.Result r = variables.apply(written);
    if (r.unknownVariable().isPresent()) {
      return new Draft.Env(
          name,
          Optional.empty(),
          at,
          "compose variable "
              + r.unknownVariable().get()
              + " (not in .env, set where compose runs)");
    }
    return new Draft.Env(name, Optional.of(r.text()), at, "");
  }

  private static Draft.Env shell(String name, SourcePosition at) {
    return new Draft.Env(name, Optional.empty(), at, "the shell where compose runs");
  }

  private void envFiles(ConfigNode node, List<Draft.EnvFile> out) {
    List<ConfigNode> items = node instanceof ListNode list ? list.items() : List.of(node);
    for (ConfigNode item : items) {
      if (item instanceof ScalarNode s && !s.isNull()) {
        out.add(
            new Draft.EnvFile(dir.resolve(variables.apply(s.raw()).text()), true, s.position()));
      } else if (item instanceof MapNode m && text(m, "path").isPresent()) {
        boolean required = m.text("required").map(r -> !r.equals("false")).orElse(true);
        out.add(new Draft.EnvFile(dir.resolve(text(m, "path").get()), required, m.position()));
      }
    }
  }

  /**
   * A {@code command} or {@code entrypoint}: a list as written, a string split as a shell would.
   */
  private Optional<List<Arg>> args(ConfigNode node) {
    List<Arg> out = new ArrayList<>();
    if (node instanceof ListNode list) {
      for (ConfigNode item : list.items()) {
        if (item instanceof ScalarNode s && !s.isNull()) {
          out.add(new Arg(variables.apply(s.raw()).text(), s.position()));
        }
      }
      return Optional.of(out);
    }
    if (node instanceof ScalarNode s) {
      if (s.isNull()) {
        return Optional.empty();
      }
      for (String word : words(variables.apply(s.raw()).text())) {
        out.add(new Arg(word, s.position()));
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** Splits a command string at white space, honouring quotes and backslashes (no expansion). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  /** {@code deploy.replicas}, else {@code scale}; a value that is not a count is noted. */
  private Optional<Count> replicas(String name, MapNode service) {
    Optional<ScalarNode> written =
        service
            .map("deploy")
            .flatMap(d -> d.get("replicas"))
            .or(() -> service.get("scale"))
            .filter(ScalarNode.class::isInstance)
            .map(ScalarNode.class::cast)
            .filter(s -> !s.isNull());
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Interpolation.Result r = variables.apply(written.get().raw());
    try {
      int n = Integer.parseInt(r.text().strip());
      if (n >= 0 && r.unknownVariable().isEmpty()) {
        return Optional.of(new Count(n, written.get().position(), false));
      }
    } catch (NumberFormatException e) {
      // noted below
    }
    notes.add(
        written.get().position()
            + ": compose service "
            + name
            + ": replicas '"
            + written.get().raw()
            + "' is not a known count: counted as 1");
    return Optional.empty();
  }

  private void mount(ConfigNode node, Map<String, ComposeProject.Mount> out) {
    String source;
    String target;
    if (node instanceof ScalarNode s && !s.isNull()) {
      String[] parts = variables.apply(s.raw()).text().split(":");
      if (parts.length < 2) {
        return; // an anonymous volume
      }
      source = parts[0];
      target = parts[1];
    } else if (node instanceof MapNode m && text(m, "target").isPresent()) {
      if (!text(m, "type").orElse("volume").equals("bind")) {
        return;
      }
      source = text(m, "source").orElse("");
      target = text(m, "target").get();
    } else {
      return;
    }
    if (!(source.startsWith(".") || source.startsWith("/"))) {
      return; // a named volume: no file of the tree
    }
    ConfigNode at = node;
    SourcePosition position =
        at instanceof ScalarNode sc ? sc.position() : ((MapNode) at).position();
    out.put(target, new ComposeProject.Mount(dir.resolve(source).normalize(), target, position));
  }

  private Optional<Draft.Extends> extendsRef(MapNode service) {
    Optional<ConfigNode> node = service.get("extends");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof ScalarNode s && !s.isNull()) {
      return Optional.of(new Draft.Extends(s.value(), Optional.empty(), s.position()));
    }
    if (node.get() instanceof MapNode m && text(m, "service").isPresent()) {
      return Optional.of(
          new Draft.Extends(
              text(m, "service").get(), text(m, "file").map(dir::resolve), m.position()));
    }
    return Optional.empty();
  }
}
