package dev.poolguard.core.baseline;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;

/** What a snapshot may store of a setting's texts, shared by the writer and the diff. */
final class Secrets {

  private Secrets() {}

  /**
   * Whether the setting's texts are secret. The canonical key decides first; the property names as
   * written count too, because an env var or a nested property can name a secret the key does not.
   */
  static boolean secret(PoolSetting setting, Origin origin) {
    return Redaction.isSecretKey(setting.key())
        || Redaction.isSecretKey(setting.property())
        || Redaction.isSecretKey(origin.property());
  }

  /** The text as a snapshot stores it: masked, or with URL passwords hidden. */
  static String stored(PoolSetting setting, Origin origin, String text) {
    return secret(setting, origin) ? Redaction.MASK : Redaction.redactUrl(text);
  }
}
