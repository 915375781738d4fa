package dev.poolguard.core.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every occurrence of a set of strings with {@link Redaction#MASK}: an Aho-Corasick
 * automaton finds, in one pass, the longest value ending at each position, so the cost grows with
 * the text and the values, never with their product (a hostile value cannot make it quadratic).
 * Overlapping and adjacent occurrences merge into one mask.
 */
final class KnownValues {

  private final Node root = new Node(0);
  private final boolean empty;

  KnownValues(Set<String> values) {
    for (String v : values) {
      Node n = root;
      for (int i = 0; i < v.length(); i++) {
        int depth = n.depth + 1;
        n = n.next.computeIfAbsent(v.charAt(i), c -> new Node(depth));
      }
      n.longest = v.length();
    }
    this.empty = values.isEmpty();
    link();
  }

  /** Failure links, breadth first; each node learns the longest value that ends where it does. */
  private void link() {
    ArrayDeque<Node> queue = new ArrayDeque<>();
    root.fail = root;
    for (Node child : root.next.values()) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      n.longest = Math.max(n.longest, n.fail.longest);
      for (Map.Entry<Character, Node> e : n.next.entrySet()) {
        Node child = e.getValue();
        child.fail = step(n.fail, e.getKey());
        queue.add(child);
      }
    }
  }

  private Node step(Node from, char c) {
    Node n = from;
    while (true) {
      Node next = n.next.get(c);
      if (next != null) {
        return next;
      }
      if (n == root) {
        return root;
      }
      n = n.fail;
    }
  }

  String replace(String text) {
    if (empty || text.isEmpty()) {
      return text;
    }
    int n = text.length();
    // start[i]: where the longest value ending at i begins, or i + 1 when none ends there.
    int[] start = new int[n];
    boolean any = false;
    Node node = root;
    for (int i = 0; i < n; i++) {
      node = step(node, text.charAt(i));
      start[i] = i + 1 - node.longest;
      any |= node.longest > 0;
    }
    if (!any) {
      return text;
    }
    // Position p is covered when some occurrence ending at or after p starts at or before it.
    boolean[] covered = new boolean[n];
    int reach = Integer.MAX_VALUE;
    for (int i = n - 1; i >= 0; i--) {
      reach = Math.min(reach, start[i]);
      covered[i] = reach <= i;
      if (!covered[i]) {
        reach = Integer.MAX_VALUE;
      }
    }
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      if (!covered[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !covered[i - 1]) {
        out.append(Redaction.MASK);
      }
    }
    return out.toString();
  }

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    final int depth;
    Node fail;
    int longest;

    Node(int depth) {
      this.depth = depth;
    }
  }
}
