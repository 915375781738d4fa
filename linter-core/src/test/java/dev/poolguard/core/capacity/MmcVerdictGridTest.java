package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The capacity verdict — does more than ε of acquisitions wait longer than W? — and the "needs ≥"
 * size agree with a seeded M/M/c simulation over a generated grid of small pools.
 *
 * <p>Each case draws a pool size c in [2, 20], a load of 30–98 % of it, a hold time and a wait
 * bound, and simulates 200,000 acquisitions after 20,000 of warm-up (Poisson arrivals, exponential
 * holds, FIFO: exactly the M/M/c queue). A verdict is compared only where the model's probability
 * is clearly on one side of ε (outside [ε/2, 2ε]): at 200,000 samples and ε = 1 % the estimate's
 * standard deviation is about 0.02 %, so the band is many deviations wide and the test cannot
 * flake. The smallest sufficient pool is checked the same way: the simulation must find the model's
 * size sufficient and one connection fewer insufficient, unless that smaller pool sits inside the
 * band. Fixed seeds: every run is identical.
 */
class MmcVerdictGridTest {

  private static final int CASES = 40;
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 200_000;
  private static final double EPSILON = 0.01;

  @Test
  void verdictsAndSmallestSizesAgreeWithTheSimulation() {
    SplittableRandom grid = new SplittableRandom(20_261_205L);
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < CASES; i++) {
      int c = 2 + grid.nextInt(19);
      double a = c * (0.30 + 0.68 * grid.nextDouble());
      double h = 0.005 + 0.095 * grid.nextDouble();
      double w = h * (0.05 + 1.5 * grid.nextDouble());
      long seed = grid.nextLong();
      double model = Queueing.probabilityWaitBeyond(c, a, h, w);
      if (clear(model)) {
        compared++;
        double simulated = simulateWaitBeyond(c, a, h, w, seed);
        if ((model > EPSILON) != (simulated > EPSILON)) {
          disagreements.add(
              describe(c, a, h, w) + ": model " + model + ", simulation " + simulated);
        }
      }
      int needed = Queueing.smallestPoolForWait(a, h, w, EPSILON);
      if (simulateWaitBeyond(needed, a, h, w, seed) > 2 * EPSILON) {
        disagreements.add(describe(needed, a, h, w) + ": the model's smallest pool falls short");
      }
      if (needed - 1 > a) {
        double fewer = Queueing.probabilityWaitBeyond(needed - 1, a, h, w);
        if (clear(fewer) && simulateWaitBeyond(needed - 1, a, h, w, seed) <= EPSILON) {
          disagreements.add(describe(needed - 1, a, h, w) + ": one fewer is enough in simulation");
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(compared).as("cases clear of the ε band").isGreaterThan(CASES / 2);
  }

  private static boolean clear(double p) {
    return p < EPSILON / 2 || p > 2 * EPSILON;
  }

  private static String describe(int c, double a, double h, double w) {
    return String.format(java.util.Locale.ROOT, "c=%d a=%.3f h=%.4fs W=%.4fs", c, a, h, w);
  }

  /** The share of acquisitions that wait longer than {@code w} in an M/M/c queue. */
  private static double simulateWaitBeyond(int c, double a, double h, double w, long seed) {
    return MmcSimulation.run(c, a, h, w, seed, WARM_UP, MEASURED).pWaitBeyond();
  }
}
