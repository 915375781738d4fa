package dev.poolguard.core.config;

import java.util.Objects;

/**
 * A scalar. {@code value} is the text as the framework reading the file sees it (for YAML plain
 * scalars after YAML 1.1 resolution, e.g. {@code 010} becomes {@code 8} and {@code on} becomes
 * {@code true}); {@code raw} is the text as written (for quoted YAML scalars the text between the
 * quotes, for {@code .properties} the source characters with their escapes and continuations). A
 * YAML null has {@code isNull} set and an empty value. Mapping keys are never converted.
 */
public record ScalarNode(String value, String raw, boolean isNull, SourcePosition position)
    implements ConfigNode {

  public ScalarNode {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }

  /** A scalar whose value is its text. */
  public static ScalarNode of(String value, SourcePosition position) {
    return new ScalarNode(value, value, false, position);
  }
}
