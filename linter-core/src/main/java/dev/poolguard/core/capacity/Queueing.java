package dev.poolguard.core.capacity;

/**
 * Queueing maths for one pod's connection pool: Little's law for the offered load and the M/M/c
 * (Erlang C) model for waits, computed with the stable Erlang B recursion so that pools of tens of
 * thousands of connections neither overflow nor lose precision.
 *
 * <p>Assumptions: Poisson arrivals, exponential hold times, one connection held per request for the
 * mean hold time, FIFO, no abandonment.
 */
final class Queueing {

  /**
   * The largest pool a search will return; beyond it the O(c) search would stop being instant and
   * the answer is meaningless for a single pod anyway.
   */
  public static final int MAX_POOL_SIZE = 10_000_000;

  private Queueing() {}

  /**
   * Offered load per pod in Erlangs, {@code a = (λ / n) · h} (Little's law): the mean number of
   * connections a pod has in use.
   *
   * @param requestsPerSecond {@code λ}, for the whole service
   * @param pods {@code n}, pods sharing the load; 0 is refused because no pod carries it — a caller
   *     must report "no pods serving" rather than divide
   * @param holdSeconds {@code h}, mean time a request holds a connection
   */
  public static double offeredLoad(double requestsPerSecond, int pods, double holdSeconds) {
    Checks.finiteNonNegative("requestsPerSecond", requestsPerSecond);
    if (pods < 1) {
      throw new IllegalArgumentException(
          "pods must be >= 1, got " + pods + " (no pod serving: report it instead of dividing)");
    }
    Checks.finiteNonNegative("holdSeconds", holdSeconds);
    return requestsPerSecond / pods * holdSeconds;
  }

  /** Utilisation {@code ρ = a / c}. */
  public static double utilisation(double offeredLoad, int poolSize) {
    Checks.finiteNonNegative("offeredLoad", offeredLoad);
    Checks.atLeast("poolSize", poolSize, 1);
    return offeredLoad / poolSize;
  }

  /**
   * Erlang B, the blocking probability of a loss system with {@code c} servers, by the recursion
   * {@code B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁)}; O(c), every step a ratio of positive terms.
   */
  public static double erlangB(int poolSize, double offeredLoad) {
    Checks.atLeast("poolSize", poolSize, 0);
    Checks.finiteNonNegative("offeredLoad", offeredLoad);
    double b = 1.0;
    for (int k = 1; k <= poolSize; k++) {
      b = nextErlangB(b, k, offeredLoad);
    }
    return b;
  }

  /**
   * Erlang C, the probability that an acquisition has to wait, {@code C = c·B / (c − a·(1 − B))}; 1
   * when {@code a >= c} (everyone waits in an overloaded pool).
   */
  public static double erlangC(int poolSize, double offeredLoad) {
    double b = erlangB(Checks.atLeast("poolSize", poolSize, 1), offeredLoad);
    return erlangCFromB(poolSize, offeredLoad, b);
  }

  /**
   * {@code P(wait > t) = C(c, a) · exp(−(c − a) · t / h)}; 1 when {@code a >= c}.
   *
   * @param waitSeconds {@code t}; may be positive infinity
   */
  public static double probabilityWaitBeyond(
      int poolSize, double offeredLoad, double holdSeconds, double waitSeconds) {
    Checks.positive("holdSeconds", holdSeconds);
    Checks.nonNegativeOrInfinite("waitSeconds", waitSeconds);
    double c = erlangC(poolSize, offeredLoad);
    return tail(poolSize, offeredLoad, c, holdSeconds, waitSeconds);
  }

  /**
   * Mean wait over all acquisitions, {@code C(c, a) · h / (c − a)}; positive infinity when {@code a
   * >= c}.
   */
  public static double meanWait(int poolSize, double offeredLoad, double holdSeconds) {
    Checks.positive("holdSeconds", holdSeconds);
    double c = erlangC(poolSize, offeredLoad);
    if (offeredLoad >= poolSize) {
      return Double.POSITIVE_INFINITY;
    }
    return c * holdSeconds / (poolSize - offeredLoad);
  }

  /**
   * The smallest pool with {@code a < c} and {@code P(wait > W) <= maxProbability}; O(c), each
   * candidate's Erlang B updated from the previous one.
   *
   * @param maxProbability {@code ε}, in (0, 1]
   * @throws IllegalArgumentException for invalid inputs, or when no pool up to {@link
   *     #MAX_POOL_SIZE} qualifies
   */
  public static int smallestPoolForWait(
      double offeredLoad, double holdSeconds, double waitSeconds, double maxProbability) {
    Checks.finiteNonNegative("offeredLoad", offeredLoad);
    Checks.positive("holdSeconds", holdSeconds);
    Checks.nonNegativeOrInfinite("waitSeconds", waitSeconds);
    Checks.fraction("maxProbability", maxProbability);
    double b = 1.0;
    for (int c = 1; c <= MAX_POOL_SIZE; c++) {
      b = nextErlangB(b, c, offeredLoad);
      if (c > offeredLoad
          && tail(c, offeredLoad, erlangCFromB(c, offeredLoad, b), holdSeconds, waitSeconds)
              <= maxProbability) {
        return c;
      }
    }
    throw tooLarge(offeredLoad);
  }

  /**
   * The smallest pool with {@code a / c <= maxUtilisation}.
   *
   * @param maxUtilisation in (0, 1]
   */
  /**
   * Relative tolerance of every threshold comparison: 350 req/s × 14 ms on a pool of 7 is exactly
   * 70 % utilisation, but in binary floating point 4.9 / 7 is 0.7000000000000001. A figure counts
   * as above a threshold only when it exceeds it by more than this share of the threshold.
   */
  public static final double TOLERANCE = 1e-9;

  /** {@code value > limit}, ignoring floating-point noise ({@link #TOLERANCE}). */
  public static boolean exceeds(double value, double limit) {
    return value - limit > TOLERANCE * Math.max(1.0, Math.abs(limit));
  }

  public static int smallestPoolForUtilisation(double offeredLoad, double maxUtilisation) {
    Checks.finiteNonNegative("offeredLoad", offeredLoad);
    Checks.fraction("maxUtilisation", maxUtilisation);
    double estimate = Math.ceil(offeredLoad / maxUtilisation);
    if (estimate > MAX_POOL_SIZE) {
      throw tooLarge(offeredLoad);
    }
    // The quotient can round either way; settle the boundary with the same a / c the check uses.
    int c = Math.max(1, (int) estimate);
    while (c > 1 && !exceeds(offeredLoad / (c - 1), maxUtilisation)) {
      c--;
    }
    while (exceeds(offeredLoad / c, maxUtilisation)) {
      c++;
    }
    return c;
  }

  static double nextErlangB(double previous, int k, double offeredLoad) {
    double ab = offeredLoad * previous;
    return ab / (k + ab);
  }

  static double erlangCFromB(int poolSize, double offeredLoad, double erlangB) {
    if (offeredLoad >= poolSize) {
      return 1.0;
    }
    double c = poolSize * erlangB / (poolSize - offeredLoad * (1 - erlangB));
    return Math.min(1.0, c);
  }

  static double tail(
      int poolSize, double offeredLoad, double erlangC, double holdSeconds, double waitSeconds) {
    if (offeredLoad >= poolSize) {
      return 1.0;
    }
    if (erlangC == 0) {
      return 0.0; // no load: avoids 0 · exp(−∞·0) style NaNs at the edges
    }
    return erlangC * Math.exp(-(poolSize - offeredLoad) * waitSeconds / holdSeconds);
  }

  private static IllegalArgumentException tooLarge(double offeredLoad) {
    return new IllegalArgumentException(
        "offered load "
            + offeredLoad
            + " Erlangs needs a pool larger than "
            + MAX_POOL_SIZE
            + " connections per pod");
  }
}
