package dev.poolguard.core.model.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileExpressionTest {

  @ParameterizedTest
  @CsvSource({
    "prod, prod, true",
    "!prod, prod, false",
    "!prod, dev, true",
    "prod & eu, prod eu, true",
    "prod & eu, prod, false",
    "prod | eu, eu, true",
    "(prod | staging) & !eu, staging, true",
    "(prod | staging) & !eu, staging eu, false",
    "!!prod, prod, true"
  })
  void evaluatesAsSpringDoes(String expression, String active, boolean expected) {
    assertThat(ProfileExpression.parse(expression).test(Set.of(active.split(" "))))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod & eu | us", "(prod", "prod &", "", "& prod"})
  void rejectsMalformedExpressions(String expression) {
    assertThatThrownBy(() -> ProfileExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
