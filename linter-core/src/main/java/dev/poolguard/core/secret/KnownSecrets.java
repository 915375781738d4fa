package dev.poolguard.core.secret;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The secret values a run has read, masked wherever they occur: replaces every occurrence with
 * {@link Secrets#MASK}. An Aho-Corasick automaton finds, in one pass, the longest value ending at
 * each position, so the cost grows with the text and the values, never with their product (a
 * hostile value cannot make it quadratic). Overlapping and adjacent occurrences merge into one
 * mask. A short value made only of letters, digits and {@code _} (a word such as {@code postgres})
 * is masked where it stands as a word of its own, not inside a longer one: a compose file's {@code
 * POSTGRES_PASSWORD: postgres} must not turn {@code postgresql.conf} into {@code ******ql.conf}.
 */
public final class KnownSecrets {

  /**
   * Known values shorter than this, and short numbers or booleans, are masked only where their
   * shape shows them (a secret key, a URL): replacing every {@code 10} or {@code true} in a report
   * would hide settings that are not secret.
   */
  static final int MIN_KNOWN_LENGTH = 4;

  /** Word-like values at least this long are masked inside longer words too. */
  static final int WHOLE_WORD_BELOW = 16;

  private static final KnownSecrets NONE = new KnownSecrets(Set.of());
  private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("\\$[{(][^{}()]*[})]");
  private static final Pattern TRIVIAL =
      Pattern.compile("[0-9]{1,6}|true|false|yes|no|on|off|null|none", Pattern.CASE_INSENSITIVE);

  private final Set<String> values;
  private final Node root = new Node(0);
  private final boolean empty;

  /** No known values. */
  public static KnownSecrets none() {
    return NONE;
  }

  /**
   * {@code secretValues} to be masked wherever they occur. Values that are too short or too common
   * to replace everywhere, and bare placeholders, are dropped; multi-line values count line by line
   * too, because excerpts show them a line at a time.
   */
  public static KnownSecrets of(Collection<String> secretValues) {
    Set<String> kept = new TreeSet<>();
    for (String v : secretValues) {
      addKnown(v, kept);
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        for (String line : v.split("\r\n|\r|\n")) {
          addKnown(line, kept);
        }
      }
    }
    return kept.isEmpty() ? NONE : new KnownSecrets(kept);
  }

  private static void addKnown(String value, Set<String> into) {
    String v = value.strip();
    if (v.length() >= MIN_KNOWN_LENGTH
        && !TRIVIAL.matcher(v).matches()
        && !PLACEHOLDER_ONLY.matcher(v).matches()
        && !v.equals(Secrets.MASK)) {
      into.add(v);
    }
  }

  /** These values and {@code other}'s together. */
  public KnownSecrets and(KnownSecrets other) {
    if (other.values.isEmpty()) {
      return this;
    }
    if (values.isEmpty()) {
      return other;
    }
    Set<String> all = new TreeSet<>(values);
    all.addAll(other.values);
    return new KnownSecrets(all);
  }

  /** The values, sorted. */
  public List<String> values() {
    return List.copyOf(new TreeSet<>(values));
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return empty;
  }

  private KnownSecrets(Set<String> values) {
    this.values = Set.copyOf(values);
    for (String v : values) {
      Node n = root;
      for (int i = 0; i < v.length(); i++) {
        int depth = n.depth + 1;
        n = n.next.computeIfAbsent(v.charAt(i), c -> new Node(depth));
      }
      if (wholeWordOnly(v)) {
        n.longestWord = v.length();
      } else {
        n.longest = v.length();
      }
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
      n.longestWord = Math.max(n.longestWord, n.fail.longestWord);
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

  /** {@code text} with every occurrence of a value masked; adjacent ones merge into one mask. */
  public String replace(String text) {
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
      // Only the longest word-like value ending here can stand alone: a shorter one ending here
      // starts inside it, after a word character.
      int word = node.longestWord;
      if (word > 0 && !wordChar(text, i - word) && !wordChar(text, i + 1)) {
        start[i] = Math.min(start[i], i + 1 - word);
      }
      any |= start[i] <= i;
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
        out.append(Secrets.MASK);
      }
    }
    return out.toString();
  }

  /** A short value of word characters only: masked where it is a word of its own. */
  private static boolean wholeWordOnly(String v) {
    if (v.length() >= WHOLE_WORD_BELOW) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (!wordChar(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordChar(String text, int at) {
    return at >= 0 && at < text.length() && wordChar(text.charAt(at));
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KnownSecrets other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.size() + " known values";
  }

  private static final class Node {
    final Map<Character, Node> next = new HashMap<>();
    final int depth;
    Node fail;
    int longest;
    int longestWord;

    Node(int depth) {
      this.depth = depth;
    }
  }
}
