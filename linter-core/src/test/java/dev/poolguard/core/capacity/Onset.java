package dev.poolguard.core.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * The onset of timeouts: the offered load at which the share of requests timing out exceeds {@link
 * #THRESHOLD} (0.1 %, the threshold of pool-below-peak-demand) and stays above it.
 */
final class Onset {

  static final double THRESHOLD = 0.001;

  private Onset() {}

  /** One point of a load sweep. */
  record Point(double load, double timeoutRate, int requests) {}

  /**
   * The measured onset, from the points in load order: between the highest load still at or below
   * the threshold and the next one, interpolated in log(rate); a point without any timeout counts
   * as half a timeout, the smallest rate it can stand for. Only the last crossing counts because a
   * stall of a shared machine longer than the connection timeout makes a few requests time out at
   * any load; such timeouts do not come from the pool. Returns the lowest load when every point is
   * above the threshold, NaN when none is.
   */
  static double measured(List<Point> sweep) {
    List<Point> points = sweep.stream().sorted(Comparator.comparingDouble(Point::load)).toList();
    int last = -1;
    for (int k = 0; k < points.size(); k++) {
      if (points.get(k).timeoutRate() <= THRESHOLD) {
        last = k;
      }
    }
    if (last == -1) {
      return points.get(0).load();
    }
    if (last == points.size() - 1) {
      return Double.NaN;
    }
    Point below = points.get(last);
    Point above = points.get(last + 1);
    double low = Math.log(Math.max(below.timeoutRate(), 0.5 / below.requests()));
    double high = Math.log(above.timeoutRate());
    double share = high > low ? (Math.log(THRESHOLD) - low) / (high - low) : 0.5;
    share = Math.max(0, Math.min(1, share));
    return below.load() + share * (above.load() - below.load());
  }
}
