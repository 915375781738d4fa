package dev.poolguard.oracle;

import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Translates a fixture's service into what its started process sees: the folder of its main config
 * file as the classpath, and env, args and {@code -D} read straight from the manifests (not through
 * poolguard's Kubernetes model). Forms this translation does not cover are reported as skips.
 */
final class FixtureRuns {

  /** Rules whose fixtures are files Spring cannot load at all (YAML with duplicate keys). */
  static final Set<String> REFUSED_FILES = Set.of("duplicate-key", "config-unparseable");

  private FixtureRuns() {}

  /** A translated run, or why the service is not compared. */
  record Translation(SpringRun run, String skipped) {}

  static Translation translate(Path dir, Service service) {
    Path main = dir.resolve(service.anchor().path()).normalize();
    if (!Files.isRegularFile(main)) {
      return skip("main config is not a plain file: " + service.anchor().path());
    }
    Path root = main.getParent();
    for (String file : service.configFiles()) {
      Path p = dir.resolve(file).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) {
        return skip("config file outside the classpath folder: " + file);
      }
    }
    if (!service.profileSource().equals("default")
        && (service.profileSource().contains("poolguard.yaml")
            || service.profileSource().contains("--profile"))) {
      return skip(
          "profiles chosen by poolguard, not by the application: " + service.profileSource());
    }
    List<String> whatIf =
        service.profileSource().startsWith("what-if") ? service.profiles() : List.of();
    if (service.deployment().isEmpty()) {
      return new Translation(new SpringRun(root, Map.of(), List.of(), Map.of(), whatIf), "");
    }
    Translation t = fromManifests(dir, root, service.deployment().get());
    if (t.run() == null) {
      return t;
    }
    for (String name : t.run().env().keySet()) {
      if (LEGACY_HAZARD.matcher(name).matches()) {
        return skip(
            name
                + ": binding it starts the pool (spring-boot#51363), which binding onto a"
                + " HikariConfig without a database cannot show");
      }
    }
    SpringRun r = t.run();
    return new Translation(
        new SpringRun(r.classpathRoot(), r.env(), r.args(), r.systemProperties(), whatIf), "");
  }

  private static final Pattern LEGACY_HAZARD =
      Pattern.compile("SPRING_DATASOURCE_HIKARI_CONNECTION_(TIMEOUT|TEST_QUERY|INIT_SQL)");

  private static Translation skip(String why) {
    return new Translation(null, why);
  }

  private static Translation fromManifests(Path dir, Path root, Deployment deployment) {
    List<Map<String, Object>> docs = documents(dir);
    Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
    Map<String, Object> container = null;
    for (Map<String, Object> doc : docs) {
      String kind = String.valueOf(doc.get("kind"));
      String name = String.valueOf(map(doc.get("metadata")).get("name"));
      if (kind.equals("ConfigMap")) {
        configMaps.put(name, map(doc.get("data")));
      } else if (kind.equals(deployment.workload().kind().manifestKind())
          && name.equals(deployment.workload().name())) {
        Map<String, Object> podSpec = map(map(map(doc.get("spec")).get("template")).get("spec"));
        for (Object c : list(podSpec.get("containers"))) {
          if (Objects.equals(map(c).get("name"), deployment.container())) {
            container = map(c);
          }
        }
      }
    }
    if (container == null) {
      return skip("container not found in the manifests");
    }
    if (container.containsKey("command")) {
      return skip("container command lines are not translated");
    }
    if (container.containsKey("volumeMounts")) {
      return skip("mounted files are not translated");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Object f : list(container.get("envFrom"))) {
      Map<String, Object> from = map(f);
      if (!from.containsKey("configMapRef")) {
        return skip("envFrom other than a ConfigMap");
      }
      String prefix = String.valueOf(from.getOrDefault("prefix", ""));
      Map<String, Object> data =
          configMaps.get(String.valueOf(map(from.get("configMapRef")).get("name")));
      if (data == null) {
        return skip("envFrom names a ConfigMap not in the fixture");
      }
      data.forEach((k, v) -> env.put(prefix + k, String.valueOf(v)));
    }
    for (Object e : list(container.get("env"))) {
      Map<String, Object> var = map(e);
      String name = String.valueOf(var.get("name"));
      Object value = var.get("value");
      if (value == null) {
        Map<String, Object> ref = map(map(var.get("valueFrom")).get("configMapKeyRef"));
        Map<String, Object> data = configMaps.get(String.valueOf(ref.get("name")));
        if (data == null || !data.containsKey(String.valueOf(ref.get("key")))) {
          continue; // a secret or a missing reference: poolguard does not know the value either
        }
        value = data.get(String.valueOf(ref.get("key")));
      }
      String text = String.valueOf(value);
      if (text.contains("$(")) {
        return skip("$(VAR) expansion is not translated");
      }
      env.remove(name);
      env.put(name, text);
    }
    Map<String, String> systemProperties = new LinkedHashMap<>();
    String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
    for (String word : toolOptions.trim().split("\\s+")) {
      if (word.contains("\"") || word.contains("'")) {
        return skip("quoted JAVA_TOOL_OPTIONS are not translated");
      }
      if (word.startsWith("-D") && word.contains("=")) {
        int eq = word.indexOf('=');
        systemProperties.put(word.substring(2, eq), word.substring(eq + 1));
      }
    }
    List<String> args = new ArrayList<>();
    list(container.get("args")).forEach(a -> args.add(String.valueOf(a)));
    return new Translation(new SpringRun(root, env, args, systemProperties), "");
  }

  private static List<Map<String, Object>> documents(Path dir) {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(FixtureRuns::isManifest).sorted().toList()) {
        try {
          for (Object doc :
              new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(p))) {
            if (doc instanceof Map<?, ?> m && m.containsKey("kind")) {
              docs.add(map(m));
            }
          }
        } catch (RuntimeException e) {
          // Not YAML this reader understands: a fixture about broken files.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString();
    return (name.endsWith(".yaml") || name.endsWith(".yml"))
        && !name.startsWith("application")
        && !name.equals("poolguard.yaml");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }
}
