package dev.poolguard.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" policy, for every catalogue and command: rule ids, thresholds, formats,
 * options and subcommands, poolguard.yaml keys and values, pool property keys.
 *
 * <p>Names are compared in a uniform form, lower-case letters and digits only, so that {@code
 * max-connections}, {@code MAX_CONNECTIONS} and {@code maxConnections} are the same name. A
 * candidate is suggested when it is a few edits away (at most two, or a third of the shorter name),
 * or when the typed name abbreviates or truncates it keeping its letters in order ({@code
 * maxpoolsize} for {@code maximumpoolsize}, {@code maxConn} for {@code maxConnections}; four
 * letters or more). The fewest edits win; ties go to the alphabetically first.
 */
public final class Suggestions {

  private static final int FAR = Integer.MAX_VALUE;

  private Suggestions() {}

  /** The best candidate for {@code typed}, if any is close enough to be a likely typo. */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    return ranked(typed, candidates, 1).stream().findFirst();
  }

  /** Up to {@code max} candidates close enough to {@code typed}, best first. */
  public static List<String> ranked(String typed, Collection<String> candidates, int max) {
    String wanted = uniform(typed);
    if (wanted.isEmpty() || max <= 0) {
      return List.of();
    }
    record Candidate(String name, int distance) {}
    return candidates.stream()
        .distinct()
        .map(c -> new Candidate(c, distance(wanted, uniform(c))))
        .filter(c -> c.distance() != FAR)
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .limit(max)
        .map(Candidate::name)
        .toList();
  }

  /** {@code " (did you mean 'x'?)"} or an empty string. */
  public static String didYouMean(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(Suggestions::phrase).orElse("");
  }

  /** {@code " (did you mean 'x'?)"}: how a suggestion is worded after a message. */
  public static String phrase(String suggestion) {
    return " (did you mean '" + suggestion + "'?)";
  }

  /** Edits between uniform forms, or {@link #FAR} when not close enough to suggest. */
  private static int distance(String wanted, String candidate) {
    int edits = Similarity.editDistance(wanted, candidate);
    if (edits <= Math.max(2, Math.min(wanted.length(), candidate.length()) / 3)) {
      return edits;
    }
    // Short inputs are subsequences of too many names to mean anything.
    return wanted.length() >= 4 && isSubsequence(wanted, candidate) ? edits : FAR;
  }

  /** Lower-case ASCII letters and digits only: the form names are compared in. */
  static String uniform(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
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
