package dev.poolguard.core.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real PostgreSQL is the judge of how a {@code postgresql.conf} tree is read: {@code postgres
 * -D dir -C name} loads the configuration files exactly as the server does at start (includes,
 * {@code postgresql.auto.conf}, its lexer and {@code parse_int}) and prints the value, or stops
 * with FATAL when the files contain errors. poolguard's reading must agree on every case: the same
 * {@code max_connections}, {@code superuser_reserved_connections} and (PostgreSQL 16+) {@code
 * reserved_connections}, or a refusal where PostgreSQL refuses. Skipped when no PostgreSQL server
 * binary is installed, except under {@code CI=true} ({@code .ci/run} installs Debian's postgresql).
 */
class RealPostgresTest {

  private static final List<String> PARAMETERS =
      List.of("max_connections", "superuser_reserved_connections", "reserved_connections");

  private static Path postgres;
  private static boolean hasReservedConnections;

  @BeforeAll
  static void findPostgres(@TempDir Path dir) throws Exception {
    Optional<Path> found = Optional.empty();
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        found =
            versions
                .map(v -> v.resolve("bin/postgres"))
                .filter(Files::isExecutable)
                .max(
                    Comparator.comparing(
                        p ->
                            Integer.parseInt(
                                p.getParent()
                                    .getParent()
                                    .getFileName()
                                    .toString()
                                    .replaceAll("\\D", "0"))));
      }
    }
    if (found.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL is missing: CI=true needs it (.ci/run installs Debian's postgresql)");
      }
      assumeTrue(
          false, "PostgreSQL is not installed: the comparison with the real server is skipped");
    }
    postgres = found.get();
    Files.writeString(dir.resolve("postgresql.conf"), "");
    open(dir);
    hasReservedConnections = show(dir, "reserved_connections").exitCode() == 0;
  }

  record Case(String name, Map<String, String> files) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String... pathsAndTexts) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return new Case(name, files);
  }

  static List<Case> cases() {
    String conf = "postgresql.conf";
    return List.of(
        of("plain", conf, "max_connections = 120\n"),
        of("no equals sign, comment after", conf, "max_connections 90 # ninety\n"),
        of("octal", conf, "max_connections = 0144\n"),
        of("hexadecimal", conf, "max_connections = 0x64\nsuperuser_reserved_connections = 0x5\n"),
        of("real rounds half to even", conf, "max_connections = 100.5\n"),
        of("real rounds up", conf, "max_connections = 101.5\n"),
        of("real with exponent", conf, "max_connections = 1.5e2\n"),
        of("quoted exponent", conf, "max_connections = '1e2'\n"),
        of("unquoted exponent is a syntax error", conf, "max_connections = 1e2\n"),
        of("words after the number", conf, "max_connections = 100 connections\n"),
        of("unit letters on a unitless number", conf, "max_connections = 10x\n"),
        of("zero", conf, "max_connections = 0\n"),
        of("negative", conf, "max_connections = -5\n"),
        of("above MAX_BACKENDS", conf, "max_connections = 262144\n"),
        of("later line wins", conf, "max_connections = 50\nmax_connections = 70\n"),
        of(
            "includes in order, later wins",
            conf,
            "max_connections = 10\ninclude 'a.conf'\ninclude_if_exists 'missing.conf'\n"
                + "include_dir 'conf.d'\nsuperuser_reserved_connections = 4\n",
            "a.conf",
            "max_connections = 20\nsuperuser_reserved_connections = 2\n",
            "conf.d/10-x.conf",
            "max_connections = 30\n",
            "conf.d/20-y.conf",
            "max_connections = 40\n",
            "conf.d/.hidden.conf",
            "max_connections = 99\n",
            "conf.d/ignored.txt",
            "max_connections = 98\n"),
        of(
            "nested include relative to the including file",
            conf,
            "include 'sub/a.conf'\n",
            "sub/a.conf",
            "include 'b.conf'\n",
            "sub/b.conf",
            "max_connections = 55\n"),
        of("missing include", conf, "include 'missing.conf'\nmax_connections = 80\n"),
        of("missing include_dir", conf, "include_dir 'nowhere'\n"),
        of("include cycle", conf, "include 'a.conf'\n", "a.conf", "include 'a.conf'\n"),
        of(
            "auto.conf overrides",
            conf,
            "max_connections = 150\nsuperuser_reserved_connections = 7\n",
            "postgresql.auto.conf",
            "max_connections = '200'\n"),
        of(
            "bad value in auto.conf",
            conf,
            "max_connections = 150\n",
            "postgresql.auto.conf",
            "max_connections = 'lots'\n"),
        of("reserved out of range", conf, "superuser_reserved_connections = -1\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void poolguardReadsWhatPostgresqlReads(Case c, @TempDir Path dir) throws Exception {
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    open(dir);
    Map<String, String> real = new LinkedHashMap<>();
    String refusal = null;
    for (String name : PARAMETERS) {
      if (name.equals("reserved_connections") && !hasReservedConnections) {
        continue;
      }
      Shown shown = show(dir, name);
      if (shown.exitCode() != 0) {
        refusal = shown.output();
        break;
      }
      real.put(name, shown.output().strip());
    }

    Map<String, String> ours = new LinkedHashMap<>();
    String ourRefusal = null;
    try {
      PostgresConf pg =
          PostgresConf.readWithIncludes(
              dir.resolve("postgresql.conf"), dir, p -> dir.relativize(p).toString());
      for (String name : real.keySet().isEmpty() ? PARAMETERS : real.keySet()) {
        Optional<String> why = pg.refusal(name, name.equals("max_connections") ? 1 : 0, 262_143);
        if (why.isPresent()) {
          ourRefusal = why.get();
          break;
        }
        int fallback = name.equals("max_connections") ? 100 : name.startsWith("super") ? 3 : 0;
        ours.put(name, String.valueOf(pg.integer(name).orElse(fallback)));
      }
    } catch (IOException e) {
      ourRefusal = e.getMessage();
    }

    if (refusal != null) {
      assertThat(ourRefusal)
          .as("PostgreSQL refuses to start (%s) but poolguard reads %s", refusal.strip(), ours)
          .isNotNull();
    } else {
      assertThat(ourRefusal).as("PostgreSQL reads %s", real).isNull();
      assertThat(ours).isEqualTo(real);
    }
  }

  private record Shown(int exitCode, String output) {}

  private static Shown show(Path dir, String parameter) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("runuser", "-u", "postgres", "--")); // postgres refuses root
    }
    command.addAll(List.of(postgres.toString(), "-D", dir.toString(), "-C", parameter));
    Path err = Files.createTempFile("postgres-stderr", ".txt");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.to(err.toFile()))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return new Shown(p.exitValue(), p.exitValue() == 0 ? out : Files.readString(err));
    } finally {
      Files.delete(err);
    }
  }

  /** The unprivileged server user must be able to read the tree. */
  private static void open(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
