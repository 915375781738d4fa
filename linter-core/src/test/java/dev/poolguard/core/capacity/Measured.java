package dev.poolguard.core.capacity;

/**
 * What the harness saw in one run, over the counted requests.
 *
 * @param requests counted requests (arrivals after the warm-up)
 * @param effectiveLoad {@code λ · h̄} in Erlangs, with {@code h̄} the measured mean hold (sleeps
 *     and the query overshoot the drawn time a little)
 * @param meanHoldSeconds measured mean time a connection was held
 * @param pWait share of requests that waited longer than {@link PoolLoadHarness#WAITED_SECONDS}
 * @param meanWaitSeconds mean wait for a connection, timeouts counted with their full wait
 * @param timeoutRate share of requests that got {@code SQLTransientConnectionException}
 * @param maxPending most threads HikariCP reported waiting for a connection at once
 * @param meanActive mean of HikariCP's active connections, sampled every 10 ms
 * @param meanLagSeconds mean delay between an arrival's scheduled time and its borrow call: the
 *     harness's own error, should stay well below the hold time
 */
record Measured(
    int requests,
    double effectiveLoad,
    double meanHoldSeconds,
    double pWait,
    double meanWaitSeconds,
    double timeoutRate,
    int maxPending,
    double meanActive,
    double meanLagSeconds) {}
