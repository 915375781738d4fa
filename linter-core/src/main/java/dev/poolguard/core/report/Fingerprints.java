package dev.poolguard.core.report;

import dev.poolguard.core.result.Finding;

/**
 * Identifies a finding across runs by what it is about, not where: code scanning matches alerts by
 * fingerprint, so an alert survives lines being inserted above it. SARIF and GitLab Code Quality
 * carry the same value, {@link Finding#fingerprint()}.
 */
final class Fingerprints {

  /** The {@code partialFingerprints} key; bump the version if the hashed fields ever change. */
  static final String KEY = "poolguard/v1";

  private Fingerprints() {}

  /** Lower-case hex SHA-256 of {@code ruleId NUL service NUL subject}. */
  static String of(Finding f) {
    return f.fingerprint();
  }
}
