package dev.poolguard.core.model.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Profile expressions and placeholders written to exhaust the stack or the heap end as a malformed
 * expression or an unresolved value, never as a StackOverflowError or OutOfMemoryError.
 */
class HostileExpressionsTest {

  @Test
  void deepParenthesesAreMalformedNotAStackOverflow() {
    String deep = "(".repeat(100_000) + "prod" + ")".repeat(100_000);
    assertThatThrownBy(() -> ProfileExpression.parse(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile expression nested deeper than 64 levels");
    assertThatThrownBy(() -> ProfileExpression.parse("!".repeat(100_000) + "prod"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nestingUpToTheLimitStillWorks() {
    String deep = "(".repeat(64) + "prod" + ")".repeat(64);
    assertThat(ProfileExpression.parse(deep).test(Set.of("prod"))).isTrue();
  }

  @Test
  void longChainsAreEvaluatedWithoutDeepRecursion() {
    String chain = String.join(" & ", java.util.Collections.nCopies(200_000, "prod"));
    assertThat(ProfileExpression.parse(chain).test(Set.of("prod"))).isTrue();
    String alternatives =
        String.join(" | ", java.util.Collections.nCopies(200_000, "dev")) + " | prod";
    assertThat(ProfileExpression.parse(alternatives).test(Set.of("prod"))).isTrue();
  }

  @Test
  void deeplyNestedPlaceholderDefaultsAreUnresolvedNotAStackOverflow() {
    String deep = "${a:".repeat(100_000) + "1" + "}".repeat(100_000);
    Placeholders.Result result = Placeholders.resolve(deep, name -> Optional.empty());
    assertThat(result.unresolved()).contains("(circular placeholder)");
  }

  @Test
  void exponentiallyExpandingPlaceholdersStopAtTheBudget() {
    // p0 = ${p1}${p1}, p1 = ${p2}${p2}, ...: 2^24 copies if nothing stopped it.
    Map<String, String> values = new java.util.HashMap<>();
    for (int i = 0; i < 24; i++) {
      values.put("p" + i, "${p" + (i + 1) + "}${p" + (i + 1) + "}");
    }
    values.put("p24", "x".repeat(16));
    Placeholders.Result result =
        Placeholders.resolve("${p0}", name -> Optional.ofNullable(values.get(name)));
    assertThat(result.unresolved()).contains("(more than 10000 placeholder lookups)");
    // Few lookups, but long text: stopped by length.
    values.put("p12", "x".repeat(1 << 10)); // 2^12 lookups of 1 KiB each
    Placeholders.Result wide =
        Placeholders.resolve("${p0}", name -> Optional.ofNullable(values.get(name)));
    assertThat(wide.unresolved()).isPresent();
  }
}
