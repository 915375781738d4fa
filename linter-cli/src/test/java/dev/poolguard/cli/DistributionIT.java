package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as users get it: the distribution zip unpacked, its {@code bin/poolguard}
 * run as a real process (launcher, JVM options, class-data-sharing archive), and a real git
 * pre-commit hook installed by it.
 */
class DistributionIT {

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir static Path installed;
  static Path launcher;

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
      Path top = tops.findFirst().orElseThrow();
      launcher = top.resolve("bin/poolguard");
    }
    // java.util.zip does not restore modes; unzip does (the zip records 0755 for the launcher).
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
  }

  @AfterAll
  static void awaitBackgroundArchive() throws InterruptedException, IOException {
    awaitNoLock(installed.resolve("cache/poolguard"));
  }

  /** The launcher makes archives in the background: let it finish before folders are removed. */
  static void awaitNoLock(Path cache) throws InterruptedException, IOException {
    for (int i = 0; i < 1200 && Files.isDirectory(cache); i++) {
      try (Stream<Path> files = Files.list(cache)) {
        if (files.noneMatch(p -> p.toString().endsWith(".lock"))) {
          return;
        }
      }
      Thread.sleep(100);
    }
  }

  @BeforeEach
  void environment() throws IOException {
    Tools.require("bash", "bash", "--version");
    env = new HashMap<>();
    // One archive cache for the class: each new cache starts a background archive run.
    env.put("XDG_CACHE_HOME", installed.resolve("cache").toString());
    env.put("NO_COLOR", "1");
    // Git must not read the machine's own configuration (a global core.hooksPath, signing).
    Path gitconfig = Files.writeString(dir.resolve("gitconfig"), "");
    env.put("GIT_CONFIG_GLOBAL", gitconfig.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
  }

  private CliRun poolguard(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return CliRun.command(cwd, env, command);
  }

  private CliRun run(Path cwd, String... command) throws Exception {
    return CliRun.command(cwd, env, List.of(command));
  }

  @Test
  void layoutHoldsLauncherJarCompletionAndManPage() {
    Path top = launcher.getParent().getParent();
    assertThat(top.getFileName().toString()).startsWith("poolguard-");
    assertThat(top.resolve("lib/poolguard.jar")).isRegularFile();
    assertThat(top.resolve("completion/poolguard.bash"))
        .content()
        .contains("install-hook", "--fail-on");
    assertThat(top.resolve("man/man1/poolguard.1")).content().contains(".TH POOLGUARD 1");
  }

  /**
   * picocli's classes in the jar are compiled for Java 17 from its source, so the launcher's
   * archive or AOT cache can hold them; the published Java 5 class files (version 49) cannot be.
   */
  @Test
  void picocliClassesAreJava17ClassFilesTheArchiveCanHold() throws IOException {
    Path jar = launcher.getParent().getParent().resolve("lib/poolguard.jar");
    Map<String, Integer> versions = new HashMap<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
          try (InputStream in = zip.getInputStream(e)) {
            byte[] head = in.readNBytes(8);
            versions.put(e.getName(), ((head[6] & 0xff) << 8) | (head[7] & 0xff));
          }
        }
      }
    }
    assertThat(versions).containsKey("picocli/CommandLine.class").hasSizeGreaterThan(100);
    assertThat(versions.values()).containsOnly(61);
  }

  /** Every docs/ and examples/ link of the bundled README resolves inside the install. */
  @Test
  void readmeLinksResolveAndTheQuickStartRunsFromTheInstall() throws Exception {
    Path top = launcher.getParent().getParent();
    String readme = Files.readString(top.resolve("README.md"));
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("\\]\\(((?:docs|examples)/[^)#]*)").matcher(readme);
    int checked = 0;
    while (links.find()) {
      assertThat(top.resolve(links.group(1))).as(links.group(1)).exists();
      checked++;
    }
    assertThat(checked).isGreaterThan(10);

    CliRun quickStart = poolguard(top, "lint", "examples/incident");
    assertThat(quickStart.exitCode()).as(quickStart.err()).isEqualTo(1);
    assertThat(quickStart.out())
        .contains("error: pool max 10 (was 40)", "[pool-below-peak-demand]")
        .endsWith("1 error, 2 warnings, 0 notes in 3 files\n");
  }

  @Test
  void versionComesFromTheManifest() throws Exception {
    CliRun run = poolguard(dir, "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("poolguard " + System.getProperty("poolguard.version"));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitCodesAndStreams() throws Exception {
    Path root = EXAMPLES.getParent();
    CliRun findings = poolguard(root, "lint", "examples/incident");
    assertThat(findings.exitCode()).isEqualTo(1);
    assertThat(findings.out()).contains("[pool-below-peak-demand]").doesNotContain("\u001b[");
    assertThat(findings.err()).isEmpty();

    CliRun clean = poolguard(root, "lint", "--fail-on", "never", "examples/incident");
    assertThat(clean.exitCode()).isZero();

    CliRun missing = poolguard(dir, "lint", "no/such/folder");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).hasLineCount(1).startsWith("poolguard: error: ");

    CliRun usage = poolguard(dir, "lint", "--fial-on", "warning");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.out()).isEmpty();
    assertThat(usage.err()).hasLineCount(1).contains("did you mean '--fail-on'");

    CliRun help = poolguard(dir, "lint", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Exit codes:", "Examples:");
    assertThat(help.err()).isEmpty();
  }

  @Test
  void closedPipeEndsQuietly() throws Exception {
    CliRun run =
        run(
            EXAMPLES.getParent(),
            "bash",
            "-c",
            "set -o pipefail; '" + launcher + "' model examples/incident | head -1");
    assertThat(run.out()).hasLineCount(1).startsWith("service orders-api");
    assertThat(run.err()).isEmpty();
  }

  /**
   * Whatever state the class-data-sharing archive is in — being made, ready, made for another jar,
   * garbage, truncated — stdout holds nothing but the SARIF report and stderr stays empty.
   */
  @Test
  void archiveInAnyStateNeverCorruptsSarif() throws Exception {
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    Path root = EXAMPLES.getParent();
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));
    Path archive = awaitArchive(".jsa");
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));

    // An archive of another jar under this jar's name: the JVM rejects it with a warning.
    Path otherJar =
        Files.copy(launcher.resolveSibling("../lib/poolguard.jar"), dir.resolve("o.jar"));
    Path other = dir.resolve("other.jsa");
    CliRun made =
        run(
            dir,
            javaBin(),
            "-XX:ArchiveClassesAtExit=" + other,
            "-Xlog:disable",
            "-jar",
            otherJar.toString(),
            "--version");
    assertThat(made.exitCode()).isZero();
    replaceArchive(archive, Files.readAllBytes(other), true);
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));

    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(8).nextBytes(garbage);
    replaceArchive(archive, garbage, true);
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));

    // Truncated, as a crash while writing would leave it: the launcher must not use it.
    replaceArchive(archive, java.util.Arrays.copyOf(Files.readAllBytes(other), 100_000), false);
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));
    awaitNoLock(dir.resolve("cache/poolguard"));
  }

  /**
   * On JDK 25 and newer the launcher makes an AOT cache instead of an AppCDS archive; in any state
   * it leaves the report alone, as the archive does.
   */
  @Test
  void aotCacheOnJdk25InAnyStateNeverCorruptsSarif() throws Exception {
    Path jdk = jdk25OrNewer();
    env.put("JAVA_HOME", jdk.toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    Path root = EXAMPLES.getParent();
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));
    Path cache = awaitArchive(".aot");
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));

    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(25).nextBytes(garbage);
    replaceArchive(cache, garbage, true);
    assertSarif(poolguard(root, "lint", "-f", "sarif", "examples/incident"));
    awaitNoLock(dir.resolve("cache/poolguard"));
  }

  /** A JDK of release 25 or newer: {@code POOLGUARD_TEST_JDK25}, else one under /usr/lib/jvm. */
  private static Path jdk25OrNewer() throws IOException {
    String named = System.getenv("POOLGUARD_TEST_JDK25");
    List<Path> candidates = new ArrayList<>();
    if (named != null) {
      candidates.add(Path.of(named));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        homes.sorted().forEach(candidates::add);
      }
    }
    for (Path home : candidates) {
      Path release = home.resolve("release");
      if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
        java.util.regex.Matcher version =
            java.util.regex.Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
                .matcher(Files.readString(release));
        if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
          return home;
        }
      }
    }
    Tools.require("a JDK 25 or newer (POOLGUARD_TEST_JDK25 or /usr/lib/jvm)", "false");
    throw new AssertionError("unreachable");
  }

  private Path awaitArchive(String suffix) throws InterruptedException, IOException {
    Path cache = dir.resolve("cache/poolguard");
    for (int i = 0; i < 1200; i++) {
      if (Files.isDirectory(cache)) {
        try (Stream<Path> files = Files.list(cache)) {
          List<Path> sizes = files.filter(p -> p.toString().endsWith(suffix + ".size")).toList();
          if (!sizes.isEmpty()) {
            String size = sizes.get(0).toString();
            return Path.of(size.substring(0, size.length() - ".size".length()));
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive in " + cache + " after 120 s");
  }

  private static void replaceArchive(Path archive, byte[] bytes, boolean recordSize)
      throws IOException {
    archive.toFile().setWritable(true);
    Files.write(archive, bytes);
    if (recordSize) {
      Files.writeString(Path.of(archive + ".size"), bytes.length + "\n");
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void assertSarif(CliRun run) throws IOException {
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("{");
    try (JsonParser parser = new JsonFactory().createParser(run.out())) {
      int tokens = 0;
      while (parser.nextToken() != null) {
        tokens++;
      }
      assertThat(tokens).isGreaterThan(10);
    }
    assertThat(run.out()).contains("\"ruleId\": \"pool-below-peak-demand\"");
  }

  /**
   * The pre-commit hook in a real repository: a commit that shrinks the pool below peak demand is
   * refused with the finding printed; a harmless one goes through.
   */
  @Test
  void preCommitHookRefusesACommitThatShrinksThePoolBelowDemand() throws Exception {
    Tools.require("git", "git", "--version");
    Path repo = dir.resolve("repo");
    copy(EXAMPLES.resolve("incident"), repo);
    Path prod = repo.resolve("orders-api/src/main/resources/application-prod.yml");
    String shrunk = Files.readString(prod);
    assertThat(shrunk).contains("maximum-pool-size: 10");
    Files.writeString(prod, shrunk.replace("maximum-pool-size: 10", "maximum-pool-size: 40"));
    git(repo, "init", "-q");
    git(repo, "config", "user.name", "Test");
    git(repo, "config", "user.email", "test@example.com");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "healthy pool of 40");

    CliRun install = poolguard(repo, "install-hook");
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains(".git/hooks/pre-commit");
    Path hook = repo.resolve(".git/hooks/pre-commit");
    assertThat(Files.isExecutable(hook)).isTrue();
    assertThat(hook).content().contains(launcher.toString(), "lint --staged");

    Files.writeString(prod, shrunk);
    git(repo, "add", prod.toString());
    CliRun refused = run(repo, "git", "commit", "-m", "shrink the pool to 10");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("application-prod.yml:7:26: error: pool max 10")
        .contains("[pool-below-peak-demand]");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");

    git(repo, "reset", "-q", "--hard");
    Path app = repo.resolve("orders-api/src/main/resources/application.yml");
    Files.writeString(app, Files.readString(app) + "# reviewed\n");
    git(repo, "add", "-A");
    CliRun accepted = run(repo, "git", "commit", "-m", "a comment");
    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");

    // commit -a stages into a temporary index (GIT_INDEX_FILE): the hook must lint that one.
    Files.writeString(prod, shrunk);
    CliRun all = run(repo, "git", "commit", "-a", "-m", "shrink the pool to 10 again");
    assertThat(all.exitCode()).isNotZero();
    assertThat(all.out() + all.err()).contains("[pool-below-peak-demand]");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
  }

  /**
   * The incident's change in a repository without poolguard.yaml: the hook judges the commit
   * against HEAD, refuses the cut from 40 to 10 and lets a cut to 36 through with a warning.
   */
  @Test
  void hookWithoutPoolguardYamlRefusesTheIncidentsShrink() throws Exception {
    Tools.require("git", "git", "--version");
    Path repo = dir.resolve("plain");
    Path app = repo.resolve("orders/src/main/resources/application.yml");
    Files.createDirectories(app.getParent());
    String pool40 =
        "spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/orders\n    hikari:\n"
            + "      maximum-pool-size: 40\n";
    Files.writeString(app, pool40);
    git(repo, "init", "-q");
    git(repo, "config", "user.name", "Test");
    git(repo, "config", "user.email", "test@example.com");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "pool of 40");
    assertThat(poolguard(repo, "install-hook").exitCode()).isZero();
    assertThat(repo.resolve("poolguard.yaml")).doesNotExist();

    Files.writeString(app, pool40.replace(": 40", ": 10"));
    git(repo, "add", "-A");
    CliRun refused = run(repo, "git", "commit", "-m", "shrink the pool to 10");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("error: spring.datasource.hikari.maximum-pool-size lowered to 10 (was 40 at")
        .contains("[pool-max-reduced]");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");

    Files.writeString(app, pool40.replace(": 40", ": 36"));
    git(repo, "add", "-A");
    CliRun accepted = run(repo, "git", "commit", "-m", "trim the pool to 36");
    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    assertThat(accepted.out() + accepted.err())
        .contains("warning: spring.datasource.hikari.maximum-pool-size lowered to 36 (was 40 at")
        .contains("[pool-max-reduced]");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
  }

  @Test
  void installHookKeepsAForeignHookUnlessForced() throws Exception {
    Tools.require("git", "git", "--version");
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, "#!/bin/sh\nexec make check\n");

    CliRun refused = poolguard(repo, "install-hook");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).hasLineCount(1).contains("--force");
    assertThat(hook).content().contains("make check");

    assertThat(poolguard(repo, "install-hook", "--force").exitCode()).isZero();
    assertThat(poolguard(repo, "install-hook").exitCode()).isZero();
    assertThat(hook).content().contains("lint --staged").doesNotContain("make check");
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
