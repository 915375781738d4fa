package dev.poolguard.core.docs;

import java.util.regex.Pattern;

/** Escaping for metadata prose, which is plain text and must render as written. */
final class Markdown {

  // Characters that open inline constructs anywhere: code, emphasis, links, HTML, strikethrough.
  private static final String INLINE = "\\`*[]<~";
  // A line that starts like a block (heading, quote, list, setext underline, thematic break).
  private static final Pattern BLOCK_START = Pattern.compile("^([#>+=-]|\\d+[.)])");
  private static final Pattern ENTITY = Pattern.compile("&(?=[A-Za-z#])");

  private Markdown() {}

  /** {@code prose} with every character that Markdown would interpret escaped, line by line. */
  static String text(String prose) {
    StringBuilder s = new StringBuilder(prose.length() + 16);
    String[] lines = prose.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        s.append('\n');
      }
      s.append(line(lines[i].strip()));
    }
    return s.toString();
  }

  /** A table cell: escaped text on one line, with pipes escaped too. */
  static String cell(String text) {
    return text(text.replace('\n', ' ')).replace("|", "\\|");
  }

  /** A fenced code block that no backtick run inside {@code code} can close. */
  static String fenced(String info, String code) {
    String fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
    return fence + info + "\n" + Wording.stripTrailingNewlines(code) + "\n" + fence + "\n";
  }

  private static String line(String line) {
    StringBuilder s = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (INLINE.indexOf(c) >= 0 || (c == '_' && atWordBoundary(line, i))) {
        s.append('\\');
      }
      s.append(c);
    }
    String escaped = ENTITY.matcher(s).replaceAll("\\\\&");
    var start = BLOCK_START.matcher(escaped);
    if (start.find()) {
      int marker = start.end() - 1;
      return escaped.substring(0, marker) + "\\" + escaped.substring(marker);
    }
    return escaped;
  }

  // An underscore inside a word (SPRING_DATASOURCE, wait_timeout) never starts emphasis.
  private static boolean atWordBoundary(String line, int i) {
    boolean before = i > 0 && Character.isLetterOrDigit(line.charAt(i - 1));
    boolean after = i + 1 < line.length() && Character.isLetterOrDigit(line.charAt(i + 1));
    return !(before && after);
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
