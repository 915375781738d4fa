package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TodayTest {

  // 23:30 in UTC-5 is already the next day in UTC.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T04:30:00Z"), ZoneId.of("America/New_York"));

  @Test
  void theFlagBeatsTheEnvironmentWhichBeatsTheClock() {
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1797379200");
    assertThat(Today.resolve(Optional.of("2026-01-31"), env, CLOCK))
        .isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(Today.resolve(Optional.empty(), env, CLOCK)).isEqualTo(LocalDate.of(2026, 12, 16));
    assertThat(Today.resolve(Optional.empty(), Map.of(), CLOCK))
        .isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void badInputIsALintException() {
    assertThatThrownBy(() -> Today.resolve(Optional.of("2026-2-3"), Map.of(), CLOCK))
        .isInstanceOf(LintException.class)
        .hasMessage("--today must be a date as YYYY-MM-DD, found '2026-2-3'");
    assertThatThrownBy(
            () -> Today.resolve(Optional.empty(), Map.of("SOURCE_DATE_EPOCH", "1.5"), CLOCK))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH");
  }
}
