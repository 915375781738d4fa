package dev.poolguard.core.text;

/** String similarity for "did you mean" suggestions, shared by every catalogue and command. */
public final class Similarity {

  private Similarity() {}

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Whether {@code wanted} plausibly meant {@code candidate}: a few edits away, or an abbreviation
   * that keeps the candidate's letters in order ({@code maxpoolsize} for {@code maximumpoolsize}).
   */
  public static boolean isPlausibleTypo(String wanted, String candidate, int distance) {
    if (distance <= Math.max(2, Math.min(wanted.length(), candidate.length()) / 3)) {
      return true;
    }
    // Short inputs are subsequences of too many keys to mean anything.
    return wanted.length() >= 4 && isSubsequence(wanted, candidate);
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int i = 0;
    for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
      if (shorter.charAt(i) == longer.charAt(j)) {
        i++;
      }
    }
    return i == shorter.length();
  }
}
