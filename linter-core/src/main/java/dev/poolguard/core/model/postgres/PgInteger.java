package dev.poolguard.core.model.postgres;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code parse_int} (src/backend/utils/misc/guc.c) for a parameter without units:
 * {@code strtol(value, &end, 0)} (leading blanks, a sign, {@code 0x} hex, a leading {@code 0}
 * octal); if that stops at {@code .}, {@code e} or {@code E}, or overflows, {@code strtod} reads
 * the value again; blanks may follow; anything else makes the value invalid; the number is rounded
 * with {@code rint} (half to even) and must fit an {@code int}.
 */
final class PgInteger {

  private PgInteger() {}

  /** The value, or why PostgreSQL rejects it (its own hint when it gives one). */
  record Result(Optional<Integer> value, Optional<String> hint) {
    static Result invalid(String hint) {
      return new Result(Optional.empty(), Optional.ofNullable(hint));
    }
  }

  private static final Pattern STRTOD_DECIMAL =
      Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
  private static final Pattern STRTOD_HEX =
      Pattern.compile(
          "([-+]?)0[xX]((?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+))([pP][-+]?[0-9]+)?");
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  static Result parse(String value) {
    int start = 0;
    while (start < value.length() && isSpace(value.charAt(start))) {
      start++;
    }
    int end = strtolEnd(value, start);
    double number = 0;
    boolean overflow = false;
    // Where strtol's end pointer stops: the value's very start when it converts nothing.
    int stop = 0;
    if (end >= 0) {
      BigInteger n = strtolValue(value.substring(start, end));
      overflow = n.compareTo(LONG_MAX) > 0 || n.compareTo(LONG_MIN) < 0;
      number = n.doubleValue();
      stop = end;
    }
    if (overflow || (stop < value.length() && ".eE".indexOf(value.charAt(stop)) >= 0)) {
      Matcher hex = STRTOD_HEX.matcher(value).region(start, value.length());
      Matcher dec = STRTOD_DECIMAL.matcher(value).region(start, value.length());
      if (hex.lookingAt()) {
        number = hexDouble(hex);
        stop = hex.end();
      } else if (dec.lookingAt()) {
        number = Double.parseDouble(dec.group());
        stop = dec.end();
      } else {
        return Result.invalid(null);
      }
      if (Double.isInfinite(number) || underflows(number, value.substring(start, stop))) {
        return Result.invalid(null); // strtod's ERANGE
      }
    } else if (end < 0) {
      return Result.invalid(null);
    }
    while (stop < value.length() && isSpace(value.charAt(stop))) {
      stop++;
    }
    if (stop < value.length()) {
      return Result.invalid(null); // a unit or other text: these parameters take no units
    }
    double rounded = Math.rint(number);
    if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
      return Result.invalid("Value exceeds integer range.");
    }
    return new Result(Optional.of((int) rounded), Optional.empty());
  }

  /** Where {@code strtol(…, 0)} stops reading from {@code start}; -1 when it reads no digit. */
  private static int strtolEnd(String s, int start) {
    int i = start;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    if (i + 2 < s.length()
        && s.charAt(i) == '0'
        && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
        && isHex(s.charAt(i + 2))) {
      int j = i + 2;
      while (j < s.length() && isHex(s.charAt(j))) {
        j++;
      }
      return j;
    }
    int radix = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
    int j = i;
    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) < '0' + radix) {
      j++;
    }
    return j == i ? -1 : j;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static BigInteger strtolValue(String digits) {
    boolean negative = digits.startsWith("-");
    String d = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
    BigInteger n;
    if (d.length() > 2 && (d.startsWith("0x") || d.startsWith("0X"))) {
      n = new BigInteger(d.substring(2), 16);
    } else if (d.length() > 1 && d.startsWith("0")) {
      n = new BigInteger(d.substring(1), 8);
    } else {
      n = new BigInteger(d);
    }
    return negative ? n.negate() : n;
  }

  private static double hexDouble(Matcher hex) {
    String exponent = hex.group(3) == null ? "p0" : hex.group(3);
    return Double.parseDouble(hex.group(1) + "0x" + hex.group(2) + exponent);
  }

  /** glibc's strtod reports ERANGE for a nonzero number too small for a normal double. */
  private static boolean underflows(double number, String text) {
    String mantissa = text.replaceAll("[pPeE].*$", "").replaceAll("^[-+]?(0[xX])?", "");
    boolean nonzero = mantissa.chars().anyMatch(c -> c != '0' && c != '.');
    return nonzero && Math.abs(number) < Double.MIN_NORMAL;
  }

  /** C's {@code isspace} in the C locale. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }
}
