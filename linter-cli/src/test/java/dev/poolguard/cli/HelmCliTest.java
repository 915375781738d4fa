package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm charts through the real CLI: the shrink in a prod values file, and charts that do not
 * render.
 */
class HelmCliTest {

  private static final Path EXAMPLE = CliTest.EXAMPLES.resolve("helm-shrink");
  private static final String VALUES = "charts/orders-api/values-prod.yaml";

  @TempDir Path repo;

  @Test
  void aProdValuesShrinkFailsStagedAtTheValuesLineWithTheTemplateLineRelated()
      throws IOException, GitAPIException, InterruptedException {
    Trees.copy(EXAMPLE, repo);
    Path values = repo.resolve(VALUES);
    Files.writeString(values, Files.readString(values).replace("Size: 10", "Size: 40"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit(git, "pool 40");
      assertThat(CliRun.inProcess(repo, "lint", "--staged").exitCode()).isZero();
      Files.writeString(values, Files.readString(values).replace("Size: 40", "Size: 10"));
      git.add().addFilepattern(".").call();
    }
    List<Path> before = files(repo);
    CliRun run = CliRun.process(repo, Map.of(), "lint", "--staged");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(VALUES + ":5:20: error: pool max 10 (was 40) cannot carry the offered load");
    CliRun json = CliRun.process(repo, Map.of(), "lint", "--staged", "--format", "json");
    assertThat(json.out())
        .contains(
            "\"label\": \"Helm template\",\n"
                + "          \"location\": {\n"
                + "            \"path\": \"charts/orders-api/templates/deployment.yaml\",\n"
                + "            \"line\": 24,");
    assertThat(CliRun.process(repo, Map.of(), "diff", "--staged").out())
        .contains(
            "maximum-pool-size: 40 ("
                + VALUES
                + ":5 (env SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE)) -> 10 ("
                + VALUES
                + ":5 (env");
    assertThat(files(repo)).isEqualTo(before);
  }

  @Test
  void theExampleFailsAtTheValuesLineWithTheBaselineValue() {
    CliRun run = CliRun.inProcess(EXAMPLE, "lint");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith(VALUES + ":5:20: error: pool max 10 (was 40)");
  }

  @Test
  void replicasComeFromTheValuesFile() {
    CliRun run = CliRun.inProcess(EXAMPLE, "lint", "--format", "json");
    assertThat(run.out())
        .contains(
            "\"label\": \"replicas 6\",\n          \"location\": {\n            \"path\": \""
                + VALUES
                + "\",\n            \"line\": 3,");
  }

  @Test
  void aChartThatDoesNotRenderIsOneFindingWithHelmsMessageAndNothingWritten()
      throws IOException, InterruptedException {
    Trees.copy(EXAMPLE, repo);
    Path template = repo.resolve("charts/orders-api/templates/deployment.yaml");
    Files.writeString(template, Files.readString(template) + "  x: {{ .Values.no.such }}\n");
    List<Path> before = files(repo);
    CliRun run = CliRun.process(repo, Map.of(), "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "charts/orders-api/templates/deployment.yaml:28:15: error: charts/orders-api cannot be"
                + " parsed: chart not rendered: template: orders-api/templates/deployment.yaml:28:15:"
                + " executing \"orders-api/templates/deployment.yaml\" at <.Values.no.such>: nil"
                + " pointer evaluating interface {}.such [config-unparseable]")
        .containsOnlyOnce("[config-unparseable]");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("at com.");
    assertThat(files(repo)).isEqualTo(before);
  }

  @Test
  void aMissingDependencyArchiveIsANoteAndTheChartIsStillLinted() throws IOException {
    Trees.copy(EXAMPLE, repo);
    Path chart = repo.resolve("charts/orders-api/Chart.yaml");
    String declared =
        Files.readString(chart)
            + "dependencies:\n  - name: postgresql\n    version: 12.1.0\n"
            + "    repository: https://charts.example.com\n";
    Files.writeString(chart, declared);
    CliRun run = CliRun.inProcess(repo, "lint", "-v");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith(VALUES + ":5:20: error: pool max 10");
    assertThat(run.err())
        .contains(
            "charts/orders-api: dependency postgresql is declared in Chart.yaml but its archive is"
                + " not in charts/ (run helm dependency build); the chart is rendered without it");
    assertThat(chart).content().isEqualTo(declared);
    assertThat(repo.resolve("charts/orders-api/charts")).doesNotExist();
  }

  @Test
  void aTemplateLeadingOutsideTheRepositoryIsRefused(@TempDir Path outside) throws IOException {
    Trees.copy(EXAMPLE, repo);
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(outside.resolve("secret.yaml"), "kind: Secret\n");
    Files.createSymbolicLink(
        repo.resolve("charts/orders-api/templates/leak.yaml"), outside.resolve("secret.yaml"));
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "chart not rendered: charts/orders-api/templates/leak.yaml: not read: it leads outside"
                + " the repository");
  }

  @Test
  void aChartOutsideTheRepositoryOrAnUnknownKeyIsExit2() throws IOException {
    Trees.copy(EXAMPLE, repo);
    Files.createDirectories(repo.resolve(".git"));
    Path config = repo.resolve("poolguard.yaml");
    String text = Files.readString(config);
    Files.writeString(config, text.replace("      values:", "      vaules:"));
    CliRun typo = CliRun.inProcess(repo, "lint");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err())
        .contains(
            "poolguard.yaml:10:7: services.orders-api.helm: unknown key 'vaules' (did you mean"
                + " 'values'?)");
    Files.writeString(config, text.replace("chart: charts/orders-api", "chart: ../elsewhere"));
    CliRun outside = CliRun.inProcess(repo, "lint");
    assertThat(outside.exitCode()).isEqualTo(2);
    assertThat(outside.err())
        .contains("poolguard.yaml:9:7: services.orders-api.helm.chart: ")
        .contains("is outside the repository");
  }

  @Test
  void stdinStillReadsRenderedManifestsAtStdinLines() throws IOException, InterruptedException {
    Path rendered = repo.resolve("rendered.yaml");
    Files.writeString(
        rendered,
        "---\n# Source: orders-api/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
            + "metadata: {name: orders-api}\nspec:\n  replicas: 6\n  template:\n    spec:\n"
            + "      containers:\n        - name: app\n          env:\n"
            + "            - {name: SPRING_DATASOURCE_URL, value: 'jdbc:postgresql://db/a'}\n"
            + "            - {name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE, value: '1'}\n");
    CliRun run =
        CliRun.command(
            repo,
            Map.of(),
            List.of(
                "sh",
                "-c",
                "cat rendered.yaml | \"$0\" -cp \"$1\" " + Main.class.getName() + " model -",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path")));
    assertThat(run.out()).contains("maximum-pool-size         1           <stdin>:14 (env");
  }

  private static void commit(Git git, String message) throws GitAPIException {
    git.commit()
        .setMessage(message)
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .call();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.toString().contains("/.git/")).sorted().toList();
    }
  }
}
