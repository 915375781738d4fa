package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.workload.Container;
import org.junit.jupiter.api.Test;

/** Secret values are never kept: nothing read from a manifest can print them. */
class SecretValuesTest {

  @Test
  void secretValuesAppearNowhereInTheModel() {
    TestManifest shop = TestManifest.resource("shop.yaml");
    Cluster cluster = shop.readWithText();
    Container app = cluster.workloads().get(0).containers().get(0);
    Environment env = Environment.of(app, cluster, "shop");

    String everything =
        cluster
            + " "
            + env
            + " "
            + CommandLineArgs.parse(app, env)
            + " "
            + JvmOptions.parse(env.get("JAVA_TOOL_OPTIONS").orElseThrow())
            + cluster.configMaps().stream()
                .map(
                    c ->
                        EmbeddedFiles.parse(c, dev.poolguard.core.config.Limits.DEFAULT).toString())
                .toList();

    assertThat(everything)
        .doesNotContain("s3cr3t-value")
        .doesNotContain("c2VjcmV0LXRva2Vu")
        .contains("password", "token");
  }

  @Test
  void literalPasswordsInEnvAreMaskedWhenPrinted() {
    TestManifest m =
        TestManifest.of(
            "literal.yaml",
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - name: app
                  args: ["--spring.datasource.password=hunter2", "-Ddb.pwd=hunter2"]
                  env:
                    - {name: DB_PASSWORD, value: hunter2}
                    - {name: SPRING_DATASOURCE_URL, value: "jdbc:postgresql://app:hunter2@db/app"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: db}
        data: {SPRING_DATASOURCE_PASSWORD: hunter2}
        """);
    Cluster cluster = m.read();
    Container app = cluster.workloads().get(0).containers().get(0);
    Environment env = Environment.of(app, cluster, "default");

    assertThat(cluster + " " + env + " " + CommandLineArgs.parse(app, env))
        .doesNotContain("hunter2");
  }
}
