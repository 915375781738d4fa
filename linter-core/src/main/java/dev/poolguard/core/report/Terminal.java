package dev.poolguard.core.report;

/**
 * Text from inputs made harmless for a terminal or a CI log: escape sequences and other control
 * characters, bidirectional overrides (which reorder what a reviewer sees) and lone surrogates are
 * shown as visible {@code \u001b}-style escapes (U+FFFD for a lone surrogate) instead of acting.
 */
public final class Terminal {

  private Terminal() {}

  /** Neutralised text that keeps its line breaks and tabs. */
  public static String neutral(String text) {
    return neutralise(text, false);
  }

  /** Neutralised text on one line: line breaks and tabs become spaces. */
  public static String oneLine(String text) {
    return neutralise(text, true);
  }

  private static String neutralise(String text, boolean oneLine) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (c == '\n' || c == '\t' || (c == '\r' && oneLine)) {
        replacement = oneLine ? " " : null;
      } else if (Character.isISOControl(c) || invisibleControl(c)) {
        replacement = String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (s != null) {
          s.append(c);
        }
        i++;
        c = text.charAt(i);
      } else if (Character.isSurrogate(c)) {
        replacement = "\uFFFD";
      }
      if (replacement != null && s == null) {
        s = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (s != null) {
        if (replacement != null) {
          s.append(replacement);
        } else {
          s.append(c);
        }
      }
    }
    return s == null ? text : s.toString();
  }

  /** Bidirectional embeddings, overrides and isolates; line and paragraph separators. */
  static boolean invisibleControl(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F';
  }
}
