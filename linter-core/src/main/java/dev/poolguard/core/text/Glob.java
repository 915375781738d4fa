package dev.poolguard.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A path glob with the syntax of Java's {@code glob:} path matchers on Unix ({@code *}, {@code **},
 * {@code ?}, {@code [a-z]}, {@code [!a-z]}, {@code {a,b}}, {@code \} escapes), matched in time
 * linear in the path for a given pattern: the pattern becomes a small automaton whose states are
 * followed all at once, so no input makes it backtrack (Java's matcher compiles to a backtracking
 * regular expression, and {@code *a*a*a*a*b} against a long name of {@code a}s takes forever).
 *
 * <p>{@code *} and {@code ?} never cross a {@code /}; {@code **} does; a class never matches {@code
 * /}.
 */
public final class Glob {

  /** Thrown for a pattern that is not a valid glob; the message says why, as Java's does. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message, String pattern, int index) {
      super(message);
    }
  }

  private static final int LITERAL = 0;
  private static final int ANY = 1; // ? : one character but '/'
  private static final int CLASS = 2; // [...] : one character of a set, never '/'
  private static final int STAR = 3; // * : loops on characters but '/'
  private static final int DEEP_STAR = 4; // ** : loops on every character
  private static final int SPLIT = 5; // { : epsilon to each alternative
  private static final int JUMP = 6; // , or } : epsilon to the state after the group
  private static final int ACCEPT = 7;

  private final String pattern;
  private final int[] kind;
  private final int[] literal; // code points
  private final int[][] ranges; // CLASS: pairs of low/high code points
  private final boolean[] negated;
  private final int[] next; // the following state (JUMP: the state after the group)
  private final int[][] alternatives; // SPLIT: the first state of each alternative

  private Glob(String pattern, Builder b) {
    this.pattern = pattern;
    int n = b.kind.size();
    kind = new int[n];
    literal = new int[n];
    ranges = new int[n][];
    negated = new boolean[n];
    next = new int[n];
    alternatives = new int[n][];
    for (int i = 0; i < n; i++) {
      kind[i] = b.kind.get(i);
      literal[i] = b.literal.get(i);
      ranges[i] = b.ranges.get(i);
      negated[i] = b.negated.get(i);
      next[i] = b.next.get(i);
      alternatives[i] = b.alternatives.get(i);
    }
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws SyntaxException for a pattern Java's glob matcher would also refuse
   */
  public static Glob compile(String pattern) {
    return new Builder(pattern).build();
  }

  /** Whether {@code pattern} uses any glob syntax, or names a path as it is. */
  public static boolean hasSyntax(String pattern) {
    return pattern.chars().anyMatch(ch -> "*?[{\\".indexOf(ch) >= 0);
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /** Whether the whole of {@code path} (separated by {@code /}) matches. */
  public boolean matches(String path) {
    int n = kind.length;
    boolean[] current = new boolean[n];
    boolean[] following = new boolean[n];
    int[] stack = new int[n];
    add(0, current, stack);
    // One step per code point, as Java's matcher reads a supplementary character as one.
    for (int at = 0; at < path.length(); at += Character.charCount(path.codePointAt(at))) {
      int c = path.codePointAt(at);
      java.util.Arrays.fill(following, false);
      boolean any = false;
      for (int s = 0; s < n; s++) {
        if (!current[s]) {
          continue;
        }
        switch (kind[s]) {
          case LITERAL -> {
            if (literal[s] == c) {
              any |= add(next[s], following, stack);
            }
          }
          case ANY -> {
            if (c != '/') {
              any |= add(next[s], following, stack);
            }
          }
          case CLASS -> {
            if (c != '/' && inClass(s, c) != negated[s]) {
              any |= add(next[s], following, stack);
            }
          }
          case STAR -> {
            if (c != '/') {
              any |= add(s, following, stack);
            }
          }
          case DEEP_STAR -> any |= add(s, following, stack);
          default -> {
            // SPLIT, JUMP and ACCEPT consume nothing.
          }
        }
      }
      if (!any) {
        return false;
      }
      boolean[] swap = current;
      current = following;
      following = swap;
    }
    return current[n - 1];
  }

  private boolean inClass(int state, int c) {
    int[] r = ranges[state];
    for (int i = 0; i < r.length; i += 2) {
      if (c >= r[i] && c <= r[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code state} and every state reachable from it without consuming a character. */
  private boolean add(int state, boolean[] set, int[] stack) {
    if (set[state]) {
      return true;
    }
    int top = 0;
    set[state] = true;
    stack[top++] = state;
    while (top > 0) {
      int s = stack[--top];
      switch (kind[s]) {
        case STAR, DEEP_STAR, JUMP -> top = push(next[s], set, stack, top);
        case SPLIT -> {
          for (int a : alternatives[s]) {
            top = push(a, set, stack, top);
          }
        }
        default -> {
          // A state that consumes a character, or the end.
        }
      }
    }
    return true;
  }

  private static int push(int state, boolean[] set, int[] stack, int top) {
    if (!set[state]) {
      set[state] = true;
      stack[top++] = state;
    }
    return top;
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** Parses a pattern into states; each state's {@code next} is the one after it unless set. */
  private static final class Builder {
    private final String pattern;
    private final List<Integer> kind = new ArrayList<>();
    private final List<Integer> literal = new ArrayList<>();
    private final List<int[]> ranges = new ArrayList<>();
    private final List<Boolean> negated = new ArrayList<>();
    private final List<Integer> next = new ArrayList<>();
    private final List<int[]> alternatives = new ArrayList<>();

    Builder(String pattern) {
      this.pattern = pattern;
    }

    Glob build() {
      int i = 0;
      int groupSplit = -1;
      List<Integer> groupStarts = new ArrayList<>();
      List<Integer> groupJumps = new ArrayList<>();
      while (i < pattern.length()) {
        int c = pattern.codePointAt(i);
        i += Character.charCount(c);
        switch (c) {
          case '\\' -> {
            if (i == pattern.length()) {
              throw new SyntaxException("No character to escape", pattern, i - 1);
            }
            int escaped = pattern.codePointAt(i);
            i += Character.charCount(escaped);
            state(LITERAL, escaped, null, false);
          }
          case '*' -> {
            if (i < pattern.length() && pattern.charAt(i) == '*') {
              i++;
              state(DEEP_STAR, '\0', null, false);
            } else {
              state(STAR, '\0', null, false);
            }
          }
          case '?' -> state(ANY, '\0', null, false);
          case '[' -> i = bracket(i);
          case '{' -> {
            if (groupSplit >= 0) {
              throw new SyntaxException("Cannot nest groups", pattern, i - 1);
            }
            groupSplit = state(SPLIT, '\0', null, false);
            groupStarts.clear();
            groupJumps.clear();
            groupStarts.add(kind.size());
          }
          case ',' -> {
            if (groupSplit >= 0) {
              groupJumps.add(state(JUMP, '\0', null, false));
              groupStarts.add(kind.size());
            } else {
              state(LITERAL, c, null, false);
            }
          }
          case '}' -> {
            if (groupSplit >= 0) {
              groupJumps.add(state(JUMP, '\0', null, false));
              int after = kind.size();
              for (int jump : groupJumps) {
                next.set(jump, after);
              }
              alternatives.set(
                  groupSplit, groupStarts.stream().mapToInt(Integer::intValue).toArray());
              groupSplit = -1;
            } else {
              state(LITERAL, c, null, false);
            }
          }
          default -> state(LITERAL, c, null, false);
        }
      }
      if (groupSplit >= 0) {
        throw new SyntaxException("Missing '}'", pattern, pattern.length() - 1);
      }
      state(ACCEPT, '\0', null, false);
      return new Glob(pattern, this);
    }

    /** Parses a class after its '[', as Java's glob does, returning the index after ']'. */
    private int bracket(int i) {
      List<Integer> pairs = new ArrayList<>();
      boolean not = false;
      if (next(i) == '^') {
        pairs.add((int) '^');
        pairs.add((int) '^');
        i++;
      } else {
        if (next(i) == '!') {
          not = true;
          i++;
        }
        if (next(i) == '-') {
          pairs.add((int) '-');
          pairs.add((int) '-');
          i++;
        }
      }
      boolean hasRangeStart = false;
      int last = 0;
      int c = 0;
      while (i < pattern.length()) {
        c = pattern.codePointAt(i);
        i += Character.charCount(c);
        if (c == ']') {
          if (pairs.isEmpty()) {
            // Java's matcher turns "[]" and "[!]" into a regular expression that does not compile.
            throw new SyntaxException("Unclosed character class", pattern, i - 1);
          }
          break;
        }
        if (c == '/') {
          throw new SyntaxException("Explicit 'name separator' in class", pattern, i - 1);
        }
        if (c == '-') {
          if (!hasRangeStart) {
            throw new SyntaxException("Invalid range", pattern, i - 1);
          }
          c = next(i);
          i += c == EOL ? 1 : Character.charCount(c);
          if (c == EOL || c == ']') {
            pairs.add((int) '-');
            pairs.add((int) '-');
            break;
          }
          // Java's matcher checks a range char by char (the start's last UTF-16 unit against the
          // end's first), then its regular expression reads it by code points: both must hold.
          char lastUnit = Character.toChars(last)[Character.charCount(last) - 1];
          char firstUnit = Character.toChars(c)[0];
          if (firstUnit < lastUnit || c < last) {
            throw new SyntaxException("Invalid range", pattern, i - 3);
          }
          if (c == '\\' || c == '[') {
            // Java's matcher copies a range's end unescaped: "[a-\\]" and "[a-[]" never close.
            throw new SyntaxException("Unclosed character class", pattern, i - 1);
          }
          pairs.set(pairs.size() - 1, c);
          hasRangeStart = false;
        } else {
          pairs.add(c);
          pairs.add(c);
          hasRangeStart = true;
          last = c;
        }
      }
      if (c != ']') {
        throw new SyntaxException("Missing ']", pattern, i - 1);
      }
      state(CLASS, '\0', pairs.stream().mapToInt(Integer::intValue).toArray(), not);
      return i;
    }

    private static final int EOL = 0;

    private int next(int i) {
      return i < pattern.length() ? pattern.codePointAt(i) : EOL;
    }

    private int state(int k, int c, int[] set, boolean not) {
      int index = kind.size();
      kind.add(k);
      literal.add(c);
      ranges.add(set);
      negated.add(not);
      next.add(index + 1);
      alternatives.add(null);
      return index;
    }
  }
}
