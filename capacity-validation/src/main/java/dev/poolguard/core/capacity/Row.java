package dev.poolguard.core.capacity;

import java.util.Locale;

/**
 * One measured point beside the model's predictions for it. The model is given the load and hold
 * time the pool really saw (measured arrivals × measured mean hold), so the comparison tests the
 * queueing maths, not the harness's timer accuracy.
 */
record Row(LoadExperiment e, Measured m) {

  static final String HEADER =
      "| series | a/c asked | a measured | ρ | requests | P(wait>1ms) real | model |"
          + " mean wait real (ms) | model | timeouts real | model P(wait>250ms) |"
          + " max pending | mean active | lag (ms) |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  double rho() {
    return m.effectiveLoad() / e.poolSize();
  }

  double modelPWait() {
    return QueueingModel.ERLANG_C.probabilityWaitBeyond(
        e.poolSize(), m.effectiveLoad(), m.meanHoldSeconds(), PoolLoadHarness.WAITED_SECONDS);
  }

  double modelMeanWait() {
    return QueueingModel.ERLANG_C.meanWait(e.poolSize(), m.effectiveLoad(), m.meanHoldSeconds());
  }

  double modelTimeouts() {
    return QueueingModel.ERLANG_C.probabilityWaitBeyond(
        e.poolSize(), m.effectiveLoad(), m.meanHoldSeconds(), e.connectionTimeoutMillis() / 1000.0);
  }

  String series() {
    String s = "pool " + e.poolSize();
    if (e.holdTime() != LoadExperiment.HoldTime.EXPONENTIAL) {
      s += ", " + e.holdTime().name().toLowerCase(Locale.ROOT);
    }
    if (e.minimumIdle() != e.poolSize()) {
      s += ", minimumIdle " + e.minimumIdle();
    }
    return s;
  }

  String markdown() {
    double meanWait = modelMeanWait();
    return String.format(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.3f | %d | %.3f | %.3f | %.1f | %s | %s | %s | %d | %.2f | %.2f |",
        series(),
        e.offeredLoad() / e.poolSize(),
        m.effectiveLoad(),
        rho(),
        m.requests(),
        m.pWait(),
        modelPWait(),
        1000 * m.meanWaitSeconds(),
        Double.isInfinite(meanWait) ? "∞" : String.format(Locale.ROOT, "%.1f", 1000 * meanWait),
        share(m.timeoutRate()),
        share(modelTimeouts()),
        m.maxPending(),
        m.meanActive(),
        1000 * m.meanLagSeconds());
  }

  private static String share(double p) {
    if (p == 0) {
      return "0";
    }
    return p >= 0.01
        ? String.format(Locale.ROOT, "%.3f", p)
        : String.format(Locale.ROOT, "%.1e", p);
  }
}
