package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kustomize overlays through the real CLI: the shrink in a prod patch, and broken overlays. */
class KustomizeCliTest {

  private static final Path EXAMPLE = CliTest.EXAMPLES.resolve("kustomize-shrink");

  @TempDir Path repo;

  @Test
  void aProdPatchShrinkingThePoolFailsStagedAtThePatchLine()
      throws IOException, GitAPIException, InterruptedException {
    copy(EXAMPLE, repo);
    Path patch = repo.resolve("k8s/overlays/prod/pool.yaml");
    Files.writeString(patch, Files.readString(patch).replace("\"10\"", "\"40\""));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit(git, "pool 40");
      assertThat(CliRun.inProcess(repo, "lint", "--staged").exitCode()).isZero();
      Files.writeString(patch, Files.readString(patch).replace("\"40\"", "\"10\""));
      git.add().addFilepattern(".").call();
    }
    CliRun run = CliRun.process(repo, Map.of(), "lint", "--staged");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("k8s/overlays/prod/pool.yaml:13:22: error: pool max 10")
        .contains("pool max 10 (was 40)");
    assertThat(CliRun.process(repo, Map.of(), "diff", "--staged").out())
        .contains(
            "maximum-pool-size: 40 (k8s/overlays/prod/pool.yaml:13 (env"
                + " SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE)) -> 10"
                + " (k8s/overlays/prod/pool.yaml:13");
    assertThat(CliRun.inProcess(repo, "lint").exitCode()).isEqualTo(1);
  }

  @Test
  void theExampleFailsAtThePatchLineWithTheBaselineValue() {
    CliRun run = CliRun.inProcess(EXAMPLE, "lint");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("k8s/overlays/prod/pool.yaml:13:22: error: pool max 10 (was 40)");
  }

  @Test
  void initProposesTheOverlay() throws IOException {
    copy(EXAMPLE, repo);
    Files.delete(repo.resolve("poolguard.yaml"));
    assertThat(CliRun.inProcess(repo, "init").exitCode()).isZero();
    assertThat(repo.resolve("poolguard.yaml"))
        .content()
        .contains("deployment: k8s/overlays/prod\n");
  }

  @Test
  void stdinStillReadsRenderedManifests() throws IOException, InterruptedException {
    Path rendered = repo.resolve("rendered.yaml");
    Files.writeString(
        rendered,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n"
            + "    spec:\n      containers:\n        - name: app\n          env:\n"
            + "            - {name: SPRING_DATASOURCE_URL, value: 'jdbc:postgresql://db/a'}\n");
    CliRun run =
        CliRun.command(
            repo,
            Map.of(),
            java.util.List.of(
                "sh",
                "-c",
                "cat rendered.yaml | \"$0\" -cp \"$1\" " + Main.class.getName() + " lint -v -",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path")));
    assertThat(run.err()).as(run.out()).contains("<stdin>");
  }

  @Test
  void aMissingResourceIsAFindingAtItsLine() throws IOException {
    copy(EXAMPLE, repo);
    append("k8s/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n  - gone.yaml\n");
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("overlay not rendered: resource gone.yaml does not exist");
  }

  @Test
  void aCycleIsAFinding() throws IOException {
    copy(EXAMPLE, repo);
    append("k8s/base/kustomization.yaml", "  - ../overlays/prod\n");
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("cycle:");
  }

  @Test
  void aFieldPoolguardDoesNotApplyIsNamedInANote() throws IOException {
    copy(EXAMPLE, repo);
    Path k = repo.resolve("k8s/overlays/prod/kustomization.yaml");
    Files.writeString(
        k,
        Files.readString(k)
            + "helmCharts:\n  - name: redis\n    repo: https://charts.example.com\n");
    CliRun run = CliRun.inProcess(repo, "lint", "-v");
    assertThat(run.out()).contains("k8s/overlays/prod/pool.yaml:13:22: error: pool max 10");
    assertThat(run.err())
        .contains("kustomization field helmCharts is not applied by poolguard")
        .contains("k8s/overlays/prod/kustomization.yaml:");
  }

  @Test
  void aRemoteBaseIsANoteAndNotFetched() throws IOException {
    copy(EXAMPLE, repo);
    Path k = repo.resolve("k8s/overlays/prod/kustomization.yaml");
    Files.writeString(
        k,
        Files.readString(k)
            .replace(
                "  - ../../base\n",
                "  - ../../base\n  - https://github.com/example/shared//k8s?ref=v1\n"));
    CliRun run = CliRun.inProcess(repo, "lint", "-v");
    // The rest of the overlay is still rendered: the shrink in its patch is still found.
    assertThat(run.out()).contains("k8s/overlays/prod/pool.yaml:13:22: error: pool max 10");
    assertThat(run.err())
        .contains("remote resource https://github.com/example/shared//k8s?ref=v1 is not fetched");
  }

  @Test
  void aResourceOutsideTheRepositoryIsRefused(@TempDir Path outside) throws IOException {
    copy(EXAMPLE, repo);
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(
        outside.resolve("evil.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Path k = repo.resolve("k8s/overlays/prod/kustomization.yaml");
    Files.writeString(
        k,
        Files.readString(k)
            .replace(
                "  - ../../base\n", "  - ../../base\n  - " + outside.resolve("evil.yaml") + "\n"));
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("overlay not rendered: ").contains("outside");
  }

  @Test
  void aKustomizationThatDoesNotParseIsOneFinding() throws IOException {
    copy(EXAMPLE, repo);
    Files.writeString(
        repo.resolve("k8s/overlays/prod/kustomization.yaml"), "resources: [../../base\n");
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsOnlyOnce("[config-unparseable]").doesNotContain("Exception");
  }

  @Test
  void aPatchThatMatchesNothingIsAFindingAtThePatch() throws IOException {
    copy(EXAMPLE, repo);
    Path patch = repo.resolve("k8s/overlays/prod/pool.yaml");
    Files.writeString(patch, Files.readString(patch).replace("name: orders-api", "name: nobody"));
    CliRun run = CliRun.inProcess(repo, "lint");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "k8s/overlays/prod/pool.yaml:2:1: error: k8s/overlays/prod/kustomization.yaml cannot be"
                + " parsed: overlay not rendered: patch for Deployment nobody matches no resource");
  }

  private void append(String file, String text) throws IOException {
    Path p = repo.resolve(file);
    String body = Files.readString(p);
    if (text.startsWith("resources:")) {
      body = body.replaceAll("(?s)resources:\\n  - \\.\\./\\.\\./base\\n", text);
    } else {
      body = body.replace("  - deployment.yaml\n", "  - deployment.yaml\n" + text);
    }
    Files.writeString(p, body);
  }

  private static void commit(Git git, String message) throws GitAPIException {
    git.commit()
        .setMessage(message)
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .call();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
