package dev.poolguard.core.model.pooler;

import java.util.OptionalInt;

/** Whole numbers as PgBouncer reads them: C's {@code strtol} and {@code atoi}. */
final class PgBouncerNumbers {

  private PgBouncerNumbers() {}

  /**
   * A {@code [pgbouncer]} integer as libusual's {@code cf_set_int} reads it: {@code strtol(value,
   * &end, 0)} with the whole value consumed, so {@code 0x10} is 16 and {@code 010} is 8; empty when
   * PgBouncer rejects it ("invalid value") or it does not fit an int.
   */
  static OptionalInt strtol(String value) {
    String s = value.stripLeading();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
      if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
        radix = 16;
        i += 2;
      }
    } else if (s.startsWith("0", i)) {
      radix = 8;
    }
    int start = i;
    long v = 0;
    while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128) {
      v = v * radix + Character.digit(s.charAt(i), radix);
      if (v > Integer.MAX_VALUE + 1L) {
        return OptionalInt.empty();
      }
      i++;
    }
    if (i == start || i != s.length()) {
      return OptionalInt.empty();
    }
    long signed = negative ? -v : v;
    return signed > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) signed);
  }

  /**
   * A {@code [databases]} connection-string integer as PgBouncer's loader reads it: {@code atoi},
   * which takes the leading digits and gives 0 when there are none.
   */
  static int atoi(String value) {
    String s = value.stripLeading();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long v = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v <= Integer.MAX_VALUE) {
      v = v * 10 + (s.charAt(i) - '0');
      i++;
    }
    long signed = negative ? -v : v;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
  }
}
