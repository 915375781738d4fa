package dev.poolguard.core.capacity;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator against a real HikariCP pool: arrivals follow a seeded Poisson
 * schedule fixed before the run (so a slow pool never slows the arrivals, as with real users), each
 * request borrows a connection, runs {@code SELECT 1} and keeps the connection for its drawn hold
 * time, then returns it. Waits are timed around {@code getConnection()}; a {@link
 * SQLTransientConnectionException} is HikariCP's connection timeout.
 */
final class PoolLoadHarness {

  /** A request counts as having waited when its borrow took longer than this (timer noise). */
  static final double WAITED_SECONDS = 0.001;

  private final String jdbcUrl;
  private final String user;

  PoolLoadHarness(String jdbcUrl, String user) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
  }

  Measured run(LoadExperiment experiment) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setMaximumPoolSize(experiment.poolSize());
    config.setMinimumIdle(experiment.minimumIdle());
    config.setConnectionTimeout(experiment.connectionTimeoutMillis());
    config.setPoolName("capacity-validation");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      awaitFilled(pool.getHikariPoolMXBean(), experiment.minimumIdle());
      return drive(pool, experiment);
    }
  }

  private static void awaitFilled(HikariPoolMXBean bean, int connections)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (bean.getIdleConnections() < connections) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pool did not open " + connections + " connections");
      }
      Thread.sleep(20);
    }
  }

  private static Measured drive(HikariDataSource pool, LoadExperiment experiment)
      throws InterruptedException {
    SplittableRandom arrivals = new SplittableRandom(experiment.seed());
    SplittableRandom holds = arrivals.split();
    double rate = experiment.arrivalRate();
    double total = experiment.warmUpSeconds() + experiment.seconds();
    int n = (int) Math.ceil(rate * total * 1.2) + 16;
    long[] scheduled = new long[n];
    long[] holdNanos = new long[n];
    double at = 0;
    int count = 0;
    while (count < n) {
      at += -Math.log(1 - arrivals.nextDouble()) / rate;
      if (at >= total) {
        break;
      }
      scheduled[count] = (long) (at * 1e9);
      holdNanos[count] =
          (long) (experiment.holdTime().draw(holds, experiment.meanHoldSeconds()) * 1e9);
      count++;
    }
    long warmUpNanos = (long) (experiment.warmUpSeconds() * 1e9);
    Outcome[] outcomes = new Outcome[count];
    // Enough threads for every connection plus every waiter a timeout can pile up, so the
    // executor's queue never holds a request back.
    int threads =
        experiment.poolSize()
            + (int) Math.ceil(rate * experiment.connectionTimeoutMillis() / 1000.0 * 1.5)
            + 32;
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), daemon());
    executor.prestartAllCoreThreads();
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    Sampler sampler = new Sampler(bean, warmUpNanos);
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    sampler.start(start);
    for (int i = 0; i < count; i++) {
      long due = start + scheduled[i];
      long now;
      while ((now = System.nanoTime()) < due) {
        LockSupport.parkNanos(due - now);
      }
      int index = i;
      executor.execute(
          () -> {
            try {
              outcomes[index] = request(pool, start + scheduled[index], holdNanos[index]);
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    sampler.stop();
    shutdown(executor);
    return summarise(experiment, outcomes, scheduled, warmUpNanos, sampler, experiment.seconds());
  }

  /** One request's observations, in nanoseconds. */
  private record Outcome(long lag, long waited, long hold, boolean timedOut) {}

  private static Outcome request(HikariDataSource pool, long due, long holdNanos) {
    long begin = System.nanoTime();
    long acquired;
    long released;
    try (Connection connection = pool.getConnection()) {
      acquired = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      long until = acquired + holdNanos;
      long now;
      while ((now = System.nanoTime()) < until) {
        LockSupport.parkNanos(until - now);
      }
      released = System.nanoTime();
    } catch (SQLTransientConnectionException timeout) {
      return new Outcome(begin - due, System.nanoTime() - begin, 0, true);
    } catch (SQLException e) {
      throw new IllegalStateException("the request failed: " + e.getMessage(), e);
    }
    return new Outcome(begin - due, acquired - begin, released - acquired, false);
  }

  private static Measured summarise(
      LoadExperiment experiment,
      Outcome[] outcomes,
      long[] scheduled,
      long warmUpNanos,
      Sampler sampler,
      double seconds) {
    int requests = 0;
    int waited = 0;
    int timedOut = 0;
    int served = 0;
    double waitSum = 0;
    double holdSum = 0;
    double lagSum = 0;
    long waitedNanos = (long) (WAITED_SECONDS * 1e9);
    for (int i = 0; i < outcomes.length; i++) {
      if (scheduled[i] < warmUpNanos) {
        continue;
      }
      Outcome o = outcomes[i];
      if (o == null) {
        throw new IllegalStateException("request " + i + " failed (see the log)");
      }
      requests++;
      waited += o.waited() > waitedNanos ? 1 : 0;
      waitSum += o.waited() / 1e9;
      lagSum += o.lag() / 1e9;
      if (o.timedOut()) {
        timedOut++;
      } else {
        served++;
        holdSum += o.hold() / 1e9;
      }
    }
    double meanHold = served == 0 ? experiment.meanHoldSeconds() : holdSum / served;
    double rate = requests / seconds;
    return new Measured(
        requests,
        rate * meanHold,
        meanHold,
        (double) waited / requests,
        waitSum / requests,
        (double) timedOut / requests,
        sampler.maxPending,
        sampler.meanActive(),
        lagSum / requests);
  }

  /** Samples HikariCP's own view of the pool every 10 ms after the warm-up. */
  private static final class Sampler {
    private final HikariPoolMXBean bean;
    private final long warmUpNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;
    // Written by the sampler thread only, read after stop() joined it.
    private int maxPending;
    private long activeSum;
    private long samples;

    Sampler(HikariPoolMXBean bean, long warmUpNanos) {
      this.bean = bean;
      this.warmUpNanos = warmUpNanos;
    }

    void start(long start) {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  if (System.nanoTime() - start >= warmUpNanos) {
                    maxPending = Math.max(maxPending, bean.getThreadsAwaitingConnection());
                    activeSum += bean.getActiveConnections();
                    samples++;
                  }
                  LockSupport.parkNanos(10_000_000L);
                }
              },
              "capacity-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    double meanActive() {
      return samples == 0 ? 0 : (double) activeSum / samples;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "capacity-request");
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void shutdown(ExecutorService executor) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
