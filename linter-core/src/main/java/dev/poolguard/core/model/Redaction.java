package dev.poolguard.core.model;

import dev.poolguard.core.secret.KnownSecrets;
import dev.poolguard.core.secret.Secrets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what is secret and hides it; every output goes through it.
 *
 * <p>Two kinds of knowledge meet here. The static methods recognise secrets by their shape: the
 * value of a secret-like key, a password inside a URL or a {@code key=value} list ({@link Secrets}
 * does the work, so that packages below the model hide the same shapes), and the settings and
 * origins of the model that are secret. An instance also knows the secret values a run has read
 * (from secret-like keys, Kubernetes Secrets, placeholders that resolved through one), so a secret
 * stays masked wherever its value travels: into another setting through a placeholder or a YAML
 * alias, into a message, an excerpt or a snapshot.
 */
public final class Redaction {

  /** What a redacted value prints as. */
  public static final String MASK = Secrets.MASK;

  private static final Redaction NONE = new Redaction(KnownSecrets.none());

  private static final Pattern REFERENCE = Pattern.compile("\\$[{(]([^}:)]{1,400})");

  private final KnownSecrets known;

  private Redaction(KnownSecrets known) {
    this.known = known;
  }

  /** A redaction that knows no values: shapes only. */
  public static Redaction none() {
    return NONE;
  }

  /**
   * A redaction that also masks {@code secretValues} wherever they occur. Values that are too short
   * or too common to replace everywhere, and bare placeholders, are dropped; multi-line values
   * count line by line too, because excerpts show them a line at a time.
   */
  public static Redaction of(Collection<String> secretValues) {
    KnownSecrets kept = KnownSecrets.of(secretValues);
    return kept.isEmpty() ? NONE : new Redaction(kept);
  }

  /** This redaction and {@code other}'s known values together. */
  public Redaction and(Redaction other) {
    KnownSecrets all = known.and(other.known);
    return all == known ? this : all == other.known ? other : new Redaction(all);
  }

  /** The known secret values, sorted (for the reports' escaped forms of them). */
  public List<String> knownValues() {
    return known.values();
  }

  /** {@code text} with every known secret value and every secret shape masked. */
  public String scrub(String text) {
    return redactText(known.replace(text));
  }

  /**
   * {@code text} with the known values masked and nothing else: for text whose structure a shape
   * pattern could mistake for a secret (a rendered report, whose JSON has a {@code "key"} field).
   */
  public String replaceKnown(String text) {
    return known.replace(text);
  }

  /** The value of {@code key} as it may be printed: masked, or scrubbed. */
  public String mask(String key, String value) {
    return isSecretKey(key) ? MASK : scrub(value);
  }

  /** True for keys whose values must never be printed (passwords, tokens, keys, credentials). */
  public static boolean isSecretKey(String key) {
    return Secrets.isSecretKey(key);
  }

  /**
   * Whether what was written at {@code origin} is secret: written under a secret-like name, or a
   * reference to one ({@code pool-name: ${spring.datasource.password}}).
   */
  public static boolean isSecretOrigin(Origin origin) {
    if (isSecretKey(origin.property())) {
      return true;
    }
    Matcher m = REFERENCE.matcher(origin.text());
    while (m.find()) {
      if (isSecretKey(m.group(1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A setting's text as it may be printed: masked when the setting's key or the origin of the text
   * is secret, else with secret shapes hidden.
   */
  public static String redact(String key, String text, Origin origin) {
    return isSecretKey(key) || isSecretOrigin(origin) ? MASK : redactText(text);
  }

  /**
   * Whether a setting's text from {@code origin} is secret. The canonical key decides first; the
   * property names as written count too, because an env var or a nested property can name a secret
   * the key does not, and so does a placeholder that resolved through a secret.
   */
  public static boolean isSecret(PoolSetting setting, Origin origin) {
    return isSecretKey(setting.key()) || isSecretKey(setting.property()) || isSecretOrigin(origin);
  }

  /** A setting's text from {@code origin} as it may be printed (and stored in a snapshot). */
  public static String redact(PoolSetting setting, Origin origin, String text) {
    return isSecret(setting, origin) ? MASK : redactText(text);
  }

  /**
   * Keys that look secret but whose value only names one: Kubernetes references to a Secret ({@code
   * secretKeyRef}, {@code secretRef}, {@code secretName}, a volume's {@code secret}) and the {@code
   * key} of a reference. Their values are printed; the values they point at never are.
   */
  public static boolean namesASecret(String key) {
    return Secrets.namesASecret(key);
  }

  /** The value as it may be printed for {@code key}: masked, or with secret shapes hidden. */
  public static String redact(String key, String value) {
    return Secrets.redact(key, value);
  }

  /**
   * Hides the secrets that show by their shape: passwords in URLs ({@code user:pass@host}, Oracle's
   * {@code user/pass@host}, {@code ?password=}, {@code ;password=}), {@code key=value} and {@code
   * "key": value} pairs whose key is secret-like (JVM options, JSON in an env value).
   */
  public static String redactText(String text) {
    return Secrets.redactText(text);
  }

  /** The pieces of {@code text} that {@link #redactText} would hide. */
  public static List<String> secretsIn(String text) {
    return Secrets.secretsIn(text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Redaction other && known.equals(other.known);
  }

  @Override
  public int hashCode() {
    return Objects.hash(known);
  }

  @Override
  public String toString() {
    return "Redaction[" + known.values().size() + " known values]";
  }
}
