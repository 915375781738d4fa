package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlineIgnoresTest {

  private static List<InlineIgnores.Comment> yaml(String text) {
    return InlineIgnores.scan("a.yml", text, false);
  }

  @Test
  void endOfLineCoversItsLineAndAloneCoversTheNextNonCommentLine() {
    List<InlineIgnores.Comment> found =
        yaml(
            "a: 1  # poolguard:ignore x-rule -- why\n"
                + "# poolguard:ignore y-rule, z-rule\n"
                + "# another comment\n"
                + "b: 2\n");
    assertThat(found).hasSize(2);
    assertThat(found.get(0).line()).isEqualTo(1);
    assertThat(found.get(0).position().column()).isEqualTo(7);
    assertThat(found.get(0).reason()).contains("why");
    assertThat(found.get(1).line()).isEqualTo(4);
    assertThat(found.get(1).ruleIds()).containsExactly("y-rule", "z-rule");
    assertThat(found.get(1).reason()).isEmpty();
  }

  @Test
  void aloneAboveASequenceItemCoversTheWholeItem() {
    List<InlineIgnores.Comment> found =
        yaml(
            "env:\n"
                + "  # poolguard:ignore r -- the sidecar reads it\n"
                + "  - name: A\n"
                + "\n"
                + "    # a comment inside the item\n"
                + "    value: \"1\"\n"
                + "  - name: B  # poolguard:ignore s -- only this line\n"
                + "    value: \"2\"\n"
                + "# poolguard:ignore t -- a key, not an item\n"
                + "other:\n"
                + "  x: 1\n");
    assertThat(found)
        .extracting(c -> c.ruleIds().get(0) + " " + c.line() + "-" + c.lastLine())
        .containsExactly("r 3-6", "s 7-7", "t 10-10");
    assertThat(found.get(0).covers(6)).isTrue();
    assertThat(found.get(0).covers(7)).isFalse();
  }

  @Test
  void aHashInsideQuotesOrAWordIsNoComment() {
    assertThat(yaml("a: \"x # poolguard:ignore r -- y\"\nb: 'it''s # poolguard:ignore r'\n"))
        .isEmpty();
    assertThat(yaml("a: x#poolguard:ignore r -- y\n")).isEmpty();
    assertThat(yaml("a: it's # poolguard:ignore r -- y\n")).hasSize(1);
  }

  @Test
  void propertiesKnowOnlyTheLineAboveAndSkipContinuations() {
    List<InlineIgnores.Comment> found =
        InlineIgnores.scan(
            "a.properties",
            "a=1 # poolguard:ignore r -- y\n"
                + "! poolguard:ignore r -- y\n"
                + "b=long \\\n"
                + "# poolguard:ignore s -- this line continues b\n"
                + "c=3\n",
            true);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).line()).isEqualTo(3);
  }

  @Test
  void theReasonFollowsTwoDashesAndMayBeEmpty() {
    assertThat(InlineIgnores.parse(at(), "# poolguard:ignore r --   ").get().reason()).isEmpty();
    assertThat(InlineIgnores.parse(at(), "#poolguard:ignore r -- a -- b").get().reason())
        .isEqualTo(Optional.of("a -- b"));
    assertThat(InlineIgnores.parse(at(), "# poolguard:ignored r")).isEmpty();
    assertThat(InlineIgnores.parse(at(), "# poolguard:ignore -- why").get().ruleIds()).isEmpty();
  }

  private static dev.poolguard.core.config.SourcePosition at() {
    return new dev.poolguard.core.config.SourcePosition("a.yml", 1, 1);
  }
}
