package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueingTest {

  /**
   * The Call Centre Helper worked example (100 calls per 30 minutes, 180 s handling time: A = 10
   * Erlangs, 80 % answered within 20 s), as published with full double precision in the pyworkforce
   * README (https://pypi.org/project/pyworkforce/0.2.1/: 14 positions, waiting_probability
   * 0.1741319335950498, service_level 0.8883500191794669, occupancy 0.7142857142857143). Tolerance
   * 1e-12: both sides compute the same closed form in doubles.
   */
  @Test
  void matchesPyworkforceWorkedExample() {
    double a = Queueing.offeredLoad(100.0 / 1800.0, 1, 180.0);
    assertThat(a).isCloseTo(10.0, within(1e-12));

    assertThat(Queueing.erlangC(14, a)).isCloseTo(0.1741319335950498, within(1e-12));
    assertThat(1 - Queueing.probabilityWaitBeyond(14, a, 180.0, 20.0))
        .isCloseTo(0.8883500191794669, within(1e-12));
    assertThat(Queueing.utilisation(a, 14)).isCloseTo(0.7142857142857143, within(1e-12));
  }

  /**
   * The same example in the README of the R package ErlangC
   * (https://rdocumentation.org/packages/ErlangC/versions/0.1.0): 14 agents give wait_probability
   * 0.1741319, service_level 0.88835, average_speed_of_answer 7.83593701177724 s; its agent search
   * starts at 11 agents with wait_probability 0.6821182. Tolerance: half a unit in the last printed
   * digit (5e-8 and 5e-6), 1e-9 s for the speed of answer printed in full.
   */
  @Test
  void matchesRErlangCPackageExample() {
    double a = 10.0;
    assertThat(Queueing.erlangC(11, a)).isCloseTo(0.6821182, within(5e-8));
    assertThat(Queueing.erlangC(14, a)).isCloseTo(0.1741319, within(5e-8));
    assertThat(1 - Queueing.probabilityWaitBeyond(14, a, 180.0, 20.0))
        .isCloseTo(0.88835, within(5e-6));
    assertThat(Queueing.meanWait(14, a, 180.0)).isCloseTo(7.83593701177724, within(1e-9));
  }

  /**
   * Test data of the CPAN module Math::Telephony::ErlangC 1.0.2 (t/Math-Telephony-ErlangC.t):
   * {@code servers_maxtime(27.083, 0.94, 150, 20) == 34} — the fewest servers for which a request
   * waits at most 20 s with probability 0.94, mean service time 150 s — and {@code
   * servers_waittime(27.083, 5, 150) == 34}, the fewest for a mean wait of at most 5 s. Exact.
   */
  @Test
  void matchesMathTelephonyErlangCServerCounts() {
    assertThat(Queueing.smallestPoolForWait(27.083, 150, 20, 1 - 0.94)).isEqualTo(34);

    assertThat(Queueing.meanWait(34, 27.083, 150)).isLessThanOrEqualTo(5.0);
    assertThat(Queueing.meanWait(33, 27.083, 150)).isGreaterThan(5.0);
  }

  /**
   * DOMAIN.md 4.6 (computed there, beside the Halfin–Whitt approximation): A = 100 with c = 110,
   * 120, 130 gives 0.237, 0.033, 0.0025; tolerance half a unit in the last digit given.
   */
  @Test
  void matchesDomainReferenceAtHundredErlangs() {
    assertThat(Queueing.erlangC(110, 100)).isCloseTo(0.237, within(5e-4));
    assertThat(Queueing.erlangC(120, 100)).isCloseTo(0.033, within(5e-4));
    assertThat(Queueing.erlangC(130, 100)).isCloseTo(0.0025, within(5e-5));
  }

  /** Closed forms: M/M/1 waits with probability ρ; M/M/2 with a² / (2 + a). */
  @ParameterizedTest
  @CsvSource({"0.1", "0.5", "0.9", "0.999"})
  void agreesWithClosedFormsForOneAndTwoConnections(double rho) {
    assertThat(Queueing.erlangC(1, rho)).isCloseTo(rho, within(1e-15));
    double a = 2 * rho;
    assertThat(Queueing.erlangC(2, a)).isCloseTo(a * a / (2 + a), within(1e-15));
  }

  @Test
  void erlangBStartsAtOneAndFallsWithPoolSize() {
    assertThat(Queueing.erlangB(0, 5)).isEqualTo(1.0);
    assertThat(Queueing.erlangB(1, 1)).isCloseTo(0.5, within(1e-15));
    assertThat(Queueing.erlangB(10, 5)).isLessThan(Queueing.erlangB(9, 5));
  }

  @Test
  void overloadedPoolAlwaysWaits() {
    assertThat(Queueing.erlangC(8, 8)).isEqualTo(1.0);
    assertThat(Queueing.probabilityWaitBeyond(8, 10, 0.04, 30)).isEqualTo(1.0);
    assertThat(Queueing.meanWait(8, 10, 0.04)).isEqualTo(Double.POSITIVE_INFINITY);

    assertThat(Queueing.utilisation(10, 8)).isEqualTo(1.25);
  }

  @Test
  void noLoadNeverWaits() {
    assertThat(Queueing.erlangC(4, 0)).isZero();
    assertThat(Queueing.probabilityWaitBeyond(4, 0, 0.01, 0)).isZero();
    assertThat(Queueing.meanWait(4, 0, 0.01)).isZero();
    assertThat(Queueing.smallestPoolForWait(0, 0.01, 0, 0.001)).isEqualTo(1);
    assertThat(Queueing.smallestPoolForUtilisation(0, 0.8)).isEqualTo(1);
  }

  /**
   * DOMAIN.md 4.3: A = 7.5, c = 8, S = 30 ms, T = 30 s waits with probability ≈ 0.81 but beyond T
   * only ≈ 1e-218; that is still a normal double, so it must come out positive, not rounded to 0.
   */
  @Test
  void tinyTailStaysPositiveAndExact() {
    double pWait = Queueing.erlangC(8, 7.5);
    double pWaitBeyond = Queueing.probabilityWaitBeyond(8, 7.5, 0.030, 30);
    assertThat(pWait).isCloseTo(0.81, within(0.005));
    assertThat(pWaitBeyond).isPositive();
    assertThat(pWaitBeyond / (pWait * Math.exp(-500))).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void waitForeverBoundHasNoTail() {
    assertThat(Queueing.probabilityWaitBeyond(10, 8, 0.02, Double.POSITIVE_INFINITY)).isZero();
    assertThat(Queueing.smallestPoolForWait(7.5, 0.02, Double.POSITIVE_INFINITY, 0.001))
        .isEqualTo(8);
  }

  /**
   * c = 5000, a = 4900 cross-checked against an independent log-space computation (lgamma by the
   * Stirling series, log-sum-exp); relative tolerance 1e-9.
   */
  @ParameterizedTest
  @CsvSource({"5000, 4900", "500, 480", "50, 48", "20000, 19950"})
  void largePoolsAgreeWithLogSpace(int c, double a) {
    double recursion = Queueing.erlangC(c, a);
    assertThat(recursion).isStrictlyBetween(0.0, 1.0);
    assertThat(recursion / LogSpace.erlangC(c, a)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void hugePoolsStayFinite() {
    double b = Queueing.erlangB(50_000, 49_500);
    assertThat(b).isStrictlyBetween(0.0, 1.0);
    double c = Queueing.erlangC(50_000, 49_500);
    assertThat(c).isStrictlyBetween(0.0, 1.0);
    assertThat(Queueing.erlangB(1000, 1e6)).isStrictlyBetween(0.99, 1.0);
    assertThat(Queueing.probabilityWaitBeyond(50_000, 49_500, 0.01, 0.001)).isFinite();
  }

  @ParameterizedTest
  @CsvSource({
    // a,     h,     W,   ε
    "6.0,    0.025, 0.2, 0.001",
    "10.0,   0.040, 30,  0.001",
    "7.5,    0.030, 30,  0.001",
    "27.083, 150,   20,  0.06",
    "100,    1,     0,   0.05",
    "4900,   0.01,  0.001, 0.0001",
    "0.3,    0.01,  0,   0.5",
    "3.0,    1,     0,   1.0"
  })
  void smallestPoolForWaitIsTight(double a, double h, double w, double eps) {
    int c = Queueing.smallestPoolForWait(a, h, w, eps);
    assertThat(c).isGreaterThan((int) Math.floor(a));
    assertThat(Queueing.probabilityWaitBeyond(c, a, h, w)).isLessThanOrEqualTo(eps);
    if (c - 1 >= 1 && c - 1 > a) {
      assertThat(Queueing.probabilityWaitBeyond(c - 1, a, h, w)).isGreaterThan(eps);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "6.0, 0.8, 8",
    "8.0, 0.8, 10",
    "2.4, 0.8, 3",
    "0.7, 0.7, 1",
    "10, 0.5, 20",
    "99.99, 0.9, 112",
    "3.0, 1.0, 3"
  })
  void smallestPoolForUtilisationIsTight(double a, double target, int expected) {
    int c = Queueing.smallestPoolForUtilisation(a, target);
    assertThat(c).isEqualTo(expected);
    assertThat(Queueing.utilisation(a, c)).isLessThanOrEqualTo(target);
    if (c > 1) {
      assertThat(Queueing.utilisation(a, c - 1)).isGreaterThan(target);
    }
  }

  /** STYLE.md's example message: a peak load of 6.0 needs ≥ 8 connections for ≤ 80 %. */
  @Test
  void styleGuideExample() {
    assertThat(Queueing.probabilityWaitBeyond(4, 6.0, 0.025, 0.2)).isEqualTo(1.0);
    assertThat(Queueing.smallestPoolForUtilisation(6.0, 0.8)).isEqualTo(8);
  }

  @Test
  void offeredLoadIsLittlesLaw() {
    // DOMAIN.md 4.4: 250 acquisitions/s per pod held 40 ms is 10 Erlangs.
    assertThat(Queueing.offeredLoad(2400, 6, 0.025)).isCloseTo(10.0, within(1e-12));
    assertThat(Queueing.offeredLoad(1000, 4, 0.040)).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void refusesInvalidInputs() {
    assertThatThrownBy(() -> Queueing.offeredLoad(100, 0, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pods must be >= 1, got 0");
    assertThatThrownBy(() -> Queueing.offeredLoad(Double.NaN, 2, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestsPerSecond")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Queueing.offeredLoad(Double.POSITIVE_INFINITY, 2, 0.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.offeredLoad(100, 2, -0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holdSeconds");
    assertThatThrownBy(() -> Queueing.erlangC(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poolSize");
    assertThatThrownBy(() -> Queueing.erlangB(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.erlangC(4, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offeredLoad");
    assertThatThrownBy(() -> Queueing.probabilityWaitBeyond(4, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holdSeconds");
    assertThatThrownBy(() -> Queueing.probabilityWaitBeyond(4, 1, 0.01, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("waitSeconds");
    assertThatThrownBy(() -> Queueing.smallestPoolForWait(4, 0.01, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxProbability");
    assertThatThrownBy(() -> Queueing.smallestPoolForUtilisation(4, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxUtilisation");
    assertThatThrownBy(() -> Queueing.smallestPoolForUtilisation(1e9, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger than");
  }

  /** Erlang C computed in log space, independently of the recursion under test. */
  static final class LogSpace {

    private LogSpace() {}

    static double erlangC(int c, double a) {
      double lnA = Math.log(a);
      // ln of the c-th Poisson-like term, scaled by c / (c − a): the "everyone waits" mass.
      double lnWait = c * lnA - lnFactorial(c) + Math.log(c / (c - a));
      double max = lnWait;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, k * lnA - lnFactorial(k));
      }
      double sum = Math.exp(lnWait - max);
      for (int k = 0; k < c; k++) {
        sum += Math.exp(k * lnA - lnFactorial(k) - max);
      }
      return Math.exp(lnWait - max - Math.log(sum));
    }

    /** ln n! — exact sum below 20, Stirling's series (error < 1e-17 relative) above. */
    static double lnFactorial(int n) {
      if (n < 20) {
        double s = 0;
        for (int k = 2; k <= n; k++) {
          s += Math.log(k);
        }
        return s;
      }
      double x = n;
      double x2 = x * x;
      return x * Math.log(x)
          - x
          + 0.5 * Math.log(2 * Math.PI * x)
          + 1 / (12 * x)
          - 1 / (360 * x * x2)
          + 1 / (1260 * x * x2 * x2);
    }
  }
}
