package dev.poolguard.core.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their shape: the value of a secret-like key, a password inside a URL or a
 * {@code key=value} list. Below every other package, so that a loader's error message, a Kubernetes
 * reader and the snapshot writer hide secrets the same way the reports do ({@code model.Redaction}
 * adds the values a run has read).
 */
public final class Secrets {

  /** What a redacted value prints as. */
  public static final String MASK = "******";

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

  private Secrets() {}

  // The same few thousand keys are asked about for every value of every file: remember the
  // answers, up to a bound, so that a tree with many distinct keys cannot grow the map unbounded.
  private static final int MAX_REMEMBERED = 20_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> REMEMBERED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** True for keys whose values must never be printed (passwords, tokens, keys, credentials). */
  public static boolean isSecretKey(String key) {
    Boolean known = REMEMBERED.get(key);
    if (known != null) {
      return known;
    }
    boolean secret = secretKey(key);
    if (key.length() <= 200 && REMEMBERED.size() < MAX_REMEMBERED) {
      REMEMBERED.put(key, secret);
    }
    return secret;
  }

  private static boolean secretKey(String key) {
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
}
