package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route by which a pool size reaches a pod, as {@code poolguard model} shows it: the
 * effective value, the line it comes from, and the value it overrode.
 */
class DeploymentRoutesTest {

  @TempDir Path dir;

  private static final String APP =
      "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n      maximum-pool-size: 40\n";

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private String deployment(String container) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n"
        + "      containers:\n        - name: orders\n          image: orders:1\n"
        + container;
  }

  private String model() {
    CliRun run = CliRun.inProcess(dir, "model");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  @Test
  void environmentVariable() throws IOException {
    write("orders/src/main/resources/application.yml", APP);
    write(
        "deploy.yaml",
        deployment(
            "          env:\n            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n              value: \"4\"\n"));
    assertThat(model())
        .containsPattern(
            "maximum-pool-size\\s+4\\s+deploy\\.yaml:13 \\(env SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\\)\\s+overrides 40 at orders/src/main/resources/application\\.yml:5");
  }

  @Test
  void containerArgument() throws IOException {
    write("orders/src/main/resources/application.yml", APP);
    write(
        "deploy.yaml",
        deployment("          args: [\"--spring.datasource.hikari.maximum-pool-size=5\"]\n"));
    assertThat(model())
        .containsPattern(
            "maximum-pool-size\\s+5\\s+deploy\\.yaml:11 \\(--spring.datasource.hikari.maximum-pool-size\\)\\s+overrides 40");
  }

  @Test
  void javaToolOptions() throws IOException {
    write("orders/src/main/resources/application.yml", APP);
    write(
        "deploy.yaml",
        deployment(
            "          env:\n            - name: JAVA_TOOL_OPTIONS\n              value: \"-Dspring.datasource.hikari.maximum-pool-size=6\"\n"));
    assertThat(model())
        .containsPattern(
            "maximum-pool-size\\s+6\\s+deploy\\.yaml:13 \\(-Dspring.datasource.hikari.maximum-pool-size\\)\\s+overrides 40");
  }

  @Test
  void configMapMountedWhereSpringLooks() throws IOException {
    write("orders/src/main/resources/application.yml", APP);
    write(
        "deploy.yaml",
        deployment(
                "          volumeMounts:\n            - name: cfg\n              mountPath: /workspace/config\n"
                    + "      volumes:\n        - name: cfg\n          configMap:\n            name: orders-config\n")
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-config\ndata:\n  application.yml: |\n"
            + "    spring.datasource.hikari.maximum-pool-size: 7\n");
    assertThat(model())
        .containsPattern("maximum-pool-size\\s+7\\s+deploy\\.yaml:25\\s+overrides 40");
  }

  @Test
  void profileChosenByTheContainer() throws IOException {
    write("orders/src/main/resources/application.yml", APP);
    write(
        "orders/src/main/resources/application-prod.yml",
        "spring.datasource.hikari.maximum-pool-size: 8\n");
    write(
        "deploy.yaml",
        deployment(
            "          env:\n            - name: SPRING_PROFILES_ACTIVE\n              value: prod\n"));
    assertThat(model())
        .contains("profiles: prod from SPRING_PROFILES_ACTIVE at deploy.yaml:13")
        .containsPattern(
            "maximum-pool-size\\s+8\\s+orders/src/main/resources/application-prod\\.yml:1\\s+overrides 40");
  }

  @Test
  void placeholderResolvedFromTheEnvironment() throws IOException {
    write("orders/src/main/resources/application.yml", APP.replace("40", "${POOL_MAX:40}"));
    write(
        "deploy.yaml",
        deployment("          env:\n            - name: POOL_MAX\n              value: \"9\"\n"));
    assertThat(model())
        .containsPattern("maximum-pool-size\\s+9\\s+orders/src/main/resources/application\\.yml:5");
  }

  @Test
  void quarkusProdProfile() throws IOException {
    write(
        "orders/src/main/resources/application.properties",
        "quarkus.datasource.db-kind=postgresql\nquarkus.datasource.jdbc.max-size=30\n%prod.quarkus.datasource.jdbc.max-size=12\n");
    assertThat(model())
        .contains("quarkus, profiles: prod")
        .containsPattern("max-size\\s+12\\s+orders/src/main/resources/application\\.properties:3");
  }

  @Test
  void manifestsFromStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              deployment(
                      "          env:\n            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n              value: \"3\"\n")
                  .getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.inProcess(dir, "model", "-");
      assertThat(run.out()).containsPattern("maximum-pool-size\\s+3\\s+<stdin>:13");
    } finally {
      System.setIn(stdin);
    }
  }
}
