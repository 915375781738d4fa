package dev.poolguard.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what is secret and hides it; every output goes through it.
 *
 * <p>Two kinds of knowledge meet here. The static methods recognise secrets by their shape: the
 * value of a secret-like key, a password inside a URL or a {@code key=value} list. An instance also
 * knows the secret values a run has read (from secret-like keys, Kubernetes Secrets, placeholders
 * that resolved through one), so a secret stays masked wherever its value travels: into another
 * setting through a placeholder or a YAML alias, into a message, an excerpt or a snapshot.
 */
public final class Redaction {

  /** What a redacted value prints as. */
  public static final String MASK = "******";

  /**
   * Known values shorter than this, and short numbers or booleans, are masked only where their
   * shape shows them (a secret key, a URL): replacing every {@code 10} or {@code true} in a report
   * would hide settings that are not secret.
   */
  static final int MIN_KNOWN_LENGTH = 4;

  private static final Redaction NONE = new Redaction(Set.of());

  // Matched against the key in lower case without separators: "db_Password" -> "dbpassword".
  private static final Pattern SECRET_WORD =
      Pattern.compile(
          "password|passwd|passwrd|passphrase|pwd|secret|token|credential|key|signature|"
              + "privatekey|accesskey|apikey|auth(?:orization|key|code)");
  // Matched against each word of the key: "db-pass", "dbPass", "DB_PASS", "pw".
  private static final Pattern SECRET_PART = Pattern.compile("pass\\w*|\\w*pass|pw|sig");
  private static final Pattern WORDS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  // key=value inside URLs, JDBC property lists, JVM options, container args.
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?<![A-Za-z0-9_.\\-\\[\\]])([A-Za-z0-9_.\\-\\[\\]]{1,200}+)(\\s{0,8}+=\\s{0,8}+)"
              + "(\\{[^}]{0,256}+}|\"[^\"]{0,4000}+\"|'[^']{0,4000}+'|[^&;,)\\s\"'{]++)");
  private static final String PAIR_VALUE =
      "(\"(?:[^\"\\\\]|\\\\.){0,4000}\"|'[^']{0,4000}'|[^,}\\]\\s\"']+)";
  // "key": value inside JSON carried as text (SPRING_APPLICATION_JSON).
  private static final Pattern QUOTED_PAIR =
      Pattern.compile("([\"'])([A-Za-z0-9_.\\-]{1,200})\\1\\s{0,8}:\\s{0,8}" + PAIR_VALUE);
  // {key: value, key: value}: a YAML flow mapping carried as text. Plain "key: value" in prose is
  // left alone ("skipped secret: permission denied").
  private static final Pattern FLOW_PAIR =
      Pattern.compile("(?<=[{,]\\s{0,8})([A-Za-z0-9_.\\-]{1,200})\\s{0,8}:\\s{1,8}" + PAIR_VALUE);
  private static final Pattern REFERENCE = Pattern.compile("\\$[{(]([^}:)]{1,400})");
  private static final Set<String> REFERENCES =
      Set.of(
          "secretKeyRef",
          "secretRef",
          "secretName",
          "secret",
          "imagePullSecrets",
          "configMapKeyRef",
          "key",
          "automountServiceAccountToken");
  private static final Pattern ORACLE = Pattern.compile("jdbc:oracle:[A-Za-z0-9]+:");
  private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("\\$[{(][^{}()]*[})]");
  private static final Pattern TRIVIAL =
      Pattern.compile("[0-9]{1,6}|true|false|yes|no|on|off|null|none", Pattern.CASE_INSENSITIVE);

  private final Set<String> values;
  private final KnownValues known;

  private Redaction(Set<String> values) {
    this.values = Set.copyOf(values);
    this.known = new KnownValues(this.values);
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
    Set<String> kept = new TreeSet<>();
    for (String v : secretValues) {
      addKnown(v, kept);
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        for (String line : v.split("\r\n|\r|\n")) {
          addKnown(line, kept);
        }
      }
    }
    return kept.isEmpty() ? NONE : new Redaction(kept);
  }

  private static void addKnown(String value, Set<String> into) {
    String v = value.strip();
    if (v.length() >= MIN_KNOWN_LENGTH
        && !TRIVIAL.matcher(v).matches()
        && !PLACEHOLDER_ONLY.matcher(v).matches()
        && !v.equals(MASK)) {
      into.add(v);
    }
  }

  /** This redaction and {@code other}'s known values together. */
  public Redaction and(Redaction other) {
    if (other.values.isEmpty()) {
      return this;
    }
    if (values.isEmpty()) {
      return other;
    }
    Set<String> all = new TreeSet<>(values);
    all.addAll(other.values);
    return new Redaction(all);
  }

  /** The known secret values, sorted (for the reports' escaped forms of them). */
  public List<String> knownValues() {
    return List.copyOf(new TreeSet<>(values));
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
    String lower = key.toLowerCase(Locale.ROOT);
    if (SECRET_WORD.matcher(lower.replaceAll("[^a-z0-9]", "")).find()) {
      return true;
    }
    for (String word : WORDS.split(key)) {
      if (!word.isEmpty() && SECRET_PART.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
        return true;
      }
    }
    return false;
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
    return REFERENCES.contains(key);
  }

  /** The value as it may be printed for {@code key}: masked, or with secret shapes hidden. */
  public static String redact(String key, String value) {
    return isSecretKey(key) ? MASK : redactText(value);
  }

  /**
   * Hides the secrets that show by their shape: passwords in URLs ({@code user:pass@host}, Oracle's
   * {@code user/pass@host}, {@code ?password=}, {@code ;password=}), {@code key=value} and {@code
   * "key": value} pairs whose key is secret-like (JVM options, JSON in an env value).
   */
  public static String redactText(String text) {
    return shapes(text, s -> {});
  }

  /** The pieces of {@code text} that {@link #redactText} would hide. */
  public static List<String> secretsIn(String text) {
    List<String> found = new ArrayList<>();
    shapes(text, found::add);
    return found;
  }

  private static String shapes(String text, Consumer<String> found) {
    if (text.isEmpty()) {
      return text;
    }
    String t = userInfo(text, found);
    t = oracle(t, found);
    t = pairs(ASSIGNMENT, 1, 3, t, found);
    t = pairs(QUOTED_PAIR, 2, 3, t, found);
    return pairs(FLOW_PAIR, 1, 2, t, found);
  }

  /** {@code //user:pass@host}: the password runs to the last {@code @} of the URL. */
  private static String userInfo(String text, Consumer<String> found) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    int slashes;
    // Each URL is scanned once: the search goes on after its end, so the cost stays linear.
    while ((slashes = text.indexOf("//", from)) >= 0) {
      int start = slashes + 2;
      int end = UrlText.urlEnd(text, start);
      int at = UrlText.lastIndexIn(text, '@', start, end);
      int colon = at < 0 ? -1 : UrlText.indexIn(text, ':', start, at);
      if (colon >= 0 && UrlText.isUser(text, start, colon) && colon + 1 < at) {
        String password = text.substring(colon + 1, at);
        if (!password.equals(MASK)) {
          found.accept(password);
          out.append(text, copied, colon + 1).append(MASK);
          copied = at;
        }
      } else if (colon < 0
          && at > start
          && UrlText.isUser(text, start, at)
          && UrlText.isHttp(text, slashes)) {
        // https://TOKEN@host: on the web a user without a password is usually a token.
        String token = text.substring(start, at);
        if (!token.equals(MASK)) {
          found.accept(token);
          out.append(text, copied, start).append(MASK);
          copied = at;
        }
      }
      from = Math.max(end, start);
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  /** {@code jdbc:oracle:thin:user/pass@host}: the password runs to the last {@code @}. */
  private static String oracle(String text, Consumer<String> found) {
    Matcher m = ORACLE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int start = m.end();
      int end = UrlText.urlEnd(text, start);
      int at = UrlText.lastIndexIn(text, '@', start, end);
      int slash = at < 0 ? -1 : UrlText.indexIn(text, '/', start, at);
      if (slash > start && slash + 1 < at) {
        String password = text.substring(slash + 1, at);
        if (!password.equals(MASK)) {
          found.accept(password);
          out.append(text, copied, slash + 1).append(MASK);
          copied = at;
        }
      }
      from = Math.max(end, start);
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  private static String pairs(
      Pattern pattern, int keyGroup, int valueGroup, String text, Consumer<String> found) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = null;
    int from = 0;
    while (m.find()) {
      String value = m.group(valueGroup);
      if (!isSecretKey(m.group(keyGroup)) || value.isEmpty() || unquoted(value).equals(MASK)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      String inner = unquoted(value);
      found.accept(inner);
      // Quotes and braces stay, so a masked JSON or JDBC value keeps its shape.
      int quote = inner.length() < value.length() ? 1 : 0;
      out.append(text, from, m.start(valueGroup) + quote).append(MASK);
      from = m.end(valueGroup) - quote;
    }
    return out == null ? text : out.append(text, from, text.length()).toString();
  }

  private static String unquoted(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if ((first == '"' && last == '"')
          || (first == '\'' && last == '\'')
          || (first == '{' && last == '}')) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Redaction other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    return "Redaction[" + values.size() + " known values]";
  }
}
