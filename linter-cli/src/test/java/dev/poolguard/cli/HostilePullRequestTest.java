package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile pull request against the CLI as a real process (docs/SECURITY.md): every evaluation
 * ends within its documented limit with a finding, nothing is read outside the repository or inside
 * {@code .git}, and {@code -o} never replaces what it must not. The 60 s of {@link CliRun} is a
 * hang guard, not a timing assertion; a small heap shows that no limit leans on memory.
 */
class HostilePullRequestTest {

  private static final String TOKEN = "ghp_" + "S3cr3tT0kenFromTheCiCheckout";

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private CliRun run(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx160m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return CliRun.command(cwd, Map.of(), command);
  }

  private void service() throws IOException {
    write(
        "orders/src/main/resources/application.yml",
        "spring:\n  application:\n    name: orders\n  datasource:\n"
            + "    url: jdbc:postgresql://db/orders\n    hikari:\n      maximum-pool-size: 10\n");
  }

  private static void noInternalError(CliRun run) {
    assertThat(run.out() + run.err())
        .doesNotContain("internal error", "Exception in thread", "\tat ");
  }

  @Test
  void aCelRuleWithNestedComprehensionsStopsWithAFinding() throws Exception {
    service();
    String list = "[" + String.join(",", java.util.Collections.nCopies(60, "1")) + "]";
    write(
        "poolguard.yaml",
        "version: 1\ncustomRules:\n  - id: nested-loops\n    severity: error\n"
            + "    message: never\n    condition: '"
            + list
            + ".all(a, "
            + list
            + ".all(b, "
            + list
            + ".all(c, "
            + list
            + ".all(d, pool.maximumPoolSize > 0))))'\n");
    CliRun run = run(dir, "lint");
    noInternalError(run);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "poolguard.yaml:",
            "customRules: nested-loops: the condition was stopped for service orders",
            "[nested-loops]");
    // Which limit stops it first depends on the machine: the step count, or the clock.
    assertThat(run.out()).containsAnyOf("took more than 10000 comprehension steps", "took longer");
  }

  @Test
  void backtrackingBaitGlobsInExcludeAndWaiversEnd() throws Exception {
    service();
    String name = "a".repeat(200) + ".yml";
    write("bait/" + name, "spring.datasource.hikari.maximum-pool-size: 0\n");
    String bait = "**a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    write(
        "poolguard.yaml",
        "version: 1\nexclude:\n  - '"
            + bait
            + "'\nwaivers:\n  - rule: invalid-pool-value\n    path: '"
            + bait
            + "'\n    reason: bait\n    expires: 2999-01-01\n");
    CliRun run = run(dir, "lint", "-f", "json");
    noInternalError(run);
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
  }

  @Test
  void aHugeVarFanOutEndsWithAFinding() throws Exception {
    service();
    StringBuilder env = new StringBuilder();
    env.append("            - name: E0\n              value: \"").append("x".repeat(1024));
    env.append("\"\n");
    for (int i = 1; i <= 10; i++) {
      env.append("            - name: E")
          .append(i)
          .append("\n              value: \"$(E")
          .append(i - 1)
          .append(")$(E")
          .append(i - 1)
          .append(")\"\n");
    }
    for (int i = 0; i < 2000; i++) {
      env.append("            - name: F").append(i).append("\n              value: \"$(E10)\"\n");
    }
    env.append("            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n")
        .append("              value: \"$(F1999)\"\n");
    write(
        "deploy/orders.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n"
            + "    spec:\n      containers:\n        - name: orders\n          image: orders:1\n"
            + "          env:\n"
            + env);
    CliRun run = run(dir, "lint", "-v");
    noInternalError(run);
    assertThat(run.exitCode()).as(run.err()).isZero(); // a warning
    assertThat(run.out())
        .contains(
            "maximum-pool-size is $(F1999), and nothing provides (the container's $(VAR)"
                + " expansions pass 4194304 characters)",
            "[unresolved-placeholder]");
    assertThat(run.err()).contains("$(VAR) expansion of F", "stopped");
  }

  @Test
  void aPoolguardYamlPointingOutsideTheRepositoryIsRefused() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path outside = write("outside/application.yml", "spring.datasource.password: " + TOKEN + "\n");
    write(
        "repo/poolguard.yaml",
        "version: 1\nservices:\n  orders:\n    config:\n      - ../outside/application.yml\n");
    CliRun run = run(repo, "lint");
    noInternalError(run);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("poolguard: error: poolguard.yaml:4:5: services.orders.config:")
        .contains("is outside the repository", "--allow-outside-paths");
    write(
        "repo/poolguard.yaml",
        "version: 1\ndatabases:\n  main:\n    config: " + outside.getParent() + "/pg.conf\n");
    CliRun absolute = run(repo, "lint");
    assertThat(absolute.exitCode()).isEqualTo(2);
    assertThat(absolute.err()).contains("databases.main.config:", "is outside the repository");
    // The flag lets the user allow it on purpose.
    write(
        "repo/poolguard.yaml",
        "version: 1\nservices:\n  orders:\n    config:\n      - ../outside/application.yml\n");
    CliRun allowed = run(repo, "lint", "--allow-outside-paths");
    noInternalError(allowed);
    assertThat(allowed.exitCode()).as(allowed.err()).isIn(0, 1);
    assertThat(allowed.out() + allowed.err()).doesNotContain(TOKEN);
  }

  @Test
  void aSymlinkIntoGitIsNotReadAndItsCredentialsNeverPrinted() throws Exception {
    // The reported chain: a link to the CI checkout's .git/config, printed through a placeholder.
    write(
        ".git/config",
        "[remote \"origin\"]\n\turl = https://ci:" + TOKEN + "@github.com/o/r.git\n");
    write(
        "orders/src/main/resources/application.yml",
        "spring:\n  application:\n    name: orders\n  datasource:\n"
            + "    url: jdbc:postgresql://db/orders\n    hikari:\n      pool-name: ${url}\n"
            + "      maximum-pool-size: 10\n");
    Path link = dir.resolve("orders/src/main/resources/application.properties");
    Files.createSymbolicLink(link, Path.of("../../../../.git/config"));
    for (String format : List.of("text", "json", "sarif")) {
      CliRun run = run(dir, "lint", "-f", format);
      noInternalError(run);
      assertThat(run.out() + run.err()).as(format).doesNotContain(TOKEN);
      assertThat(run.out()).as(format).contains("leads into a .git folder");
      assertThat(run.exitCode()).as(format).isEqualTo(1);
    }
    CliRun model = run(dir, "model");
    assertThat(model.out() + model.err()).doesNotContain(TOKEN);
    // poolguard.yaml cannot name it either.
    write("poolguard.yaml", "version: 1\nservices:\n  orders:\n    config:\n      - .git/config\n");
    CliRun named = run(dir, "lint");
    assertThat(named.exitCode()).isEqualTo(2);
    assertThat(named.err()).contains("services.orders.config:", "leads into a .git folder");
    assertThat(named.out() + named.err()).doesNotContain(TOKEN);
  }

  @Test
  void outputAtAFifoIsRefusedAndNothingChanges() throws Exception {
    service();
    Path fifo = dir.resolve("report.txt");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (mk.waitFor() != 0) {
      Assumptions.assumeFalse("true".equals(System.getenv("CI")), "mkfifo is missing on CI");
      Assumptions.abort("mkfifo is not available");
    }
    CliRun run = run(dir, "lint", "-o", "report.txt");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "poolguard: error: cannot write "
                + fifo
                + ": it is not a regular file (a FIFO, socket or device); poolguard writes"
                + " reports only to regular files and never replaces anything else");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).doesNotContain("report.txt.tmp");
    }
  }

  @Test
  void outputAtAnInputFileIsRefusedAndNothingChanges() throws Exception {
    service();
    Path input = dir.resolve("orders/src/main/resources/application.yml");
    byte[] before = Files.readAllBytes(input);
    Files.setLastModifiedTime(input, FileTime.fromMillis(1_000_000_000_000L));
    for (String target : List.of(input.toString(), "poolguard-link.yml")) {
      if (target.equals("poolguard-link.yml")) {
        Files.createSymbolicLink(dir.resolve(target), input);
      }
      CliRun run = run(dir, "lint", "-f", "json", "-o", target);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("it is one of the files this run read");
      assertThat(Files.readAllBytes(input)).isEqualTo(before);
      assertThat(Files.getLastModifiedTime(input).toMillis()).isEqualTo(1_000_000_000_000L);
    }
    // Several formats into a folder: one refused target means none is written.
    write("poolguard.yaml", "version: 1\n");
    CliRun several =
        run(dir, "lint", "-f", "text,json", "-o", "orders/src/main/resources/application.yml");
    assertThat(several.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void aParentPoolguardYamlOfAnotherUserIsIgnoredOutsideARepository() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "needs root to give a file away");
    Path planted = write("shared/poolguard.yaml", "version: 99\n");
    write(
        "shared/mine/application.yml",
        "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n");
    var users = planted.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(planted, users.lookupPrincipalByName("nobody"));
    for (Path d = dir; d != null; d = d.getParent()) {
      Assumptions.assumeFalse(
          Files.exists(d.resolve(".git")), "the temp folder is in a repository");
    }
    CliRun run = run(dir.resolve("shared/mine"), "lint", "-v");
    noInternalError(run);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("ignored " + planted + ": it is in a parent folder and owned by another user");
    // Its owner's own poolguard.yaml is used as before.
    Files.setOwner(planted, users.lookupPrincipalByName("root"));
    assertThat(run(dir.resolve("shared/mine"), "lint").exitCode()).isEqualTo(2);
  }

  @Test
  void aGitBaselineInterruptedBySigtermLeavesNoTemporaryFiles() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    if (!git(repo, "init", "-q")) {
      Assumptions.assumeFalse("true".equals(System.getenv("CI")), "git is missing on CI");
      Assumptions.abort("git is not available");
    }
    for (int i = 0; i < 3000; i++) {
      Path f = repo.resolve("deploy/d" + (i % 50) + "/app-" + i + ".yaml");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n");
    }
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "many");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "lint",
            "--baseline",
            "HEAD");
    Process process =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean seen = false;
    for (int i = 0; i < 600 && process.isAlive() && !seen; i++) {
      try (var listing = Files.list(tmp)) {
        seen = listing.anyMatch(p -> p.getFileName().toString().startsWith("poolguard-baseline"));
      }
      if (!seen) {
        Thread.sleep(50);
      }
    }
    process.destroy(); // SIGTERM
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Assumptions.assumeTrue(seen, "the run ended before its baseline folder could be seen");
    try (var listing = Files.list(tmp)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("poolguard-baseline"));
    }
  }

  private static boolean git(Path repo, String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(repo.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
