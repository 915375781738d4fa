package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short capacity check of docs/CAPACITY-VALIDATION.md: a real HikariCP pool of 5 on a real
 * PostgreSQL, swept through its saturation point (about 30 s), and the measured onset of timeouts
 * compared with the one poolguard's Erlang C model predicts. A change to the maths that moves the
 * predicted onset away from what the real pool does fails the build.
 */
class CapacityValidationTest {

  /**
   * Largest relative gap between predicted and measured onset. In the experiments of
   * docs/CAPACITY-VALIDATION.md the measured onset of a pool of 5 came out 4 % to 10 % above the
   * prediction (short runs do not reach the steady state Erlang C describes); 20 % leaves room for
   * a noisy machine and still fails a model that moves the onset by a fifth.
   */
  static final double TOLERANCE = 0.20;

  static final int POOL = 5;
  static final double HOLD_SECONDS = 0.020;
  static final long TIMEOUT_MILLIS = 250;
  static final double[] LOAD_SHARES = {0.7, 0.8, 0.9, 1.0, 1.1};

  private static EmbeddedPostgres postgres;
  private static List<Onset.Point> sweep;
  private static double meanHold;

  @BeforeAll
  static void sweep() throws Exception {
    postgres = RealPostgres.start();
    measure(42);
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void measure(long seed) throws InterruptedException {
    PoolLoadHarness harness = RealPostgres.harness(postgres);
    LoadExperiment base =
        new LoadExperiment(
            POOL,
            POOL,
            POOL,
            HOLD_SECONDS,
            LoadExperiment.HoldTime.EXPONENTIAL,
            TIMEOUT_MILLIS,
            1,
            5,
            seed);
    List<Onset.Point> points = new ArrayList<>();
    double holdSum = 0;
    for (int i = 0; i < LOAD_SHARES.length; i++) {
      Measured m = harness.run(base.withLoad(POOL * LOAD_SHARES[i]).withSeed(seed + i));
      points.add(new Onset.Point(m.effectiveLoad(), m.timeoutRate(), m.requests()));
      holdSum += m.meanHoldSeconds();
      System.out.printf(
          "capacity check: load %.2f (effective %.2f) timeouts %.4f pWait %.3f meanWait %.4f s"
              + " hold %.4f s lag %.5f s%n",
          POOL * LOAD_SHARES[i],
          m.effectiveLoad(),
          m.timeoutRate(),
          m.pWait(),
          m.meanWaitSeconds(),
          m.meanHoldSeconds(),
          m.meanLagSeconds());
    }
    sweep = points;
    meanHold = holdSum / LOAD_SHARES.length;
  }

  static Comparison compare(QueueingModel model, List<Onset.Point> points, double hold) {
    return new Comparison(
        model.onset(POOL, hold, TIMEOUT_MILLIS / 1000.0, Onset.THRESHOLD), Onset.measured(points));
  }

  /** Predicted and measured onset of timeouts, in Erlangs. */
  record Comparison(double predicted, double measured) {
    double relativeError() {
      return Double.isNaN(measured) ? Double.POSITIVE_INFINITY : measured / predicted - 1;
    }

    boolean agrees() {
      return Math.abs(relativeError()) <= TOLERANCE;
    }
  }

  @Test
  void erlangCPredictsTheOnsetOfTimeoutsOfARealPool() throws Exception {
    Comparison comparison = compare(QueueingModel.ERLANG_C, sweep, meanHold);
    if (!comparison.agrees()) {
      // One rerun with other seeds: a stall of the shared machine longer than the 250 ms timeout
      // produces timeouts the pool did not cause.
      measure(4242);
      comparison = compare(QueueingModel.ERLANG_C, sweep, meanHold);
    }
    System.out.printf(
        "capacity check: onset predicted %.3f, measured %.3f Erlangs (%+.1f %%)%n",
        comparison.predicted(), comparison.measured(), 100 * comparison.relativeError());
    assertThat(comparison.agrees())
        .as("predicted onset %s vs measured %s", comparison.predicted(), comparison.measured())
        .isTrue();
  }

  @Test
  void aBrokenErlangCFailsTheComparison() {
    // A plausible slip: the tail's decay rate per connection, (1 − ρ), instead of for the pool,
    // (c − a). It predicts timeouts at half the pool's load.
    QueueingModel broken =
        new QueueingModel() {
          @Override
          public double probabilityWaitBeyond(int c, double a, double h, double t) {
            return a >= c ? 1 : Queueing.erlangC(c, a) * Math.exp(-(1 - a / c) * t / h);
          }

          @Override
          public double meanWait(int c, double a, double h) {
            return Queueing.meanWait(c, a, h);
          }
        };
    Comparison comparison = compare(broken, sweep, meanHold);
    assertThat(comparison.agrees()).isFalse();
  }
}
