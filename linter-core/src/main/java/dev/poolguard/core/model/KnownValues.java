package dev.poolguard.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every occurrence of a set of strings with {@link Redaction#MASK}, leftmost-longest, in
 * one pass over a prefix tree: the cost grows with the text, not with the number of secrets.
 */
final class KnownValues {

  private final Node root = new Node();
  private final boolean empty;

  KnownValues(Set<String> values) {
    for (String v : values) {
      Node n = root;
      for (int i = 0; i < v.length(); i++) {
        n = n.next.computeIfAbsent(v.charAt(i), c -> new Node());
      }
      n.end = true;
    }
    this.empty = values.isEmpty();
  }

  String replace(String text) {
    if (empty) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int end = longestMatch(text, i);
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i).append(Redaction.MASK);
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The end of the longest value starting at {@code start}, or -1. */
  private int longestMatch(String text, int start) {
    Node n = root;
    int found = -1;
    for (int i = start; i < text.length(); i++) {
      n = n.next.get(text.charAt(i));
      if (n == null) {
        break;
      }
      if (n.end) {
        found = i + 1;
      }
    }
    return found;
  }

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    boolean end;
  }
}
