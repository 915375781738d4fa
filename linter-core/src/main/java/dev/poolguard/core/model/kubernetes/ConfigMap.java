package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Redaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ConfigMap's {@code data} entries in order, each with its position ({@code binaryData} is
 * ignored).
 */
record ConfigMap(String name, String namespace, List<Entry> data, SourcePosition position) {

  public ConfigMap {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    data = List.copyOf(data);
    Objects.requireNonNull(position, "position");
  }

  /**
   * One {@code data} entry.
   *
   * @param key the key
   * @param value the value node as parsed (a YAML null reads as an empty value)
   * @param keyPosition where the key is written
   * @param contentStart where the first character of the value's text sits in the manifest: for a
   *     block scalar ({@code |}) the first content line at the block's indentation, otherwise the
   *     value's own position
   * @param block true when the value is a multi-line block, whose lines are lines of the manifest
   */
  public record Entry(
      String key,
      ScalarNode value,
      SourcePosition keyPosition,
      SourcePosition contentStart,
      boolean block) {

    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(keyPosition, "keyPosition");
      Objects.requireNonNull(contentStart, "contentStart");
    }

    // ConfigMaps often hold passwords that belong in a Secret: mask them when printed.
    @Override
    public String toString() {
      return "Entry[key="
          + key
          + ", value="
          + Redaction.redact(key, text())
          + ", at="
          + keyPosition
          + "]";
    }

    /** The value text; empty for a YAML null. */
    public String text() {
      return value.value();
    }
  }

  public Optional<Entry> entry(String key) {
    Entry found = null;
    for (Entry e : data) {
      if (e.key().equals(key)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }
}
