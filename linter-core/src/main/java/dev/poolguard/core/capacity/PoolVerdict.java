package dev.poolguard.core.capacity;

/**
 * How one pod's pool of {@code poolSize} connections fares under an offered load, in the M/M/c
 * (Erlang C) model.
 *
 * @param offeredLoad mean connections in demand per pod, in Erlangs ({@code a})
 * @param poolSize connections in the pool ({@code c})
 * @param utilisation {@code a / c}
 * @param overloaded {@code a >= c}: the queue grows without bound and every wait ends in a timeout
 * @param waitSeconds the wait bound {@code W} the tail probability refers to
 * @param pWait probability that an acquisition waits at all, {@code C(c, a)}; 1 when overloaded
 * @param pWaitBeyond probability that an acquisition waits longer than {@code W}; 1 when overloaded
 * @param meanWaitSeconds mean wait over all acquisitions; positive infinity when overloaded
 */
public record PoolVerdict(
    double offeredLoad,
    int poolSize,
    double utilisation,
    boolean overloaded,
    double waitSeconds,
    double pWait,
    double pWaitBeyond,
    double meanWaitSeconds) {

  public PoolVerdict {
    Checks.atLeast("poolSize", poolSize, 1);
    Checks.finiteNonNegative("offeredLoad", offeredLoad);
  }
}
