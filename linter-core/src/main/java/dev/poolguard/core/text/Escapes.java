package dev.poolguard.core.text;

/**
 * The escapings outputs apply to text from inputs, in one place below every output: the reports use
 * them, and the secret masking (which must find a secret in each form a report may have written it)
 * uses the same ones.
 */
public final class Escapes {

  private Escapes() {}

  /**
   * Text made harmless for a terminal or a CI log, line breaks and tabs kept: escape sequences and
   * other control characters, bidirectional overrides (which reorder what a reviewer sees) and lone
   * surrogates are shown as visible {@code \u001b}-style escapes (U+FFFD for a lone surrogate)
   * instead of acting.
   */
  public static String terminal(String text) {
    return neutralise(text, false);
  }

  /** As {@link #terminal}, on one line: line breaks and tabs become spaces. */
  public static String terminalLine(String text) {
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
  public static boolean invisibleControl(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F';
  }

  /**
   * Escapes {@code <>&"'} and drops the characters XML 1.0 cannot hold at all (control characters
   * other than tab and newline, lone surrogates), so configuration text never breaks a parser.
   */
  public static String xml(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        case '\t', '\n' -> s.append(c);
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            s.append(c).append(text.charAt(++i));
          } else if (invisibleControl(c)) {
            // A bidirectional override would reorder what a reviewer reads: shown, not obeyed.
            s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else if (c < 0x20
              || Character.isSurrogate(c)
              || c == 0xFFFE
              || c == 0xFFFF
              || (c >= 0x7F && c <= 0x9F)) {
            s.append(' ');
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }

  /** Markdown text on one line, every character Markdown or HTML would act on escaped. */
  public static String markdown(String raw) {
    String t = terminalLine(raw);
    StringBuilder s = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> s.append('\\').append(c);
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
