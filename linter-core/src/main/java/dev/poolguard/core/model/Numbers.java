package dev.poolguard.core.model;

import java.util.OptionalLong;

/** Number parsing as Spring's {@code NumberUtils.parseNumber} does it for {@code long} targets. */
final class Numbers {

  private Numbers() {}

  static OptionalLong parseLong(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    boolean negative = t.startsWith("-");
    int index = negative || t.startsWith("+") ? 1 : 0;
    try {
      if (t.startsWith("0x", index) || t.startsWith("0X", index)) {
        long v = Long.parseLong(t.substring(index + 2), 16);
        return OptionalLong.of(negative ? -v : v);
      }
      if (t.startsWith("#", index)) {
        long v = Long.parseLong(t.substring(index + 1), 16);
        return OptionalLong.of(negative ? -v : v);
      }
      return OptionalLong.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
