package dev.poolguard.core.config;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs deep recursive work (composing and converting a deeply nested YAML document) on a thread
 * whose stack is known to be large enough, whatever stack the caller has left.
 */
final class LargeStack {

  /** Documents up to this depth are composed on the caller's thread (about 64 KiB of stack). */
  static final int INLINE_DEPTH = 64;

  // YamlEventCheck.DEPTH_CAP levels need about 1 MiB; the rest is margin (reserved, not touched).
  private static final long STACK_BYTES = 16L << 20;

  private LargeStack() {}

  static <T> T run(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable task =
        () -> {
          try {
            result.set(work.get());
          } catch (Throwable t) { // handed to the caller, which decides
            failure.set(t);
          }
        };
    Thread worker = new Thread(null, task, "poolguard-deep-yaml", STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // finish the bounded work, then restore the flag
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }
}
