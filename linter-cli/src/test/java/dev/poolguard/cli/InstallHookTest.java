package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Where install-hook writes (as git resolves hooks) and what the hook runs. */
class InstallHookTest {

  @TempDir Path dir;
  Map<String, String> env;

  @BeforeEach
  void isolatedGit() throws Exception {
    Path gitconfig = Files.writeString(dir.resolve("gitconfig"), "");
    env = Map.of("GIT_CONFIG_GLOBAL", gitconfig.toString(), "GIT_CONFIG_NOSYSTEM", "1");
  }

  private void git(Path cwd, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    CliRun run = CliRun.command(cwd, env, command);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void followsCoreHooksPathFromASubfolder() throws Exception {
    Tools.require("git", "git", "--version");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("services/orders"));
    git(repo, "init", "-q");
    git(repo, "config", "core.hooksPath", "githooks");
    CliRun run = CliRun.process(repo.resolve("services/orders"), env, "install-hook");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(repo.resolve("githooks/pre-commit")).content().contains("lint --staged");
    assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  @Test
  void worktreeSharesTheRepositorysHooks() throws Exception {
    Tools.require("git", "git", "--version");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    git(
        repo,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "x");
    git(repo, "worktree", "add", "-q", dir.resolve("wt").toString());
    CliRun run = CliRun.process(dir.resolve("wt"), env, "install-hook");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(repo.resolve(".git/hooks/pre-commit")).exists();
  }

  @Test
  void outsideAGitRepositoryIsExitTwoWithOneLine() throws Exception {
    Tools.require("git", "git", "--version");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    CliRun run =
        CliRun.process(plain, Map.of("GIT_CEILING_DIRECTORIES", dir.toString()), "install-hook");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("poolguard: error: ");
  }

  @Test
  void hookRunsTheRecordedPoolguardElseTheOneOnPath() {
    String script =
        InstallHookCommand.script(
            Optional.of(
                new InstallHookCommand.Invocation(
                    "/opt/pool guard/bin/poolguard", List.of("/opt/pool guard/bin/poolguard"))));
    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains(InstallHookCommand.MARKER)
        .contains("if [ -e '/opt/pool guard/bin/poolguard' ]; then")
        .contains("exec '/opt/pool guard/bin/poolguard' lint --staged")
        .endsWith("exec poolguard lint --staged\n");
    assertThat(InstallHookCommand.script(Optional.empty())).doesNotContain("if [ -e");
    // From a classes folder (as here) there is no jar to record: the hook uses PATH.
    assertThat(InstallHookCommand.invocation(Map.of())).isEmpty();
    assertThat(InstallHookCommand.invocation(Map.of("POOLGUARD_LAUNCHER", "/usr/bin/poolguard")))
        .contains(
            new InstallHookCommand.Invocation("/usr/bin/poolguard", List.of("/usr/bin/poolguard")));
  }

  /** The pre-commit framework's hook: what it runs, and the files that trigger it. */
  @Test
  void preCommitFrameworkHookRunsLintStagedOnConfigFiles() throws Exception {
    Path file = CliTest.EXAMPLES.getParent().resolve(".pre-commit-hooks.yaml");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hooks =
        (List<Map<String, Object>>)
            new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    assertThat(hooks).hasSize(1);
    Map<String, Object> hook = hooks.get(0);
    assertThat(hook)
        .containsEntry("id", "poolguard")
        .containsEntry("language", "system")
        .containsEntry("entry", "poolguard lint --staged")
        .containsEntry("pass_filenames", false);
    Pattern files = Pattern.compile((String) hook.get("files"));
    for (String path :
        List.of(
            "orders-api/src/main/resources/application-prod.yml",
            "src/main/resources/application.properties",
            "config/bootstrap.yaml",
            "deploy/orders-api.yaml",
            "db/postgresql.conf",
            "poolguard.yaml")) {
      assertThat(files.matcher(path).find()).as(path).isTrue();
    }
    for (String path : List.of("src/main/java/Main.java", "README.md", "pom.xml", "app.conf")) {
      assertThat(files.matcher(path).find()).as(path).isFalse();
    }
  }
}
