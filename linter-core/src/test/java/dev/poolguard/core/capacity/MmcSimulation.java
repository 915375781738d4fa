package dev.poolguard.core.capacity;

import java.util.SplittableRandom;

/**
 * A seeded simulation of the M/M/c queue for the tests: Poisson arrivals, exponential holds, FIFO.
 * Arrivals in time order each take the connection that frees first; with FIFO service and identical
 * connections that is exactly the M/M/c queue, so each event is an arrival.
 */
final class MmcSimulation {

  private MmcSimulation() {}

  /** Shares of acquisitions that waited at all and longer than t, and the mean wait (s). */
  record Observed(double pWait, double pWaitBeyond, double meanWait) {}

  static Observed run(int c, double a, double h, double t, long seed, int warmUp, int measured) {
    SplittableRandom random = new SplittableRandom(seed);
    double arrivalRate = a / h;
    double[] freeAt = new double[c];
    double now = 0;
    long waited = 0;
    long waitedBeyond = 0;
    double totalWait = 0;
    for (int i = 0; i < warmUp + measured; i++) {
      now += exponential(random, 1 / arrivalRate);
      int first = 0;
      for (int k = 1; k < c; k++) {
        if (freeAt[k] < freeAt[first]) {
          first = k;
        }
      }
      double start = Math.max(now, freeAt[first]);
      freeAt[first] = start + exponential(random, h);
      if (i >= warmUp) {
        double wait = start - now;
        waited += wait > 0 ? 1 : 0;
        waitedBeyond += wait > t ? 1 : 0;
        totalWait += wait;
      }
    }
    return new Observed(
        (double) waited / measured, (double) waitedBeyond / measured, totalWait / measured);
  }

  private static double exponential(SplittableRandom random, double mean) {
    return -Math.log(1 - random.nextDouble()) * mean;
  }
}
