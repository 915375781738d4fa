package dev.poolguard.core.project;

import dev.poolguard.core.text.Similarity;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for mistyped keys and values. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, when it is close enough to be a likely typo: at most
   * two edits apart, one a prefix of the other, or equal but for case, dashes and underscores
   * ({@code max-connections} for {@code maxConnections}). Ties go to the alphabetically first.
   */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(typed, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
  }

  /** A likeness score (lower is closer), or {@link Integer#MAX_VALUE} when too far to suggest. */
  private static int distance(String typed, String candidate) {
    String a = normalise(typed);
    String b = normalise(candidate);
    if (a.equals(b)) {
      return 0;
    }
    int edits = levenshtein(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
    if (edits <= 2) {
      return edits;
    }
    // A truncated key ("maxConn") is a likely typo even when many characters are missing.
    boolean prefix = Math.min(a.length(), b.length()) >= 3 && (a.startsWith(b) || b.startsWith(a));
    return prefix ? edits : Integer.MAX_VALUE;
  }

  private static String normalise(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  static int levenshtein(String a, String b) {
    return Similarity.editDistance(a, b);
  }
}
