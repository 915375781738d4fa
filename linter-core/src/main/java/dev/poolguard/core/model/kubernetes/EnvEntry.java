package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One variable of a container's environment as Kubernetes builds it.
 *
 * @param name the variable name
 * @param text its value after {@code $(VAR)} expansion; empty when unknown
 * @param unknown why the value cannot be known before deployment (a Secret, a pod field, a missing
 *     ConfigMap); a variable referring to a Secret is unknown with cause SECRET
 * @param origin where it is set: the {@code env} entry, or the ConfigMap data line or {@code
 *     envFrom} entry it comes from; kind {@link Origin.Kind#ENV}, property the variable name
 * @param overridden the origins of earlier definitions it replaced, most recent first
 */
record EnvEntry(
    String name,
    String text,
    Optional<Value.Unknown> unknown,
    Origin origin,
    List<Origin> overridden) {

  public EnvEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(unknown, "unknown");
    Objects.requireNonNull(origin, "origin");
    overridden = List.copyOf(overridden);
    if (unknown.isPresent()) {
      text = "";
    }
  }

  public boolean isKnown() {
    return unknown.isEmpty();
  }

  /** The entry as an effective {@link Value}: set, or unknown with its cause. */
  public Value toValue() {
    return unknown
        .map(u -> Value.unknown(u, origin, overridden))
        .orElseGet(() -> Value.set(text, origin, overridden));
  }

  EnvEntry withOverridden(List<Origin> beaten) {
    return new EnvEntry(name, text, unknown, origin, beaten);
  }

  // Values of secret-looking variables are masked wherever an entry is printed.
  @Override
  public String toString() {
    String shown =
        unknown
            .map(u -> "<unknown " + u.cause() + ">")
            .orElseGet(() -> Redaction.redact(name, text));
    return "EnvEntry[name=" + name + ", value=" + shown + ", origin=" + origin.describe() + "]";
  }
}
