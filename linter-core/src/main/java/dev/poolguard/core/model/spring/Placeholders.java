package dev.poolguard.core.model.spring;

import dev.poolguard.core.model.PlaceholderScanner;
import dev.poolguard.core.model.Value;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} the way Spring's property placeholder helper
 * does (the syntax is {@link PlaceholderScanner}'s, shared with Quarkus); which property a name
 * finds is {@link PropertyLookup}'s business.
 */
final class Placeholders {

  private static final String NOUN = "placeholder";

  private Placeholders() {}

  /** The outcome: the resolved text, or the first name that could not be resolved. */
  record Result(String text, Optional<String> unresolved) {}

  static boolean contains(String text) {
    return PlaceholderScanner.contains(text);
  }

  static Result resolve(String text, Function<String, Optional<String>> lookup) {
    PlaceholderScanner.Result r =
        PlaceholderScanner.expand(
            text, name -> lookup.apply(name).map(PlaceholderScanner.Found::text), NOUN);
    return new Result(r.text(), r.unknown().map(Value.Unknown::name));
  }

  /** Like {@link #resolve}, where a name may find a value that cannot be known (a Secret). */
  static PlaceholderScanner.Result expand(
      String text, Function<String, Optional<PlaceholderScanner.Found>> lookup) {
    return PlaceholderScanner.expand(text, lookup, NOUN);
  }
}
