package dev.poolguard.core.report;

import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.text.Escapes;

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
    return Escapes.xml(redacted);
  }

  /** An attribute value: as {@link #escape}, with newlines and tabs as character references. */
  static String attr(String text) {
    return escape(text).replace("\n", "&#10;").replace("\t", "&#9;");
  }
}
