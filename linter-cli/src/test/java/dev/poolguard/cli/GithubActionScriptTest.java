package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's steps ({@code scripts/github-action.sh}, which {@code action.yml} runs) as a
 * real process on a fixture repository: the incident example committed to a real git repository,
 * poolguard behind a launcher as the downloaded zip provides one.
 */
class GithubActionScriptTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCRIPT = ROOT.resolve("scripts/github-action.sh");

  @TempDir Path repo;
  @TempDir Path tools;

  private Path launcher;

  @BeforeEach
  void incidentCommitted() throws Exception {
    Path example = CliTest.EXAMPLES.resolve("incident");
    try (Stream<Path> files = Files.walk(example)) {
      for (Path from : files.filter(Files::isRegularFile).toList()) {
        Path to = repo.resolve(example.relativize(from).toString());
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "incident");
    launcher = tools.resolve("poolguard");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + Main.class.getName()
            + " \"$@\"\n");
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
  }

  @Test
  void producesSarifAndAnnotationsAndFailsOnErrors() throws Exception {
    Path githubOutput = tools.resolve("github-output");
    CliRun run = action(Map.of("GITHUB_OUTPUT", githubOutput.toString()));
    assertThat(run.out())
        .contains("::error file=orders-api/src/main/resources/application-prod.yml,line=")
        .contains("[pool-below-peak-demand]::");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    Path sarif = repo.resolve("poolguard-reports/poolguard.sarif");
    assertThat(sarif)
        .content()
        .contains("\"2.1.0\"", "partialFingerprints", "pool-below-peak-demand");
    assertThat(repo.resolve("poolguard-reports/poolguard.txt")).content().contains("error:");
    assertThat(githubOutput)
        .content()
        .isEqualTo("sarif=poolguard-reports/poolguard.sarif\nexit-code=1\n");
  }

  @Test
  void newOnlyAgainstHeadPassesWhatTheRepositoryAlreadyHad() throws Exception {
    CliRun run = action(Map.of("POOLGUARD_BASELINE", "HEAD", "POOLGUARD_NEW_ONLY", "true"));
    assertThat(run.out()).doesNotContain("::error").contains("not shown (--new-only)");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(repo.resolve("poolguard-reports/poolguard.sarif")).content().contains("external");
  }

  @Test
  void badInputExitsTwoWithItsMessage() throws Exception {
    CliRun run = action(Map.of("POOLGUARD_FAIL_ON", "sometimes"));
    assertThat(run.err()).contains("--fail-on");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  private CliRun action(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("POOLGUARD", launcher.toString());
    return CliRun.command(repo, all, List.of("bash", SCRIPT.toString()));
  }

  private void git(String... args) throws Exception {
    Git.run(repo, args);
  }
}
