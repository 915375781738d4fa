package dev.poolguard.core.config;

import java.util.Objects;

/**
 * A scalar. {@code value} is the text as the framework reading the file sees it (for YAML plain
 * scalars after YAML 1.1 resolution, e.g. {@code 010} becomes {@code 8} and {@code on} becomes
 * {@code true}); {@code raw} is the text as written (for quoted YAML scalars the text between the
 * quotes, for {@code .properties} the source characters with their escapes and continuations). A
 * YAML null has {@code isNull} set and an empty value. Mapping keys are never converted. {@code
 * floating} marks a plain YAML (or JSON) scalar read as a float ({@code 1.8e+06}, {@code 30.0}):
 * the framework holds a {@code Double}, which binds to a whole-number setting by truncation where
 * the same text in a {@code .properties} file does not bind at all.
 */
public record ScalarNode(
    String value, String raw, boolean isNull, SourcePosition position, boolean floating)
    implements ConfigNode {

  public ScalarNode {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }

  /** A scalar that is not a YAML float. */
  public ScalarNode(String value, String raw, boolean isNull, SourcePosition position) {
    this(value, raw, isNull, position, false);
  }

  /** A scalar whose value is its text. */
  public static ScalarNode of(String value, SourcePosition position) {
    return new ScalarNode(value, value, false, position);
  }
}
