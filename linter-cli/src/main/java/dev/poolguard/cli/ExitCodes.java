package dev.poolguard.cli;

/** The documented exit codes (SPEC 8). */
final class ExitCodes {

  /** Done; for lint: no finding at or above --fail-on. */
  static final int OK = 0;

  /** lint only: findings at or above --fail-on. */
  static final int FINDINGS = 1;

  /** Could not: a usage or input error, or an internal error. */
  static final int COULD_NOT = 2;

  private ExitCodes() {}
}
