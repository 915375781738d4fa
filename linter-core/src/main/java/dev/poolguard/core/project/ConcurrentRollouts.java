package dev.poolguard.core.project;

import java.util.Locale;

/** How many services the fleet connection budget assumes roll out at the same time. */
public enum ConcurrentRollouts {
  /** One service at a time: the largest rollout surge counts. */
  ONE,
  /** Every service at once: all rollout surges add up. */
  ALL;

  /** The lower-case name used in {@code poolguard.yaml}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
