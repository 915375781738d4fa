package dev.poolguard.core.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values as PostgreSQL's {@code parse_int} (src/backend/utils/misc/guc.c) reads them for a
 * parameter without units such as max_connections: strtol base 0, then strtod when strtol stops at
 * '.', 'e' or 'E', rint (half to even), int range. Each row was checked against PostgreSQL 15's
 * {@code postgres -C max_connections} (PostgresJudgeTest does so for a sample on every CI run).
 */
class PgIntegerTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "100      | 100",
        "0144     | 100", // octal
        "0x64     | 100", // hex
        "0X64     | 100", // strtol takes 0X too (the scanner does not, unquoted)
        "010      | 8",
        "0        | 0",
        "+7       | 7",
        "-5       | -5",
        "' 100 '  | 100", // blanks around
        "500.0    | 500",
        "500.5    | 500", // rint: half to even
        "501.5    | 502",
        "1e3      | 1000",
        ".5e3     | 500",
        "0x1.8    | 2", // strtol stops at '.', strtod reads a hex float: 1.5
        "1E2      | 100",
      })
  void readsWhatPostgresReads(String value, int expected) {
    assertThat(PgInteger.parse(value).value()).hasValue(expected);
  }

  @ParameterizedTest(name = "''{0}'' is invalid")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc", "10x", "100MB", // max_connections has no unit
        "08", // strtol reads 0 and stops at 8
        "0x", "-.5", // strtol converts nothing and does not stop at '.'
        "''", "1e-400", // strtod: ERANGE
        "1e400", "'1 2'", "inf", "nan",
      })
  void rejectsWhatPostgresRejects(String value) {
    assertThat(PgInteger.parse(value).value()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void beyondIntIsOutOfIntegerRangeWithPostgresHint() {
    PgInteger.Result r = PgInteger.parse("99999999999");
    assertThat(r.value()).isEmpty();
    assertThat(r.hint()).hasValue("Value exceeds integer range.");
    assertThat(PgInteger.parse("99999999999999999999999").value()).isEmpty(); // strtol ERANGE
  }
}
