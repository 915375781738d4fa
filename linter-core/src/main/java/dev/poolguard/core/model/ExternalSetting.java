package dev.poolguard.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A setting that reaches an application from its deployment rather than its config files: an
 * environment variable, a {@code -D} system property or a command-line argument.
 *
 * @param name the variable, property or argument name as written
 * @param text the value; empty when it cannot be known (a Secret, an unresolvable reference)
 * @param unknown why the value is unknown, when it is
 * @param origin where it was written (kind ENV, SYSTEM_PROPERTY, ARGUMENT or APPLICATION_JSON)
 */
public record ExternalSetting(
    String name, Optional<String> text, Optional<Value.Unknown> unknown, Origin origin) {

  public ExternalSetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(unknown, "unknown");
    Objects.requireNonNull(origin, "origin");
  }

  public static ExternalSetting known(String name, String text, Origin origin) {
    return new ExternalSetting(name, Optional.of(text), Optional.empty(), origin);
  }

  public static ExternalSetting unknown(String name, Value.Unknown why, Origin origin) {
    return new ExternalSetting(name, Optional.empty(), Optional.of(why), origin);
  }
}
