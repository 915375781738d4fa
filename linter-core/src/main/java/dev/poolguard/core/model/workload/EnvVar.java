package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.secret.Secrets;
import java.util.Objects;

/**
 * A container's {@code env} entry as written.
 *
 * @param name the variable name
 * @param source where its value comes from
 * @param position where the entry's {@code name} is written
 */
public record EnvVar(String name, EnvSource source, SourcePosition position) {

  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
  }

  // Literals of secret-looking variables (DB_PASSWORD: hunter2) are masked in logs and messages.
  @Override
  public String toString() {
    String shown =
        source instanceof EnvSource.Literal literal
            ? "Literal[value=" + Secrets.redact(name, literal.value()) + "]"
            : source.toString();
    return "EnvVar[name=" + name + ", source=" + shown + ", position=" + position + "]";
  }
}
