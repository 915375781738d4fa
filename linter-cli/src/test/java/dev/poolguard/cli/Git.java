package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real git binary in a test repository, with a fixed author and no user configuration. */
final class Git {

  /** Author and committer for test commits, so no user git configuration is needed. */
  static final Map<String, String> ENV =
      Map.of(
          "GIT_AUTHOR_NAME", "t",
          "GIT_AUTHOR_EMAIL", "t@example.com",
          "GIT_COMMITTER_NAME", "t",
          "GIT_COMMITTER_EMAIL", "t@example.com");

  private Git() {}

  /** Runs {@code git args} in {@code repo} and asserts that it succeeded. */
  static CliRun run(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    CliRun run = CliRun.command(repo, ENV, command);
    assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
    return run;
  }
}
