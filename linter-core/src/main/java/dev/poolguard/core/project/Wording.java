package dev.poolguard.core.project;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.text.Suggestions;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.BooleanSchema;
import org.everit.json.schema.ConstSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NullSchema;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What is wrong with a value, in words, from the violated keyword and the schemas that apply at the
 * value: "expected an integer, found 'six'", "must be at least 1, found -1".
 */
final class Wording {

  private Wording() {}

  /** The message for a {@code keyword} violation at {@code at}, when poolguard words it itself. */
  static Optional<String> value(JsonTree.Located at, String keyword) {
    String found = found(at);
    String text =
        switch (keyword) {
          case "type" -> "expected " + expected(at) + ", found " + found;
          case "enum" -> enumMessage(at, found).orElse(null);
          case "const" ->
              first(at, ConstSchema.class)
                  .map(c -> "must be " + c.getPermittedValue() + ", found " + found)
                  .orElse(null);
          case "minimum" -> bound(at, "must be at least ", NumberSchema::getMinimum, found);
          case "exclusiveMinimum" ->
              bound(at, "must be greater than ", NumberSchema::getExclusiveMinimumLimit, found);
          case "maximum" -> bound(at, "must be at most ", NumberSchema::getMaximum, found);
          case "exclusiveMaximum" ->
              bound(at, "must be less than ", NumberSchema::getExclusiveMaximumLimit, found);
          case "minLength" ->
              first(at, StringSchema.class)
                  .map(StringSchema::getMinLength)
                  .map(
                      min ->
                          min == 1
                              ? "must not be empty"
                              : "must be at least " + min + " characters")
                  .orElse(null);
          case "pattern" -> patternMessage(at);
          case "minItems" ->
              first(at, ArraySchema.class)
                  .map(ArraySchema::getMinItems)
                  .map(
                      min ->
                          min == 1 ? "must not be empty" : "must have at least " + min + " items")
                  .orElse(null);
          case "format" -> formatMessage(at, found);
          default -> null;
        };
    return Optional.ofNullable(text);
  }

  static String meant(String suggestion) {
    return " (did you mean " + Problem.quote(suggestion) + "?)";
  }

  private static Optional<String> enumMessage(JsonTree.Located at, String found) {
    return first(at, EnumSchema.class)
        .map(
            e -> {
              List<String> values =
                  e.getPossibleValuesAsList().stream().map(String::valueOf).toList();
              String suggestion = at.json() instanceof String s ? didYouMean(s, values) : "";
              return "must be " + or(values) + ", found " + found + suggestion;
            });
  }

  private static String bound(
      JsonTree.Located at, String prefix, Function<NumberSchema, Number> limit, String found) {
    return schemas(at, NumberSchema.class).stream()
        .map(limit)
        .filter(n -> n != null)
        .findFirst()
        .map(n -> prefix + number(n) + ", found " + found)
        .orElse(null);
  }

  private static String patternMessage(JsonTree.Located at) {
    return first(at, StringSchema.class)
        .map(StringSchema::getPattern)
        .map(p -> "\\S".equals(p.pattern()) ? "must not be blank" : "must match " + p.pattern())
        .orElse(null);
  }

  private static String formatMessage(JsonTree.Located at, String found) {
    return first(at, StringSchema.class)
        .map(s -> s.getFormatValidator().formatName())
        .map(
            name ->
                "date".equals(name)
                    ? "must be a real date as YYYY-MM-DD, found " + found
                    : "must be a valid " + name + ", found " + found)
        .orElse(null);
  }

  /**
   * What the schemas at {@code at} accept, in words: "an integer", "a string or a list of strings".
   */
  private static String expected(JsonTree.Located at) {
    Set<String> kinds = new LinkedHashSet<>();
    for (Schema schema : at.schemas()) {
      if (schema instanceof StringSchema s && s.requireString()) {
        kinds.add("a string");
      } else if (schema instanceof NumberSchema n
          && (n.requiresInteger() || n.isRequiresNumber())) {
        kinds.add(n.requiresInteger() ? "an integer" : "a number");
      } else if (schema instanceof BooleanSchema) {
        kinds.add("true or false");
      } else if (schema instanceof NullSchema) {
        kinds.add("no value");
      } else if (schema instanceof ObjectSchema o && o.requiresObject()) {
        kinds.add("a mapping");
      } else if (schema instanceof ArraySchema a && a.requiresArray()) {
        boolean strings =
            a.getAllItemSchema() != null
                && JsonTree.stringOnly(JsonTree.unwrap(List.of(a.getAllItemSchema())));
        kinds.add(strings ? "a list of strings" : "a list");
      }
    }
    if (kinds.isEmpty()) {
      first(at, EnumSchema.class)
          .ifPresent(
              e ->
                  kinds.add(
                      or(e.getPossibleValuesAsList().stream().map(String::valueOf).toList())));
    }
    return kinds.isEmpty() ? "another type" : or(List.copyOf(kinds));
  }

  /** The offending value in words. */
  private static String found(JsonTree.Located at) {
    Object json = at.json();
    if (json == JSONObject.NULL) {
      return "no value";
    }
    if (json instanceof JSONObject) {
      return "a mapping";
    }
    if (json instanceof JSONArray) {
      return "a list";
    }
    if (json instanceof String s) {
      return Problem.quote(s);
    }
    if (at.node() instanceof ScalarNode scalar) {
      // YAML 1.1 reads 'off' as false: show what the user wrote.
      return scalar.raw().equals(scalar.value())
          ? Problem.printable(scalar.value())
          : Problem.quote(scalar.raw());
    }
    return String.valueOf(json);
  }

  private static String didYouMean(String typed, Collection<String> candidates) {
    return Suggestions.closest(typed, candidates).map(Wording::meant).orElse("");
  }

  private static String or(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  private static String number(Number n) {
    return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
  }

  private static <T extends Schema> List<T> schemas(JsonTree.Located at, Class<T> type) {
    return at.schemas().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends Schema> Optional<T> first(JsonTree.Located at, Class<T> type) {
    return schemas(at, type).stream().findFirst();
  }
}
