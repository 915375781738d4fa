package dev.poolguard.core.model;

import java.util.OptionalLong;

/**
 * Number parsing as Spring's {@code NumberUtils.parseNumber} does it for {@code long} targets:
 * every white-space character removed, hex through {@code Long.decode} (only {@code -} may precede
 * {@code 0x} or {@code #}), else {@code Long.parseLong}. Checked against Spring's Binder in the
 * rules module's cross-check tests.
 */
final class Numbers {

  private Numbers() {}

  static OptionalLong parseLong(String text) {
    StringBuilder compact = new StringBuilder(text.length());
    text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(compact::appendCodePoint);
    String t = compact.toString();
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    int index = t.startsWith("-") ? 1 : 0;
    try {
      if (t.startsWith("0x", index) || t.startsWith("0X", index) || t.startsWith("#", index)) {
        return OptionalLong.of(Long.decode(t));
      }
      return OptionalLong.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
