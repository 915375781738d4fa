package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;

/**
 * Where an effective value came from.
 *
 * @param kind the kind of source
 * @param position the place to edit (for a library default: where the setting belongs)
 * @param property the property or variable name as written there
 * @param text the value as written there (before placeholder resolution)
 */
public record Origin(Kind kind, SourcePosition position, String property, String text) {

  public Origin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(text, "text");
  }

  /** The kinds of source, in no particular order. */
  public enum Kind {
    /** A configuration file (application.yml, a profile file, an embedded ConfigMap file). */
    FILE,
    /** A container environment variable, directly or through envFrom. */
    ENV,
    /** A Java system property ({@code -D}). */
    SYSTEM_PROPERTY,
    /** {@code SPRING_APPLICATION_JSON}. */
    APPLICATION_JSON,
    /** A container command-line argument ({@code --key=value}). */
    ARGUMENT,
    /** The library's default: nothing sets the value. */
    DEFAULT
  }

  public boolean isDefault() {
    return kind == Kind.DEFAULT;
  }

  /** {@code file:line}, or {@code default}, as shown in {@code poolguard model}. */
  public String describe() {
    if (kind == Kind.DEFAULT) {
      return "default";
    }
    String where = position.path() + ":" + position.line();
    return switch (kind) {
      case ENV -> where + " (env " + property + ")";
      case SYSTEM_PROPERTY -> where + " (-D" + property + ")";
      case ARGUMENT -> where + " (--" + property + ")";
      case APPLICATION_JSON -> where + " (SPRING_APPLICATION_JSON)";
      default -> where;
    };
  }
}
