package dev.poolguard.core.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * postgresql.conf read as PostgreSQL reads it at start: the scanner of guc-file.l, includes
 * relative to the including file (ParseConfigFile), postgresql.auto.conf read last, a later value
 * winning, and only the final value of a parameter validated.
 */
class PostgresConfTest {

  @TempDir Path dir;

  private PostgresConf load(String text) throws IOException {
    Files.writeString(dir.resolve("postgresql.conf"), text);
    return PostgresConf.load(dir.resolve("postgresql.conf"), files(), Optional.empty());
  }

  private PostgresConf.Files files() {
    Path root = dir.toAbsolutePath().normalize();
    return new PostgresConf.Files() {
      @Override
      public Optional<String> refusal(Path file) {
        return file.toAbsolutePath().normalize().startsWith(root)
            ? Optional.empty()
            : Optional.of("not read: it leads outside the repository");
      }

      @Override
      public String display(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_connections = 10 20  | syntax error near token \"20\"",
        "max_connections =        | syntax error near end of line",
        "max_connections = 1e3    | syntax error near token \"3\"", // INTEGER '1e', then '3'
        "max_connections = 0X10   | syntax error near token \"10\"",
        "max_connections = -5e-1  | syntax error near token \"-1\"",
        "max_connections = 7;     | syntax error near token \";\"",
        "= 7                      | syntax error near token \"=\"",
        "max_connections = 0x1.8  | syntax error near token \".8\"",
      })
  void syntaxErrorsAsPostgresReportsThem(String line, String message) throws IOException {
    PostgresConf conf = load("# settings\n" + line + "\n");
    assertThat(conf.problems()).hasSize(1);
    assertThat(conf.problems().get(0).message()).startsWith(message);
    assertThat(conf.problems().get(0).position().line()).isEqualTo(2);
  }

  @Test
  void quotedValuesCommentsAndEscapes() throws IOException {
    PostgresConf conf =
        load(
            "MAX_CONNECTIONS '12\\063' # octal escape\n"
                + "superuser_reserved_connections='1e1'\n"
                + "listen_addresses = 'a''b' # quote\n");
    assertThat(conf.problems()).isEmpty();
    assertThat(conf.integer("max_connections")).hasValue(123);
    assertThat(conf.integer("superuser_reserved_connections")).hasValue(10);
    assertThat(conf.setting("listen_addresses").map(PostgresConf.Setting::value)).hasValue("a'b");
    assertThat(conf.setting("max_connections").get().position())
        .isEqualTo(new SourcePosition("postgresql.conf", 1, 17));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_connections = abc     | invalid value for parameter \"max_connections\": \"abc\"",
        "max_connections = 10x     | invalid value for parameter \"max_connections\": \"10x\"",
        "max_connections = 100MB   | invalid value for parameter \"max_connections\": \"100MB\"",
        "max_connections = 0       | 0 is outside the valid range for parameter \"max_connections\""
            + " (1 .. 262143)",
        "max_connections = 300000  | 300000 is outside the valid range",
        "max_connections = 99999999999 | Value exceeds integer range.",
        "superuser_reserved_connections = -1 | -1 is outside the valid range",
      })
  void invalidValuesAreProblemsAtTheirLine(String line, String message) throws IOException {
    PostgresConf conf = load("\n" + line + "\n");
    assertThat(conf.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains(message);
              assertThat(p.position().line()).isEqualTo(2);
            });
    assertThat(conf.integer(line.substring(0, line.indexOf(' ')))).isEmpty();
  }

  @Test
  void onlyTheFinalValueIsValidatedAsPostgresDoes() throws IOException {
    PostgresConf conf = load("max_connections = abc\nmax_connections = 5\n");
    assertThat(conf.problems()).isEmpty();
    assertThat(conf.integer("max_connections")).hasValue(5);
  }

  @Test
  void autoConfBesideTheFileIsReadLast() throws IOException {
    Files.writeString(dir.resolve("postgresql.auto.conf"), "max_connections = '0x20'\n");
    PostgresConf conf = load("max_connections = 0144\nsuperuser_reserved_connections = 5\n");
    assertThat(conf.integer("max_connections")).hasValue(32);
    assertThat(conf.setting("max_connections").get().position().path())
        .isEqualTo("postgresql.auto.conf");
    assertThat(conf.integer("superuser_reserved_connections")).hasValue(5);
  }

  @Test
  void includesAreFollowedRelativeToTheIncludingFileAndLaterWins() throws IOException {
    Files.createDirectories(dir.resolve("conf.d/more"));
    Files.writeString(
        dir.resolve("conf.d/a.conf"), "include 'more/b.conf'\nmax_connections = 50\n");
    Files.writeString(dir.resolve("conf.d/more/b.conf"), "superuser_reserved_connections = 7\n");
    Files.createDirectories(dir.resolve("dir"));
    Files.writeString(dir.resolve("dir/20-b.conf"), "max_connections = 300\n");
    Files.writeString(dir.resolve("dir/10-a.conf"), "max_connections = 200\n");
    Files.writeString(dir.resolve("dir/.hidden.conf"), "max_connections = 1\n");
    Files.writeString(dir.resolve("dir/ignored.txt"), "max_connections = 2\n");
    PostgresConf conf =
        load(
            "max_connections = 10\n"
                + "include 'conf.d/a.conf'\n"
                + "include_if_exists 'absent.conf'\n"
                + "include_dir 'dir'\n");
    assertThat(conf.problems()).isEmpty();
    assertThat(conf.integer("max_connections")).hasValue(300);
    assertThat(conf.setting("max_connections").get().position())
        .isEqualTo(new SourcePosition("dir/20-b.conf", 1, 19));
    assertThat(conf.setting("superuser_reserved_connections").get().position().path())
        .isEqualTo("conf.d/more/b.conf");
  }

  @Test
  void aMissingIncludeIsAProblemAtItsLine() throws IOException {
    PostgresConf conf = load("max_connections = 10\ninclude 'absent.conf'\ninclude_dir 'nodir'\n");
    assertThat(conf.problems())
        .extracting(PostgresConf.Problem::message)
        .containsExactly(
            "could not open configuration file absent.conf: missing",
            "could not open configuration directory nodir: missing");
    assertThat(conf.problems().get(0).position().line()).isEqualTo(2);
  }

  @Test
  void includesNestDeeperThanTenAreAProblem() throws IOException {
    PostgresConf conf = load("include 'postgresql.conf'\n");
    assertThat(conf.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("maximum nesting depth exceeded"));
  }

  @Test
  void includesLeavingTheRepositoryAreNotRead() throws IOException {
    PostgresConf conf = load("include '../../etc/passwd'\ninclude_dir '/etc'\n");
    assertThat(conf.problems())
        .extracting(PostgresConf.Problem::message)
        .allSatisfy(m -> assertThat(m).contains("not read: it leads outside the repository"))
        .hasSize(2);
  }

  @Test
  void anUnreadableTopFileIsAProblemNotAnException() {
    PostgresConf conf = PostgresConf.load(dir.resolve("missing.conf"), files(), Optional.empty());
    assertThat(conf.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("missing.conf");
              assertThat(p.position().line()).isEqualTo(1);
            });
  }
}
