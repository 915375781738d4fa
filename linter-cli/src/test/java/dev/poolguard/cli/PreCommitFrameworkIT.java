package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook of this repository's {@code .pre-commit-hooks.yaml} as the pre-commit framework runs it:
 * Debian's {@code pre-commit}, a repository whose {@code .pre-commit-config.yaml} names a git
 * repository holding that file at a {@code rev:}, the unpacked distribution's {@code bin/poolguard}
 * on PATH, and real {@code git commit}s. {@code language: system} installs nothing, so this runs
 * offline.
 */
class PreCommitFrameworkIT {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String PROD = "orders-api/src/main/resources/application-prod.yml";

  @TempDir static Path installed;
  static Path bin;

  @TempDir Path dir;
  Map<String, String> env;

  @BeforeAll
  static void unpack() throws IOException {
    String zip = System.getProperty("poolguard.dist.zip");
    if (zip == null) {
      Tools.require("the distribution zip (run through 'mvn verify')", "false");
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(zip)))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path to = installed.resolve(e.getName()).normalize();
        assertThat(to.startsWith(installed)).as(e.getName()).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(in, to);
        }
      }
    }
    try (Stream<Path> tops = Files.list(installed)) {
      bin = tops.findFirst().orElseThrow().resolve("bin");
    }
    assertThat(bin.resolve("poolguard").toFile().setExecutable(true)).isTrue();
  }

  @BeforeEach
  void environment() throws IOException {
    Tools.require("git", "git", "--version");
    Tools.require("pre-commit (Debian package pre-commit)", "pre-commit", "--version");
    env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("NO_COLOR", "1");
    // pre-commit keeps its clones here; the launcher keeps its class-data archive here.
    env.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put("PRE_COMMIT_COLOR", "never");
    Path gitconfig = Files.writeString(dir.resolve("gitconfig"), "");
    env.put("GIT_CONFIG_GLOBAL", gitconfig.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
  }

  @AfterEach
  void awaitBackgroundArchive() throws InterruptedException, IOException {
    DistributionIT.awaitNoLock(dir.resolve("cache/poolguard"));
  }

  /** A pool shrunk below what the capacity model in poolguard.yaml proves it needs. */
  @Test
  void refusesACommitThatShrinksThePoolBelowPeakDemand() throws Exception {
    Path repo = repository(true);
    CliRun refused = shrinkAndCommit(repo);
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("poolguard", "Failed")
        .contains("application-prod.yml:7:26: error: pool max 10")
        .contains("[pool-below-peak-demand]");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");

    // A change that judges clean goes through the same hook.
    git(repo, "reset", "-q", "--hard");
    Path app = repo.resolve("orders-api/src/main/resources/application.yml");
    Files.writeString(app, Files.readString(app) + "# reviewed\n");
    git(repo, "add", "-A");
    CliRun accepted = run(repo, "git", "commit", "-m", "a comment");
    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    assertThat(accepted.out() + accepted.err()).contains("poolguard", "Passed");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
  }

  /**
   * The incident without any poolguard.yaml: HEAD is the baseline, so a 40 to 10 shrink blocks and
   * a 40 to 36 trim goes through (a warning, which pre-commit shows only for a failing hook).
   */
  @Test
  void refusesA40To10ShrinkWithoutPoolguardYaml() throws Exception {
    Path repo = repository(false);
    CliRun refused = shrinkAndCommit(repo);
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("poolguard", "Failed", "[pool-max-reduced]", "was 40");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");

    git(repo, "reset", "-q", "--hard");
    Path prod = repo.resolve(PROD);
    Files.writeString(
        prod, Files.readString(prod).replace("maximum-pool-size: 40", "maximum-pool-size: 36"));
    git(repo, "add", PROD);
    CliRun trimmed = run(repo, "git", "commit", "-m", "trim the pool to 36");
    assertThat(trimmed.exitCode()).as(trimmed.out() + trimmed.err()).isZero();
    assertThat(trimmed.out() + trimmed.err()).contains("poolguard", "Passed");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
  }

  /**
   * The incident example with a pool of 40 committed, {@code .pre-commit-config.yaml} naming a
   * hooks repository at a revision, and the framework's hook installed.
   */
  private Path repository(boolean withPoolguardYaml) throws Exception {
    Path hooks = dir.resolve("poolguard-hooks");
    Files.createDirectories(hooks);
    Files.copy(ROOT.resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    init(hooks);
    git(hooks, "add", "-A");
    git(hooks, "commit", "-q", "-m", "hooks");
    String rev = git(hooks, "rev-parse", "HEAD").strip();

    Path repo = dir.resolve("repo");
    copy(ROOT.resolve("examples/incident"), repo);
    if (!withPoolguardYaml) {
      Files.delete(repo.resolve("poolguard.yaml"));
      Files.delete(repo.resolve("baseline/poolguard-baseline.json"));
    }
    Path prod = repo.resolve(PROD);
    String text = Files.readString(prod);
    assertThat(text).contains("maximum-pool-size: 10");
    Files.writeString(prod, text.replace("maximum-pool-size: 10", "maximum-pool-size: 40"));
    Files.writeString(
        repo.resolve(".pre-commit-config.yaml"),
        "repos:\n"
            + "  - repo: "
            + hooks
            + "\n"
            + "    rev: "
            + rev
            + "\n"
            + "    hooks:\n"
            + "      - id: poolguard\n");
    init(repo);
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "healthy pool of 40");

    CliRun install = run(repo, "pre-commit", "install");
    assertThat(install.exitCode()).as(install.out() + install.err()).isZero();
    assertThat(repo.resolve(".git/hooks/pre-commit")).content().contains("pre-commit");
    return repo;
  }

  private CliRun shrinkAndCommit(Path repo) throws Exception {
    Path prod = repo.resolve(PROD);
    Files.writeString(
        prod, Files.readString(prod).replace("maximum-pool-size: 40", "maximum-pool-size: 10"));
    git(repo, "add", PROD);
    return run(repo, "git", "commit", "-m", "shrink the pool to 10");
  }

  private void init(Path repo) throws Exception {
    git(repo, "init", "-q");
    git(repo, "config", "user.name", "Test");
    git(repo, "config", "user.email", "test@example.com");
  }

  private CliRun run(Path cwd, String... command) throws Exception {
    return CliRun.command(cwd, env, List.of(command));
  }

  private String git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    CliRun run = CliRun.command(repo, env, command);
    assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isZero();
    return run.out();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }
}
