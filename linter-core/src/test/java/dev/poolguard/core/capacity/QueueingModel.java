package dev.poolguard.core.capacity;

/**
 * The predictions compared with the measurements. {@link #ERLANG_C} is poolguard's own model
 * ({@link Queueing}); tests pass deliberately broken ones to show the comparison catches them.
 */
interface QueueingModel {

  /** {@code P(wait > t)} for a pool of {@code c} at offered load {@code a}, mean hold {@code h}. */
  double probabilityWaitBeyond(int c, double a, double h, double t);

  /** Mean wait in seconds; infinite when {@code a >= c}. */
  double meanWait(int c, double a, double h);

  QueueingModel ERLANG_C =
      new QueueingModel() {
        @Override
        public double probabilityWaitBeyond(int c, double a, double h, double t) {
          return Queueing.probabilityWaitBeyond(c, a, h, t);
        }

        @Override
        public double meanWait(int c, double a, double h) {
          return Queueing.meanWait(c, a, h);
        }
      };

  /**
   * The offered load at which {@code P(wait > t)} reaches {@code threshold} — the onset of timeouts
   * when {@code t} is the connection timeout; by bisection, as the tail grows with load.
   */
  default double onset(int c, double h, double t, double threshold) {
    double low = 0;
    double high = c;
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (probabilityWaitBeyond(c, mid, h, t) > threshold) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return (low + high) / 2;
  }
}
