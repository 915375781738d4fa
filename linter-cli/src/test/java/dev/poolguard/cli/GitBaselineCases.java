package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git baselines and --staged against real repositories made in a temporary folder; {@link
 * GitBaselineTest} runs every case without poolguard.yaml and with the one {@code poolguard init}
 * writes (which lists the services' {@code config:} paths) committed beside the code.
 */
abstract class GitBaselineCases {

  private final boolean initWritten;

  GitBaselineCases(boolean initWritten) {
    this.initWritten = initWritten;
  }

  @TempDir Path repo;

  private Git git;

  @BeforeEach
  void commitAPoolOfForty() throws IOException, GitAPIException {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("orders/src/main/resources/application.yml", pool(40));
    if (initWritten) {
      CliRun init = CliRun.inProcess(repo, "init");
      assertThat(init.exitCode()).as(init.err()).isZero();
      assertThat(repo.resolve("poolguard.yaml")).content().contains("config: orders/");
    }
    git.add().addFilepattern(".").call();
    git.commit()
        .setMessage("pool 40")
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .call();
    git.tag().setName("v1").call();
  }

  private void write(String relative, String text) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String pool(int size) {
    return "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n      maximum-pool-size: "
        + size
        + "\n";
  }

  @Test
  void shrunkPoolAgainstHeadIsReportedWithTheOldValueAndRevision() throws IOException {
    write("orders/src/main/resources/application.yml", pool(10));
    CliRun run = CliRun.inProcess(repo, "lint", "--baseline", "HEAD");
    assertThat(run.out())
        .contains(
            "orders/src/main/resources/application.yml:5:26: error: spring.datasource.hikari.maximum-pool-size lowered to 10"
                + " (was 40 at orders/src/main/resources/application.yml:5 in HEAD)")
        .contains("[pool-max-reduced]");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(CliRun.inProcess(repo, "lint", "--baseline", "v1").exitCode()).isEqualTo(1);
    write("orders/src/main/resources/application.yml", pool(36));
    CliRun small = CliRun.inProcess(repo, "lint", "--baseline", "HEAD");
    assertThat(small.out()).contains("warning: spring.datasource.hikari.maximum-pool-size");
    assertThat(small.exitCode()).isZero();
    assertThat(Files.readString(repo.resolve("orders/src/main/resources/application.yml")))
        .isEqualTo(pool(36));
  }

  @Test
  void stagedLintsWhatTheNextCommitRecords() throws IOException, GitAPIException {
    write("orders/src/main/resources/application.yml", pool(10));
    git.add().addFilepattern(".").call();
    write("orders/src/main/resources/application.yml", pool(40));
    CliRun staged = CliRun.inProcess(repo, "lint", "--staged", "--baseline", "HEAD");
    assertThat(staged.out()).contains("lowered to 10", "[pool-max-reduced]");
    CliRun workTree = CliRun.inProcess(repo, "lint", "--baseline", "HEAD");
    assertThat(workTree.out()).doesNotContain("[pool-max-reduced]");
  }

  @Test
  void stagedComparesWithHeadUnlessToldOtherwise() throws IOException, GitAPIException {
    write("orders/src/main/resources/application.yml", pool(10));
    git.add().addFilepattern(".").call();

    CliRun staged = CliRun.inProcess(repo, "lint", "--staged");
    assertThat(staged.out())
        .contains("error: spring.datasource.hikari.maximum-pool-size lowered to 10 (was 40 at")
        .contains("[pool-max-reduced]");
    assertThat(staged.exitCode()).isEqualTo(1);

    CliRun none = CliRun.inProcess(repo, "lint", "--staged", "--no-baseline");
    assertThat(none.out()).doesNotContain("[pool-max-reduced]");
    assertThat(none.exitCode()).isZero();

    CliRun diff = CliRun.inProcess(repo, "diff", "--staged", "-b", "HEAD");
    assertThat(diff.out())
        .contains("orders [default] default maximum-pool-size: 40 (")
        .contains(") -> 10 (")
        .doesNotContain("(removed) -> (removed)");
    assertThat(CliRun.inProcess(repo, "diff", "--staged").out()).isEqualTo(diff.out());
  }

  @Test
  void theFirstCommitHasNoBaselineAndSaysSoWithVerbose(@TempDir Path fresh)
      throws IOException, GitAPIException {
    try (Git first = Git.init().setDirectory(fresh.toFile()).setInitialBranch("main").call()) {
      Path file = fresh.resolve("orders/src/main/resources/application.yml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, pool(10));
      if (initWritten) {
        assertThat(CliRun.inProcess(fresh, "init").exitCode()).isZero();
      }
      first.add().addFilepattern(".").call();
    }
    CliRun run = CliRun.inProcess(fresh, "lint", "--staged", "-v");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("no baseline: the repository has no commit yet");
  }

  @Test
  void diffShowsSettingAndDeploymentChanges() throws IOException, GitAPIException {
    String deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 6\n"
            + "  template:\n    spec:\n      containers:\n        - name: orders\n          image: orders:1\n";
    write("deploy.yaml", deployment);
    git.add().addFilepattern(".").call();
    git.commit()
        .setMessage("deploy")
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .call();
    write("deploy.yaml", deployment.replace("replicas: 6", "replicas: 3"));
    write("orders/src/main/resources/application.yml", pool(10));
    CliRun run = CliRun.inProcess(repo, "diff", "--baseline", "HEAD");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("changes against HEAD")
        .contains("orders [default] (deployment) replicas: 6 (deploy.yaml:6) -> 3 (deploy.yaml:6)")
        .contains("orders [default] default maximum-pool-size: 40");
    assertThat(CliRun.inProcess(repo, "diff", "--baseline", "HEAD", "--format", "markdown").out())
        .contains("| orders | default | (deployment) | replicas |");
  }

  @Test
  void unknownRevisionIsExitTwoWithAHint() throws Exception {
    CliRun run = CliRun.process(repo, Map.of(), "lint", "--baseline", "origin/main");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown git revision 'origin/main'", "git fetch")
        .doesNotContain("SLF4J", "Exception");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void notAGitRepositoryIsExitTwo(@TempDir Path plain) throws IOException {
    Files.writeString(plain.resolve("application.yml"), pool(10));
    CliRun run = CliRun.inProcess(plain, "lint", "--baseline", "HEAD");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not inside");
  }
}
