package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.secret.Secrets;
import java.util.Objects;

/**
 * One item of a container's {@code command} or {@code args} list, as written, with its position.
 */
public record Arg(String text, SourcePosition position) {

  public Arg {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
  }

  // --spring.datasource.password=… may be written into a manifest: never print it as is.
  @Override
  public String toString() {
    return "Arg[text=" + masked(text) + ", position=" + position + "]";
  }

  /**
   * {@code text} with the value of a secret-looking {@code --key=value} or {@code -Dkey=value}
   * masked.
   */
  static String masked(String text) {
    int eq = text.indexOf('=');
    if (eq > 0 && (text.startsWith("--") || text.startsWith("-D"))) {
      String key = text.substring(2, eq);
      return text.substring(0, eq + 1) + Secrets.redact(key, text.substring(eq + 1));
    }
    return Secrets.redactText(text);
  }
}
