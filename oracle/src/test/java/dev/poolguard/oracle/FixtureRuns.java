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
import java.util.Optional;
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
      boolean mounted = Files.isRegularFile(p) && isManifest(p);
      if (!mounted && (!p.startsWith(root) || !Files.isRegularFile(p))) {
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
        new SpringRun(
            r.classpathRoot(), r.env(), r.args(), r.systemProperties(), whatIf, r.containerRoot()),
        "");
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
    Map<String, Object> podSpec = Map.of();
    for (Map<String, Object> doc : docs) {
      String kind = String.valueOf(doc.get("kind"));
      String name = String.valueOf(map(doc.get("metadata")).get("name"));
      if (kind.equals("ConfigMap")) {
        configMaps.put(name, map(doc.get("data")));
      } else if (kind.equals(deployment.workload().kind().manifestKind())
          && name.equals(deployment.workload().name())) {
        Map<String, Object> spec = map(map(map(doc.get("spec")).get("template")).get("spec"));
        for (Object c : list(spec.get("containers"))) {
          if (Objects.equals(map(c).get("name"), deployment.container())) {
            container = map(c);
            podSpec = spec;
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
    Optional<Path> containerRoot = Optional.empty();
    if (container.containsKey("volumeMounts")) {
      try {
        containerRoot = Optional.of(Files.createTempDirectory("oracle-container"));
        String why = mount(container, podSpec, configMaps, containerRoot.get());
        if (!why.isEmpty()) {
          return skip(why);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
    return new Translation(
        new SpringRun(root, env, args, systemProperties, List.of(), containerRoot), "");
  }

  /**
   * Writes the ConfigMap files the container mounts under {@code containerRoot}; a folder holding a
   * {@code config/} mount is taken as the working directory, as poolguard does, and moved to {@link
   * SpringRun#WORKING_DIR}. Returns why the mounts cannot be replayed, or an empty text.
   */
  private static String mount(
      Map<String, Object> container,
      Map<String, Object> podSpec,
      Map<String, Map<String, Object>> configMaps,
      Path containerRoot)
      throws IOException {
    Map<String, String> volumes = new LinkedHashMap<>();
    for (Object v : list(podSpec.get("volumes"))) {
      Map<String, Object> volume = map(v);
      Map<String, Object> configMap = map(volume.get("configMap"));
      if (configMap.containsKey("name") && !configMap.containsKey("items")) {
        volumes.put(String.valueOf(volume.get("name")), String.valueOf(configMap.get("name")));
      }
    }
    for (Object m : list(container.get("volumeMounts"))) {
      Map<String, Object> mount = map(m);
      String configMap = volumes.get(String.valueOf(mount.get("name")));
      if (configMap == null || mount.containsKey("subPath")) {
        return "mounts other than a whole ConfigMap are not translated";
      }
      Map<String, Object> data = configMaps.get(configMap);
      if (data == null) {
        return "a mounted ConfigMap is not in the fixture";
      }
      String path = String.valueOf(mount.get("mountPath"));
      int config = path.indexOf("/config");
      if (config >= 0 && (path.endsWith("/config") || path.startsWith("/config/", config))) {
        path = SpringRun.WORKING_DIR + path.substring(config);
      }
      Path folder = containerRoot.resolve(path.replaceFirst("^/+", ""));
      Files.createDirectories(folder);
      for (Map.Entry<String, Object> file : data.entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), String.valueOf(file.getValue()));
      }
    }
    return "";
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
