package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Value;
import java.util.Objects;
import java.util.Optional;

/**
 * A property set on a command line: a Java system property ({@code -Dkey=value}) or a Spring
 * argument ({@code --key=value}).
 *
 * @param key the property name as written
 * @param value the value; empty for {@code -Dkey} or {@code --key}, and when unknown
 * @param unknown why the value cannot be known (it refers to a Secret or a run-time value)
 * @param position the command or args item, or the env entry, it was written in
 */
record KeyValue(
    String key, String value, Optional<Value.Unknown> unknown, SourcePosition position) {

  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unknown, "unknown");
    Objects.requireNonNull(position, "position");
    if (unknown.isPresent()) {
      value = "";
    }
  }

  public static KeyValue known(String key, String value, SourcePosition position) {
    return new KeyValue(key, value, Optional.empty(), position);
  }

  // -Dspring.datasource.password=… is printed masked.
  @Override
  public String toString() {
    String shown =
        unknown
            .map(u -> "<unknown " + u.cause() + ">")
            .orElseGet(() -> Redaction.redact(key, value));
    return key + "=" + shown + " (" + position + ")";
  }
}
