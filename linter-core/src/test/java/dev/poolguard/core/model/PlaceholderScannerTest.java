package dev.poolguard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The placeholder syntax Spring and Quarkus share. */
class PlaceholderScannerTest {

  private static final Map<String, String> VALUES =
      Map.of("a", "1", "b", "${a}0", "name", "a", "pool.max", "12");

  private static PlaceholderScanner.Result expand(String text, String noun) {
    Function<String, Optional<PlaceholderScanner.Found>> lookup =
        n -> Optional.ofNullable(VALUES.get(n)).map(PlaceholderScanner.Found::text);
    return PlaceholderScanner.expand(text, lookup, noun);
  }

  @Test
  void nestedComposedDefaultsAndEscapes() {
    assertThat(expand("${b}", "placeholder").text()).isEqualTo("10");
    assertThat(expand("${${name}}", "placeholder").text()).isEqualTo("1");
    assertThat(expand("${missing:${pool.max}}", "expression").text()).isEqualTo("12");
    assertThat(expand("x${a}y${a}", "placeholder").text()).isEqualTo("x1y1");
    assertThat(expand("\\${a}", "placeholder").text()).isEqualTo("${a}");
    assertThat(expand("${a", "placeholder").text()).isEqualTo("${a");
  }

  @Test
  void theFirstNameNothingExpandsMakesItUnknown() {
    PlaceholderScanner.Result r = expand("${a}${missing}", "placeholder");
    assertThat(r.unknown()).map(Value.Unknown::name).contains("missing");
  }

  @Test
  void limitsAreNamedInTheFrameworksWords() {
    Map<String, String> loop = Map.of("x", "${x}");
    Function<String, Optional<PlaceholderScanner.Found>> lookup =
        n -> Optional.ofNullable(loop.get(n)).map(PlaceholderScanner.Found::text);
    assertThat(PlaceholderScanner.expand("${x}", lookup, "placeholder").unknown())
        .map(Value.Unknown::name)
        .contains("(circular placeholder)");
    assertThat(PlaceholderScanner.expand("${x}", lookup, "expression").unknown())
        .map(Value.Unknown::name)
        .contains("(circular expression)");
  }
}
