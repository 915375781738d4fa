package dev.poolguard.core.capacity;

import java.util.SplittableRandom;

/**
 * One run of the load harness: a HikariCP pool of {@code poolSize} fed by Poisson arrivals that
 * offer {@code offeredLoad} Erlangs, each request holding its connection for a time drawn from
 * {@code holdTime} with mean {@code meanHoldSeconds}.
 *
 * @param minimumIdle HikariCP's minimumIdle; equal to {@code poolSize} for a fixed pool
 * @param warmUpSeconds arrivals before this are run but not counted (the queue reaches its steady
 *     state)
 */
record LoadExperiment(
    int poolSize,
    int minimumIdle,
    double offeredLoad,
    double meanHoldSeconds,
    HoldTime holdTime,
    long connectionTimeoutMillis,
    double warmUpSeconds,
    double seconds,
    long seed) {

  /** Arrival rate {@code λ = a / h} in requests per second. */
  double arrivalRate() {
    return offeredLoad / meanHoldSeconds;
  }

  LoadExperiment withLoad(double load) {
    return new LoadExperiment(
        poolSize,
        minimumIdle,
        load,
        meanHoldSeconds,
        holdTime,
        connectionTimeoutMillis,
        warmUpSeconds,
        seconds,
        seed);
  }

  LoadExperiment withSeed(long newSeed) {
    return new LoadExperiment(
        poolSize,
        minimumIdle,
        offeredLoad,
        meanHoldSeconds,
        holdTime,
        connectionTimeoutMillis,
        warmUpSeconds,
        seconds,
        newSeed);
  }

  /** Hold-time distributions, each with the given mean. */
  enum HoldTime {
    EXPONENTIAL {
      @Override
      double draw(SplittableRandom random, double mean) {
        return -Math.log(1 - random.nextDouble()) * mean;
      }
    },
    CONSTANT {
      @Override
      double draw(SplittableRandom random, double mean) {
        return mean;
      }
    },
    /** Lognormal with coefficient of variation 1.5: heavier-tailed than exponential (CV 1). */
    LOGNORMAL {
      private static final double SIGMA_SQUARED = 1.1786549963416462; // ln(1 + 1.5²)

      @Override
      double draw(SplittableRandom random, double mean) {
        double mu = Math.log(mean) - SIGMA_SQUARED / 2;
        return Math.exp(mu + Math.sqrt(SIGMA_SQUARED) * gaussian(random));
      }
    };

    abstract double draw(SplittableRandom random, double mean);

    private static double gaussian(SplittableRandom random) {
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }
}
