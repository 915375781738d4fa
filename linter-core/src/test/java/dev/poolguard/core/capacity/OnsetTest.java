package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnsetTest {

  @Test
  void interpolatesInLogRateBetweenTheLastPointBelowAndTheNext() {
    // 1e-4 at 4, 1e-2 at 5: 1e-3 is halfway in log rate.
    List<Onset.Point> sweep =
        List.of(new Onset.Point(5, 1e-2, 1000), new Onset.Point(4, 1e-4, 10_000));
    assertThat(Onset.measured(sweep)).isCloseTo(4.5, within(1e-9));
  }

  @Test
  void ignoresTimeoutsBelowALaterQuietPoint() {
    // A stall at load 3 times out a few requests; the pool itself starts at 4.5.
    List<Onset.Point> sweep =
        List.of(
            new Onset.Point(3, 5e-3, 1000),
            new Onset.Point(4, 1e-4, 10_000),
            new Onset.Point(5, 1e-2, 1000));
    assertThat(Onset.measured(sweep)).isCloseTo(4.5, within(1e-9));
  }

  @Test
  void aPointWithoutTimeoutsCountsAsHalfATimeout() {
    // 0 of 2000 stands for 2.5e-4; 1e-3 is then a third of the way to 1.6e-2 in log rate.
    List<Onset.Point> sweep = List.of(new Onset.Point(4, 0, 2000), new Onset.Point(5, 1.6e-2, 100));
    assertThat(Onset.measured(sweep)).isCloseTo(4 + 1.0 / 3, within(1e-9));
  }

  @Test
  void theEndsOfTheSweep() {
    assertThat(Onset.measured(List.of(new Onset.Point(4, 0.5, 100)))).isEqualTo(4);
    assertThat(Onset.measured(List.of(new Onset.Point(4, 0, 100)))).isNaN();
  }

  @Test
  void erlangCOnsetSolvesTheTimeoutThreshold() {
    double onset = QueueingModel.ERLANG_C.onset(5, 0.020, 0.250, Onset.THRESHOLD);
    assertThat(Queueing.probabilityWaitBeyond(5, onset, 0.020, 0.250))
        .isCloseTo(Onset.THRESHOLD, within(1e-9));
  }
}
