package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;

/**
 * One item of a container's {@code command} or {@code args} list, as written, with its position.
 */
public record Arg(String text, SourcePosition position) {

  public Arg {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
  }
}
