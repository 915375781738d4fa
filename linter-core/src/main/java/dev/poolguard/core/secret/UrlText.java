package dev.poolguard.core.secret;

/** Character scans over a URL inside a line of text, for {@link Secrets}' shapes. */
final class UrlText {

  private UrlText() {}

  static boolean isHttp(String text, int slashes) {
    return text.regionMatches(true, slashes - 5, "http:", 0, 5)
        || text.regionMatches(true, slashes - 6, "https:", 0, 6);
  }

  static boolean isUser(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == ';' || c == '@' || c == '[') {
        return false;
      }
    }
    return true;
  }

  static int urlEnd(String text, int start) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
        break;
      }
      i++;
    }
    return i;
  }

  /** The first {@code c} in {@code [start, end)}, or -1. */
  static int indexIn(String text, char c, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The last {@code c} in {@code [start, end)}, or -1. */
  static int lastIndexIn(String text, char c, int start, int end) {
    for (int i = end - 1; i >= start; i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
