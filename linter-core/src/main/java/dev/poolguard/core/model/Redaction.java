package dev.poolguard.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Decides which values are secret and hides them; every output goes through it. */
public final class Redaction {

  /** What a redacted value prints as. */
  public static final String MASK = "******";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(password|passwd|pwd|secret|token|credential|key)", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_PASSWORD =
      Pattern.compile("((?:password|pwd)=)[^&;]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  private Redaction() {}

  /** True for keys whose values must never be printed (passwords, tokens, keys, credentials). */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT).replace("_", "")).find();
  }

  /** The value as it may be printed for {@code key}: masked, or a URL with its password hidden. */
  public static String redact(String key, String value) {
    if (isSecretKey(key)) {
      return MASK;
    }
    return redactUrl(value);
  }

  /** Hides passwords in JDBC or other URLs ({@code user:pass@host}, {@code password=...}). */
  public static String redactUrl(String value) {
    String v = URL_USERINFO.matcher(value).replaceAll("$1" + MASK + "@");
    return URL_PASSWORD.matcher(v).replaceAll("$1" + MASK);
  }
}
