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
}
