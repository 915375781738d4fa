package dev.poolguard.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /** The closest candidate within a small edit distance, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> distance(w, c.toLowerCase(Locale.ROOT)) <= Math.max(2, w.length() / 3))
        .min(
            Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
                .thenComparing(c -> c));
  }

  /** {@code " (did you mean 'x'?)"} or an empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  static int distance(String a, String b) {
    return Similarity.editDistance(a, b);
  }
}
