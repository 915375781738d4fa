package dev.poolguard.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One generated configuration: classpath config files, container env, args and {@code -D}
 * properties; written out as a service folder and a Deployment manifest for poolguard, and handed
 * to Spring as what the started process would see.
 *
 * @param seed the generator seed
 * @param number the case number under that seed
 * @param files the classpath files by name, with their text
 * @param env the container's environment variables, in manifest order
 * @param args the application's arguments
 * @param systemProperties {@code -D} properties (given through {@code JAVA_TOOL_OPTIONS})
 * @param mounts config files mounted from ConfigMaps: by mount folder, file name and text
 */
record GeneratedCase(
    long seed,
    int number,
    Map<String, String> files,
    Map<String, String> env,
    List<String> args,
    Map<String, String> systemProperties,
    Map<String, Map<String, String>> mounts) {

  static final String SERVICE = "orders";

  GeneratedCase(
      long seed,
      int number,
      Map<String, String> files,
      Map<String, String> env,
      List<String> args,
      Map<String, String> systemProperties) {
    this(seed, number, files, env, args, systemProperties, Map.of());
  }

  GeneratedCase {
    mounts = new LinkedHashMap<>(mounts);
    files = new LinkedHashMap<>(files);
    env = new LinkedHashMap<>(env);
    args = List.copyOf(args);
    systemProperties = new LinkedHashMap<>(systemProperties);
  }

  /** Writes the case under {@code dir}; returns what the started application sees. */
  SpringRun writeTo(Path dir) throws IOException {
    Path resources = dir.resolve(SERVICE).resolve("src/main/resources");
    Files.createDirectories(resources);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(resources.resolve(f.getKey()), f.getValue());
    }
    Map<String, String> processEnv = new LinkedHashMap<>(env);
    if (!systemProperties.isEmpty()) {
      processEnv.put(
          "JAVA_TOOL_OPTIONS",
          systemProperties.entrySet().stream()
              // The JVM strips quotes from JAVA_TOOL_OPTIONS: JSON goes in single quotes.
              .map(e -> "-D" + e.getKey() + "=" + jvmQuoted(e.getValue()))
              .collect(Collectors.joining(" ")));
    }
    Path container = dir.resolve("container");
    for (Map.Entry<String, Map<String, String>> mount : mounts.entrySet()) {
      Path folder = container.resolve(mount.getKey().substring(1));
      Files.createDirectories(folder);
      for (Map.Entry<String, String> f : mount.getValue().entrySet()) {
        Files.writeString(folder.resolve(f.getKey()), f.getValue());
      }
    }
    if (!processEnv.isEmpty() || !args.isEmpty() || !mounts.isEmpty()) {
      Files.writeString(dir.resolve("deploy.yaml"), manifest(processEnv));
    }
    return new SpringRun(
        resources, processEnv, args, systemProperties, List.of(), Optional.of(container));
  }

  private static String jvmQuoted(String value) {
    return value.contains("\"") ? "'" + value + "'" : value;
  }

  private String manifest(Map<String, String> processEnv) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ")
        .append(SERVICE)
        .append("\nspec:\n  template:\n    spec:\n      containers:\n        - name: ")
        .append(SERVICE)
        .append("\n          image: ")
        .append(SERVICE)
        .append(":1\n");
    if (!processEnv.isEmpty()) {
      y.append("          env:\n");
      processEnv.forEach(
          (k, v) ->
              y.append("            - name: ")
                  .append(k)
                  .append("\n              value: ")
                  .append(quoted(v))
                  .append('\n'));
    }
    if (!args.isEmpty()) {
      y.append("          args:\n");
      args.forEach(a -> y.append("            - ").append(quoted(a)).append('\n'));
    }
    if (mounts.isEmpty()) {
      return y.toString();
    }
    y.append("          volumeMounts:\n");
    int i = 0;
    for (String folder : mounts.keySet()) {
      y.append("            - name: config-").append(i++).append("\n");
      y.append("              mountPath: ").append(folder).append('\n');
    }
    y.append("      volumes:\n");
    for (i = 0; i < mounts.size(); i++) {
      y.append("        - name: config-").append(i).append('\n');
      y.append("          configMap:\n            name: config-").append(i).append('\n');
    }
    i = 0;
    for (Map<String, String> files : mounts.values()) {
      y.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-")
          .append(i++)
          .append("\ndata:\n");
      files.forEach(
          (name, text) -> {
            y.append("  ").append(name).append(": |\n");
            text.lines().forEach(l -> y.append("    ").append(l).append('\n'));
          });
    }
    return y.toString();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append("case ").append(number).append(" of seed ").append(seed).append('\n');
    files.forEach((k, v) -> s.append("--- ").append(k).append('\n').append(v));
    s.append("--- env ").append(env).append('\n');
    s.append("--- args ").append(args).append('\n');
    s.append("--- -D ").append(systemProperties).append('\n');
    mounts.forEach(
        (folder, fs) ->
            fs.forEach(
                (name, text) ->
                    s.append("--- mounted ")
                        .append(folder)
                        .append('/')
                        .append(name)
                        .append('\n')
                        .append(text)));
    return s.toString();
  }
}
