package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** $(VAR) references that double the text at every step stop at a bound. */
class ExpansionLimitsTest {

  @Test
  void textBeyondTheBoundIsUnknownInsteadOfGrowing() {
    String big = "x".repeat(Expansion.MAX_LENGTH / 2 + 1);
    Expansion.Result result =
        Expansion.expand(
            "$(BIG)$(BIG)", name -> Optional.of(new Expansion.Ref(big, Optional.empty())));
    assertThat(result.unknown()).isPresent();
    assertThat(result.unknown().get().name()).contains("expands beyond 1048576 characters");
    assertThat(result.text().length()).isLessThanOrEqualTo(Expansion.MAX_LENGTH);
  }

  @Test
  void manyValuesTogetherStopAtTheContainersBound() {
    String big = "x".repeat(Expansion.MAX_LENGTH / 2);
    Expansion.Budget budget = new Expansion.Budget();
    int known = 0;
    for (int i = 0; i < 1000; i++) {
      Expansion.Result r =
          Expansion.expand(
              "$(BIG)", name -> Optional.of(new Expansion.Ref(big, Optional.empty())), budget);
      if (r.unknown().isEmpty()) {
        known++;
      } else {
        assertThat(r.unknown().get().name()).contains("expansions pass 4194304 characters");
        assertThat(r.text()).isEmpty();
      }
    }
    assertThat(known).isEqualTo(Expansion.MAX_TOTAL_LENGTH / big.length());
    assertThat(budget.exhausted()).isTrue();
  }
}
