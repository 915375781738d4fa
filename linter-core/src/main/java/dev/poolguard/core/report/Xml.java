package dev.poolguard.core.report;

import dev.poolguard.core.model.Redaction;

/** Escaping for the XML and HTML reports: text and attribute values, never markup. */
final class Xml {

  private Xml() {}

  /**
   * Escapes {@code <>&"'} and drops the characters XML 1.0 cannot hold at all (control characters
   * other than tab and newline, lone surrogates), so configuration text never breaks a parser.
   * Secret shapes (URL passwords) are masked on the way.
   */
  static String escape(String text) {
    return escapeOnly(Redaction.redactText(text));
  }

  /** As {@link #escape}, without masking: for the escaped forms of known secrets. */
  static String escapeOnly(String redacted) {
    StringBuilder s = new StringBuilder(redacted.length() + 16);
    for (int i = 0; i < redacted.length(); i++) {
      char c = redacted.charAt(i);
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        case '\t', '\n' -> s.append(c);
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < redacted.length()
              && Character.isLowSurrogate(redacted.charAt(i + 1))) {
            s.append(c).append(redacted.charAt(++i));
          } else if (Terminal.invisibleControl(c)) {
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

  /** An attribute value: as {@link #escape}, with newlines and tabs as character references. */
  static String attr(String text) {
    return escape(text).replace("\n", "&#10;").replace("\t", "&#9;");
  }
}
