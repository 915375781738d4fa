package dev.poolguard.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
record GeneratedCase(
    long seed,
    int number,
    Map<String, String> files,
    Map<String, String> env,
    List<String> args,
    Map<String, String> systemProperties) {

  static final String SERVICE = "orders";

  GeneratedCase {
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
    if (!processEnv.isEmpty() || !args.isEmpty()) {
      Files.writeString(dir.resolve("deploy.yaml"), manifest(processEnv));
    }
    return new SpringRun(resources, processEnv, args, systemProperties);
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
    return s.toString();
  }
}
