package dev.poolguard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "did you mean" policy, with the cases each of its former copies promised. */
class SuggestionsTest {

  private static final List<String> KEYS =
      List.of("load", "replicas", "database", "datasources", "maxConnections", "config");

  @Test
  void suggestsWithinTwoEdits() {
    assertThat(Suggestions.closest("lod", KEYS)).contains("load");
    assertThat(Suggestions.closest("replcias", KEYS)).contains("replicas");
  }

  @Test
  void suggestsTheCamelCaseFormOfKebabOrSnakeCase() {
    assertThat(Suggestions.closest("max-connections", KEYS)).contains("maxConnections");
    assertThat(Suggestions.closest("MAX_CONNECTIONS", KEYS)).contains("maxConnections");
  }

  @Test
  void suggestsTheFullKeyForATruncatedOrAbbreviatedOne() {
    assertThat(Suggestions.closest("maxConn", KEYS)).contains("maxConnections");
    assertThat(Suggestions.closest("MAXPOOLSIZE", List.of("maximum-pool-size", "max-lifetime")))
        .contains("maximum-pool-size");
  }

  @Test
  void suggestsNothingWhenFarOrEmpty() {
    assertThat(Suggestions.closest("customRules", KEYS)).isEmpty();
    assertThat(Suggestions.closest("db", KEYS)).isEmpty();
    assertThat(Suggestions.closest("", KEYS)).isEmpty();
    assertThat(Suggestions.closest("--", List.of("-b"))).isEmpty();
  }

  @Test
  void ranksByEditsThenAlphabeticallyAndLimits() {
    List<String> ids = List.of("pool-max-reduced", "pool-min-reduced", "pool-utilisation-high");
    assertThat(Suggestions.ranked("pool-mix-reduced", ids, 3))
        .containsExactly("pool-max-reduced", "pool-min-reduced");
    assertThat(Suggestions.ranked("pool-mix-reduced", ids, 1)).containsExactly("pool-max-reduced");
  }

  @Test
  void wordsTheSuggestion() {
    assertThat(Suggestions.didYouMean("sarf", List.of("sarif", "text")))
        .isEqualTo(" (did you mean 'sarif'?)");
    assertThat(Suggestions.didYouMean("zzzz", List.of("sarif", "text"))).isEmpty();
  }

  @Test
  void levenshtein() {
    assertThat(Similarity.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Similarity.editDistance("", "abc")).isEqualTo(3);
    assertThat(Similarity.editDistance("same", "same")).isZero();
  }
}
