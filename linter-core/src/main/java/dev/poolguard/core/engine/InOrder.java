package dev.poolguard.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent tasks on a bounded pool of threads and hands their results back in task order.
 * When tasks fail, the call fails with the exception of the first failed task in that order, as a
 * loop on the calling thread would have: a later task's failure never hides an earlier one's.
 */
final class InOrder {

  /**
   * {@code -Dpoolguard.threads=N} sets how many threads parse files and resolve services (1: all on
   * the calling thread); by default one per core, at most {@link #DEFAULT_MAX}.
   */
  static final String THREADS_PROPERTY = "poolguard.threads";

  /** {@code -Dpoolguard.serial=true}: the same as {@code -Dpoolguard.threads=1}. */
  static final String SERIAL_PROPERTY = "poolguard.serial";

  private static final int DEFAULT_MAX = 8;
  private static final int MOST = 64;

  // A deep stack, as the main thread's: hostile nesting must fail the same way on any thread.
  private static final long STACK_BYTES = 16L << 20;

  private InOrder() {}

  /** The threads a run may use: the properties above, else one per core (at most eight). */
  static int threads() {
    if (Boolean.getBoolean(SERIAL_PROPERTY)) {
      return 1;
    }
    Integer configured = Integer.getInteger(THREADS_PROPERTY);
    if (configured != null) {
      return Math.max(1, Math.min(MOST, configured));
    }
    return Math.min(DEFAULT_MAX, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@code task} applied to each item, on up to {@link #threads()} threads when there are at least
   * {@code parallelFrom} items (below that, threads cost more than they save), else on the calling
   * thread.
   */
  static <S, T> List<T> map(List<S> items, int parallelFrom, Function<S, T> task) {
    int threads = Math.min(threads(), items.size());
    if (threads < 2 || items.size() < parallelFrom) {
      List<T> out = new ArrayList<>(items.size());
      items.forEach(item -> out.add(task.apply(item)));
      return out;
    }
    Object[] results = new Object[items.size()];
    Throwable[] failures = new Throwable[items.size()];
    AtomicInteger next = new AtomicInteger();
    // Items are handed out in order, so every item before a failed one is started and finishes;
    // the ones after it are not needed (the call fails) and are not started.
    AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement();
              i < items.size() && i < firstFailed.get();
              i = next.getAndIncrement()) {
            try {
              results[i] = task.apply(items.get(i));
            } catch (Throwable t) { // rethrown on the calling thread, in order
              failures[i] = t;
              firstFailed.accumulateAndGet(i, Math::min);
            }
          }
        };
    List<Thread> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(null, work, "poolguard-worker-" + t, STACK_BYTES);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (true) {
        try {
          worker.join(); // also publishes the workers' writes to this thread
          break;
        } catch (InterruptedException e) {
          interrupted = true; // finish the bounded work, then restore the flag
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable t : failures) {
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }
}
