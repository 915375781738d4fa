package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.PlaceholderScanner;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands property expressions as SmallRye Config does: {@code ${name}}, {@code ${name:default}},
 * composed {@code ${a${b}}} and several in one value (the syntax is {@link PlaceholderScanner}'s,
 * shared with Spring); the name is looked up in every source, so an environment variable ({@code
 * ${DB_POOL}}) counts too. An expression that nothing expands and that has no default fails startup
 * in Quarkus ({@code NoSuchElementException}, config-reference "Property Expressions"); here it
 * makes the value unknown.
 */
final class Expressions {

  private Expressions() {}

  static PlaceholderScanner.Result expand(
      String text, Function<String, Optional<PlaceholderScanner.Found>> lookup) {
    return PlaceholderScanner.expand(text, lookup, "expression");
  }
}
