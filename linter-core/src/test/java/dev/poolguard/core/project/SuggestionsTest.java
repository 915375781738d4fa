package dev.poolguard.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
  void suggestsTheFullKeyForATruncatedOne() {
    assertThat(Suggestions.closest("maxConn", KEYS)).contains("maxConnections");
  }

  @Test
  void suggestsNothingWhenFar() {
    assertThat(Suggestions.closest("customRules", KEYS)).isEmpty();
    assertThat(Suggestions.closest("db", KEYS)).isEmpty();
  }

  @Test
  void levenshtein() {
    assertThat(Suggestions.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.levenshtein("", "abc")).isEqualTo(3);
    assertThat(Suggestions.levenshtein("same", "same")).isZero();
  }
}
