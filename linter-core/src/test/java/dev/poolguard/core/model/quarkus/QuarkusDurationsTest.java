package dev.poolguard.core.model.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples from the Quarkus guides' duration note and Quarkus' DurationConverter. */
class QuarkusDurationsTest {

  @ParameterizedTest
  @CsvSource({
    // "If the value is only a number, it represents time in seconds."
    "5, 5000",
    "'  5 ', 5000",
    "+5, 5000",
    "-5, -5000",
    "0, 0",
    // "a number followed by ms represents time in milliseconds"
    "500ms, 500",
    "10MS, 10",
    // "a number followed by h, m, or s is prefixed with PT"
    "5s, 5000",
    "5S, 5000",
    "5m, 300000",
    "5M, 300000",
    "2M, 120000",
    "2h, 7200000",
    "1.5s, 1500",
    "1h30m, 5400000",
    // "a number followed by d is prefixed with P"
    "1d, 86400000",
    "2D, 172800000",
    // Otherwise java.time.Duration#parse.
    "PT5S, 5000",
    "pt5s, 5000",
    "PT0.5S, 500",
    "P1D, 86400000",
    "P1DT2H, 93600000",
    "-PT5S, -5000"
  })
  void convertsAsQuarkusDoes(String text, long millis) {
    assertThat(QuarkusDurations.toMillis(text)).hasValue(millis);
  }

  @ParameterizedTest
  @ValueSource(
      // Duration#parse takes a fraction only on seconds: "0.5m" fails in Quarkus too.
      strings = {
        "", "  ", "5 s", "five", "5x", "1.5", "30m5", "1d12h", "1.5d", "0.5m", "s", "ms", "-pt5s"
      })
  void rejectsWhatQuarkusCannotConvert(String text) {
    assertThat(QuarkusDurations.toMillis(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "9223372036854775807d"})
  void rejectsOverflow(String text) {
    assertThat(QuarkusDurations.toMillis(text)).isEmpty();
  }
}
