package dev.poolguard.core.report;

import dev.poolguard.core.result.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a finding across runs by what it is about, not where: code scanning matches alerts by
 * fingerprint, so an alert survives lines being inserted above it.
 */
final class Fingerprints {

  /** The {@code partialFingerprints} key; bump the version if the hashed fields ever change. */
  static final String KEY = "poolguard/v1";

  private Fingerprints() {}

  /** Lower-case hex SHA-256 of {@code ruleId NUL service NUL subject}. */
  static String of(Finding f) {
    String identity = f.ruleId() + '\u0000' + f.service().orElse("") + '\u0000' + f.subject();
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
