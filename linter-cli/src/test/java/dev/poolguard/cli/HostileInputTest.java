package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: the CLI as a real process over inputs written to hurt it. Each case must
 * end (the 60 s timeout is a hang guard, not a timing assertion) with its documented exit code and
 * a message naming the file, and nothing a user should never see: no stack trace, no {@code
 * Exception in thread}; every line on stderr is poolguard's own. An Error such as {@code
 * OutOfMemoryError} is caught too and ends as one line with exit code 2.
 */
class HostileInputTest {

  private static final int NOBODY = 65534;

  @TempDir Path dir;

  /** What the next process reads on standard input, if anything. */
  private Path stdin;

  /** The outcome of one process. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @BeforeEach
  void reachableByEveryone() throws IOException {
    // The unprivileged cases run the CLI as another user, who must reach the tree.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  private Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private Run lint(String... args) throws IOException, InterruptedException {
    return run(List.of(), System.getProperty("java.class.path"), args);
  }

  private Run run(List<String> prefix, String classPath, String... args)
      throws IOException, InterruptedException {
    return run(prefix, List.of(), classPath, args);
  }

  private Run run(List<String> prefix, List<String> jvmOptions, String classPath, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.add("lint");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("LANG", "C.UTF-8");
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Path out = Files.createTempFile("poolguard-out", ".txt");
    Path err = Files.createTempFile("poolguard-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("poolguard did not finish within 60 s: " + String.join(" ", args));
      }
      Run run =
          new Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      assertThat(run.all()).as("no JVM stack trace").doesNotContain("Exception in thread", "\tat ");
      assertThat(run.err().lines())
          .as("stderr speaks as poolguard")
          .allMatch(l -> l.startsWith("poolguard: "));
      return run;
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Test
  void aliasBombIsAFindingNamingTheLimit() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      String previous = "*" + (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
    }
    write("application.yml", bomb.toString());
    Run run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("application.yml:", "more than 100 aliases in one document (limits.maxAliases)")
        .contains("[config-unparseable]");
  }

  @Test
  void hundredThousandLevelsOfNestingIsAFinding() throws Exception {
    write("application.yml", "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    write("config/application.yml", "{a: ".repeat(100_000) + "\n");
    Run run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("application.yml:1:", "config/application.yml:1:")
        .contains("nesting deeper than 200 levels (limits.maxYamlDepth)");
  }

  @Test
  void fiftyMebibyteFileIsAFindingAndNeverRead() throws Exception {
    Path big = dir.resolve("application.yml");
    byte[] line = ("a: " + "x".repeat(1020) + "\n").getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(big, StandardOpenOption.CREATE_NEW)) {
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(line);
      }
    }
    Run run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "application.yml:1:1: error:",
            "file is 52428800 bytes, over the limit of 10485760 bytes (limits.maxFileBytes)");
    // A flag overrides the limit: a small one makes a small file too large.
    write("application.yml", "spring.datasource.hikari.maximum-pool-size: 10\n");
    Run flagged = lint("--max-file-bytes", "16");
    assertThat(flagged.out()).contains("over the limit of 16 bytes (limits.maxFileBytes)");
  }

  @Test
  void anErrorSuchAsOutOfMemoryIsOneLineAndExitTwo() throws Exception {
    // Limits raised far beyond the heap: the Error still ends as one line, not a JVM stack trace.
    write("application.yml", "a: " + "x".repeat(8 << 20) + "\n");
    Run run =
        run(
            List.of(),
            List.of("-Xmx24m", "-XX:TieredStopAtLevel=1"),
            System.getProperty("java.class.path"),
            "--max-file-bytes",
            "100000000");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .isEqualTo(
            "poolguard: internal error: java.lang.OutOfMemoryError: Java heap space (run with"
                + " --debug for details)");
  }

  @Test
  void standardInputIsBoundedToo() throws Exception {
    stdin = write("manifests.yaml", "a: " + "x".repeat(1000) + "\n");
    Run run = lint("--max-file-bytes", "100", "-");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "poolguard: error: standard input is over the limit of 100 bytes (limits.maxFileBytes)");
  }

  @Test
  void randomBytesNamedApplicationYmlAreAFinding() throws Exception {
    byte[] noise = new byte[256 * 1024];
    new Random(10).nextBytes(noise);
    write("application.yml", noise);
    byte[] highBytes = new byte[4096];
    new Random(11).nextBytes(highBytes);
    for (int i = 0; i < highBytes.length; i++) {
      highBytes[i] = (byte) (highBytes[i] | 0x80); // no NUL: not UTF-8 either
    }
    write("config/application.yml", highBytes);
    Run run = lint();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "(?m)^application\\.yml:\\d+:\\d+: error: .*binary file .*config-unparseable")
        .containsPattern(
            "(?m)^config/application\\.yml:1:1: error: .*not valid UTF-8: byte 0x[0-9A-F]{2} at line"
                + " 1, column 1.*config-unparseable");
  }

  @Test
  void invalidUtf8InAPropertiesFileIsReadAsSpringReadsIt() throws Exception {
    write(
        "application.properties",
        "spring.datasource.hikari.pool-name=caf\u00e9\nspring.datasource.hikari.keepalive-time=10000\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Run run = lint("-v");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("application.properties:2:", "[keepalive-ineffective]");
    assertThat(run.err())
        .contains(
            "poolguard: application.properties:1:39: not valid UTF-8: byte 0xE9 at line 1, column"
                + " 39; read as ISO-8859-1, as Spring Boot reads .properties");
  }

  @Test
  void symlinkLoopsEndWithANoteOrOneLine() throws Exception {
    write("application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    Files.createSymbolicLink(dir.resolve("application-loop.yml"), Path.of("application-loop.yml"));
    Files.createDirectories(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("sub/up"), Path.of("..")); // a folder cycle
    Files.createSymbolicLink(dir.resolve("a.yml"), Path.of("b.yml"));
    Files.createSymbolicLink(dir.resolve("b.yml"), Path.of("a.yml"));
    Run run = lint("-v", "--fail-on", "warning");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("application.yml:1:")
        .containsOnlyOnce("[keepalive-ineffective]");
    assertThat(run.err())
        .contains(
            "skipped application-loop.yml: broken or looping symlink",
            "skipped a.yml: broken or looping symlink");
    Run root = lint("application-loop.yml");
    assertThat(root.exitCode()).isEqualTo(2);
    assertThat(root.err()).startsWith("poolguard: error: cannot read application-loop.yml");
    assertThat(root.err().strip()).doesNotContain("\n");
  }

  @Test
  void symlinksNeverLeadOutOfTheLintedPaths() throws Exception {
    Path outside = Files.createTempDirectory("poolguard-outside");
    try {
      Files.writeString(
          outside.resolve("application.yml"), "spring.datasource.hikari.keepalive-time: 10000\n");
      Files.createDirectories(dir.resolve("svc"));
      Files.createSymbolicLink(
          dir.resolve("svc/application.yml"), outside.resolve("application.yml"));
      Files.createSymbolicLink(dir.resolve("svc/config"), outside);
      Run run = lint("-v", "--fail-on", "warning", "svc");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).doesNotContain("keepalive");
      assertThat(run.err())
          .contains("skipped svc/application.yml: symlink leads outside the linted paths");
    } finally {
      deleteTree(outside);
    }
  }

  @Test
  void fifosAreNeverOpened() throws Exception {
    if (!mkfifo(dir.resolve("application.yml"))) {
      if (SharedResources.isCi()) {
        throw new AssertionError("mkfifo is not available");
      }
      Assumptions.abort("mkfifo is not available");
    }
    write("config/application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    Run run = lint("-v");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("config/application.yml:1:");
    assertThat(run.err()).contains("poolguard: skipped application.yml: not a regular file");
    Run named = lint("-v", "application.yml");
    assertThat(named.exitCode()).isZero();
    assertThat(named.err()).contains("skipped application.yml: not a regular file");
    // A FIFO named poolguard.yaml is not a configuration file either: never opened, never waited
    // on.
    mkfifo(dir.resolve("poolguard.yaml"));
    assertThat(lint().exitCode()).isZero();
  }

  @Test
  void devicesAreNeverOpened() throws Exception {
    Path device = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.exists(device), "/dev/zero is not available");
    Files.createSymbolicLink(dir.resolve("application.yml"), device);
    Run run = lint("-v", "application.yml", "/dev/zero");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains("skipped application.yml", "skipped /dev/zero: not a regular file");
  }

  @Test
  void unreadableFoldersAndFilesAreNamed() throws Exception {
    write("application.yml", "spring.datasource.hikari.keepalive-time: 10000\n");
    Path secretFolder = write("secret/application.yml", "a: 1\n").getParent();
    Path secretFile = write("config/application-prod.yml", "a: 1\n");
    Files.setPosixFilePermissions(
        dir.resolve("config"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(secretFolder, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("---------"));
    try {
      Run run = asUserWithoutAccess("-v", "--fail-on", "warning");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("application.yml:1:", "[keepalive-ineffective]")
          .contains(
              "config/application-prod.yml:1:1: error: config/application-prod.yml cannot be"
                  + " parsed: cannot be read: permission denied [config-unparseable]");
      assertThat(run.err()).contains("poolguard: skipped secret: permission denied");
      Run root = asUserWithoutAccess("secret");
      assertThat(root.exitCode()).isEqualTo(2);
      assertThat(root.err().strip())
          .isEqualTo("poolguard: error: cannot read secret: permission denied");
    } finally {
      Files.setPosixFilePermissions(secretFolder, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void tooManyFilesIsExitTwoNamingTheFolderAndTheLimit() throws Exception {
    for (int i = 0; i < 5; i++) {
      write("svc" + i + "/application.yml", "a: 1\n");
    }
    write("poolguard.yaml", "version: 1\nlimits: {maxFiles: 3}\n");
    Run run = lint(".");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "poolguard: error: more than 3 config files to read in . (limits.maxFiles); narrow the"
                + " paths, add exclude: globs or raise --max-files");
    // The flag beats limits: in poolguard.yaml.
    assertThat(lint("--max-files", "10", ".").exitCode()).isZero();
  }

  @Test
  void filesAddingUpToMoreThanTheByteLimitAreExitTwoBeforeAnythingIsRead() throws Exception {
    // Each file is within maxFileBytes; together they would fill memory.
    for (int i = 0; i < 5; i++) {
      write("svc" + i + "/application.yml", "a: " + "x".repeat(100) + "\n");
    }
    write("poolguard.yaml", "version: 1\nlimits: {maxTotalBytes: 300}\n");
    Run run = lint(".");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "poolguard: error: config files to read in . add up to more than 300 bytes"
                + " (limits.maxTotalBytes); nothing was read. Narrow the paths, add exclude:"
                + " globs or raise --max-total-bytes");
    assertThat(run.out()).isEmpty();
    // The flag beats limits: in poolguard.yaml.
    assertThat(lint("--max-total-bytes", "100000", ".").exitCode()).isZero();
  }

  @Test
  void pathsWithSpacesAndNonAsciiCharacters() throws Exception {
    write(
        "my configs/sérvice ünïcode/application.yml",
        "spring.datasource.hikari.keepalive-time: 10000\n");
    Run run = lint("--fail-on", "warning", "my configs");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("my configs/sérvice ünïcode/application.yml:1:42: warning:");
    // Under the C locale Java cannot encode such names: still a finding, never a crash.
    Run posix =
        run(
            List.of("env", "LC_ALL=C"),
            System.getProperty("java.class.path"),
            "--fail-on",
            "warning",
            "my configs");
    assertThat(posix.exitCode()).isEqualTo(1);
    assertThat(posix.out()).contains("/application.yml:1:42: warning:");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Runs the CLI so that file permissions apply: directly when they already do (not root), else as
   * an unprivileged user through setpriv or runuser, with a copy of the class path that user can
   * read. Without any of these the test is skipped, except under CI.
   */
  private Run asUserWithoutAccess(String... args) throws Exception {
    if (!Files.isReadable(dir.resolve("config/application-prod.yml"))) {
      return lint(args);
    }
    List<String> prefix;
    if (onPath("setpriv")) {
      prefix = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    } else if (onPath("runuser")) {
      prefix = List.of("runuser", "-u", "nobody", "--");
    } else {
      String why = "permissions do not apply to this user and neither setpriv nor runuser exists";
      if (SharedResources.isCi()) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
      return null;
    }
    return run(prefix, readableClassPath(), args);
  }

  private static String sharedClassPath;

  /** The test class path copied where any user can read it (the local repository may not be). */
  private static synchronized String readableClassPath() throws IOException {
    if (sharedClassPath != null) {
      return sharedClassPath;
    }
    Path copy = Files.createTempDirectory("poolguard-classpath");
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = copy.resolve((n++) + "-" + source.getFileName());
      Trees.copy(source, target);
      entries.add(target.toString());
    }
    try (Stream<Path> all = Files.walk(copy)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copy)));
    sharedClassPath = String.join(java.io.File.pathSeparator, entries);
    return sharedClassPath;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mkfifo(Path file) throws IOException, InterruptedException {
    if (!onPath("mkfifo")) {
      return false;
    }
    Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
