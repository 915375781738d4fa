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

/** Git baselines and --staged against real repositories made in a temporary folder. */
class GitBaselineTest {

  @TempDir Path repo;

  private Git git;

  @BeforeEach
  void commitAPoolOfForty() throws IOException, GitAPIException {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("orders/src/main/resources/application.yml", pool(40));
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
            "orders/src/main/resources/application.yml:5:26: warning: spring.datasource.hikari.maximum-pool-size lowered to 10"
                + " (was 40 at orders/src/main/resources/application.yml:5 in HEAD)")
        .contains("[pool-max-reduced]");
    assertThat(run.exitCode()).isZero();
    assertThat(
            CliRun.inProcess(repo, "lint", "--baseline", "v1", "--fail-on", "warning").exitCode())
        .isEqualTo(1);
    assertThat(Files.readString(repo.resolve("orders/src/main/resources/application.yml")))
        .isEqualTo(pool(10));
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
