package dev.poolguard.core.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole numbers as PostgreSQL's {@code parse_int} (src/backend/utils/misc/guc.c) reads a parameter
 * without a unit: {@code strtol(value, &end, 0)}, re-read with {@code strtod} when it stops at '.',
 * 'e' or 'E' or overflows, trailing spaces allowed, then {@code rint} and an int range check.
 */
class PostgresParseIntTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "100|100",
        "'  100  '|100",
        "+100|100",
        "0144|100", // octal
        "0x64|100", // hexadecimal
        "0X64|100",
        "-0x10|-16",
        "1e2|100",
        "100.0|100",
        "100.5|100", // rint: half to even
        "101.5|102",
        "0.5|0",
        "1E3|1000",
        "2147483647|2147483647",
      })
  void readsWhatPostgresqlReads(String text, int expected) {
    assertThat(PostgresConf.parseInt(text)).hasValue(expected);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc",
        "10x",
        "08",
        "0x",
        "''",
        "e5",
        "1e",
        "2147483648",
        "100 connections",
        "1e10",
        "nan",
      })
  void refusesWhatPostgresqlRefuses(String text) {
    assertThat(PostgresConf.parseInt(text == null ? "" : text)).isEqualTo(OptionalInt.empty());
  }
}
