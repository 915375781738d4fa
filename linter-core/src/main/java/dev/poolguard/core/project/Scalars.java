package dev.poolguard.core.project;

import dev.poolguard.core.config.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.json.JSONObject;

/** Reads {@code poolguard.yaml} scalars as JSON values and as text. */
final class Scalars {

  // YAML 1.2 core-schema forms; Double.parseDouble alone would also take "NaN", "0x1p3" or "1d".
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

  private Scalars() {}

  /**
   * The text of a scalar where a string is expected. This is the text as written, because YAML 1.1
   * resolution would turn {@code severity: off} into {@code false} and a path {@code 010} into
   * {@code 8}; poolguard.yaml is read by poolguard, not by Spring.
   */
  static String text(ScalarNode scalar) {
    String raw = scalar.raw();
    boolean quoted =
        raw.length() >= 2
            && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
            && raw.charAt(raw.length() - 1) == raw.charAt(0);
    return quoted ? scalar.value() : raw;
  }

  /**
   * A scalar as a JSON value: null, a string where only strings fit, else number, boolean or
   * string.
   */
  private static final int MAX_NUMBER_LENGTH = 400;

  static Object toJson(ScalarNode scalar, boolean stringOnly) {
    if (scalar.isNull()) {
      return JSONObject.NULL;
    }
    if (stringOnly) {
      return text(scalar);
    }
    String value = scalar.value();
    if (value.length() > MAX_NUMBER_LENGTH) {
      // No figure in poolguard.yaml needs more digits; parsing millions of them is quadratic.
      return value;
    }
    if (INTEGER.matcher(value).matches()) {
      return narrow(new BigInteger(value.startsWith("+") ? value.substring(1) : value));
    }
    if (DECIMAL.matcher(value).matches()) {
      BigDecimal decimal = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
      // Beyond double range the number could not be used; leave it text so validation names it.
      return Double.isFinite(decimal.doubleValue()) ? decimal : value;
    }
    if (TRUE.contains(value)) {
      return true;
    }
    if (FALSE.contains(value)) {
      return false;
    }
    return value;
  }

  private static Number narrow(BigInteger value) {
    if (value.bitLength() < Integer.SIZE) {
      return value.intValue();
    }
    if (value.bitLength() < Long.SIZE) {
      return value.longValue();
    }
    return value;
  }
}
