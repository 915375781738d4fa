package dev.poolguard.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON object of a snapshot with typed, required-by-default access; every mistake names
 * the field by its path ({@code services[0].dataSources[1].name}).
 */
final class JsonObject {

  /** Stands for JSON {@code null}, which no snapshot field allows. */
  static final Object NULL = new Object();

  private final Map<String, Object> fields;
  private final String path;
  private final SnapshotReader reader;

  JsonObject(Map<String, Object> fields, String path, SnapshotReader reader) {
    this.fields = fields;
    this.path = path;
    this.reader = reader;
  }

  String string(String field) {
    return as(field, required(field), String.class, "a string");
  }

  int integer(String field) {
    Long value = as(field, required(field), Long.class, "a whole number");
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrong(field, "a whole number in int range");
    }
    return value.intValue();
  }

  boolean bool(String field) {
    return as(field, required(field), Boolean.class, "true or false");
  }

  /** A true-or-false field that may be left out, {@code false} when it is. */
  boolean optionalBool(String field) {
    return fields.containsKey(field) && bool(field);
  }

  JsonObject object(String field) {
    return object(required(field), where(field));
  }

  Optional<JsonObject> optionalObject(String field) {
    return fields.containsKey(field) ? Optional.of(object(field)) : Optional.empty();
  }

  List<JsonObject> objects(String field) {
    List<JsonObject> out = new ArrayList<>();
    List<?> items = list(field);
    for (int i = 0; i < items.size(); i++) {
      out.add(object(items.get(i), where(field) + "[" + i + "]"));
    }
    return out;
  }

  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    List<?> items = list(field);
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String s)) {
        throw reader.fail(where(field) + "[" + i + "]: expected a string");
      }
      out.add(s);
    }
    return out;
  }

  List<String> optionalStrings(String field) {
    return fields.containsKey(field) ? strings(field) : List.of();
  }

  /** An enum written as its lower-case name. */
  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String text = string(field);
    for (E constant : type.getEnumConstants()) {
      if (SnapshotWriter.lower(constant).equals(text)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(SnapshotWriter.lower(constant));
    }
    throw reader.fail(
        where(field)
            + ": unknown value '"
            + text
            + "', expected one of "
            + String.join(", ", allowed));
  }

  private List<?> list(String field) {
    return as(field, required(field), List.class, "a list");
  }

  private JsonObject object(Object value, String at) {
    if (!(value instanceof Map<?, ?> map)) {
      throw reader.fail(at + ": expected an object");
    }
    @SuppressWarnings("unchecked") // the parser builds objects only as Map<String, Object>
    Map<String, Object> typed = (Map<String, Object>) map;
    return new JsonObject(typed, at, reader);
  }

  private Object required(String field) {
    Object value = fields.get(field);
    if (value == null) {
      throw reader.fail(where(field) + ": missing");
    }
    return value;
  }

  private <T> T as(String field, Object value, Class<T> type, String expected) {
    if (!type.isInstance(value)) {
      throw wrong(field, expected);
    }
    return type.cast(value);
  }

  private RuntimeException wrong(String field, String expected) {
    return reader.fail(where(field) + ": expected " + expected);
  }

  private String where(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
