package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Value;
import java.util.Optional;

/**
 * One word of a command line after expansion.
 *
 * @param text the word as the process receives it; empty when unknown
 * @param raw the word as written, used to read a property name when the value is unknown
 * @param unknown why the word cannot be known
 * @param position the manifest item it came from
 */
record Token(String text, String raw, Optional<Value.Unknown> unknown, SourcePosition position) {

  static Token known(String text, SourcePosition position) {
    return new Token(text, text, Optional.empty(), position);
  }

  /**
   * Splits {@code prefix key = value} (a {@code -D} or {@code --} word) into a property; a word
   * whose value is unknown keeps the name as written when the name itself holds no reference.
   */
  Optional<KeyValue> property(String prefix) {
    String source = unknown.isPresent() ? raw : text;
    if (!source.startsWith(prefix)) {
      return Optional.empty();
    }
    String body = source.substring(prefix.length());
    int eq = body.indexOf('=');
    String key = eq < 0 ? body : body.substring(0, eq);
    if (key.isEmpty() || (unknown.isPresent() && key.contains("$"))) {
      return Optional.empty();
    }
    return Optional.of(new KeyValue(key, eq < 0 ? "" : body.substring(eq + 1), unknown, position));
  }
}
