package dev.poolguard.core.report;

import dev.poolguard.core.text.Escapes;

/**
 * Text from inputs made harmless for a terminal or a CI log: escape sequences and other control
 * characters, bidirectional overrides (which reorder what a reviewer sees) and lone surrogates are
 * shown as visible {@code \u001b}-style escapes (U+FFFD for a lone surrogate) instead of acting.
 * The reports' name for {@link Escapes}' terminal escaping.
 */
final class Terminal {

  private Terminal() {}

  /** Neutralised text that keeps its line breaks and tabs. */
  static String neutral(String text) {
    return Escapes.terminal(text);
  }

  /** Neutralised text on one line: line breaks and tabs become spaces. */
  static String oneLine(String text) {
    return Escapes.terminalLine(text);
  }
}
