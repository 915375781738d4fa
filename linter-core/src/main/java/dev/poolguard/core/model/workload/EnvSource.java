package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.secret.Secrets;
import java.util.Objects;

/**
 * Where a container {@code env} entry takes its value from: a literal or one of {@code valueFrom}.
 */
public sealed interface EnvSource
    permits EnvSource.Literal,
        EnvSource.ConfigMapKey,
        EnvSource.SecretKey,
        EnvSource.FieldRef,
        EnvSource.ResourceFieldRef,
        EnvSource.Other {

  /** Where the source is written. */
  SourcePosition position();

  /**
   * {@code value:} as written, before {@code $(VAR)} expansion; empty when the entry has neither
   * {@code value} nor {@code valueFrom}.
   */
  record Literal(String value, SourcePosition position) implements EnvSource {

    public Literal {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(position, "position");
    }

    // A literal may be a password written into the manifest: never print it as is.
    @Override
    public String toString() {
      return "Literal[value=" + Secrets.redactText(value) + ", position=" + position + "]";
    }
  }

  /** {@code valueFrom.configMapKeyRef}. */
  record ConfigMapKey(String name, String key, boolean optional, SourcePosition position)
      implements EnvSource {

    public ConfigMapKey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(position, "position");
    }
  }

  /** {@code valueFrom.secretKeyRef}: the value is never known to poolguard. */
  record SecretKey(String name, String key, boolean optional, SourcePosition position)
      implements EnvSource {

    public SecretKey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(position, "position");
    }
  }

  /** {@code valueFrom.fieldRef}: a pod field (name, IP…) known only at run time. */
  record FieldRef(String fieldPath, SourcePosition position) implements EnvSource {

    public FieldRef {
      Objects.requireNonNull(fieldPath, "fieldPath");
      Objects.requireNonNull(position, "position");
    }
  }

  /** {@code valueFrom.resourceFieldRef}: a container's resource request or limit. */
  record ResourceFieldRef(String resource, SourcePosition position) implements EnvSource {

    public ResourceFieldRef {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(position, "position");
    }
  }

  /** A {@code valueFrom} poolguard does not read (e.g. {@code fileKeyRef}), named as written. */
  record Other(String kind, SourcePosition position) implements EnvSource {

    public Other {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(position, "position");
    }
  }
}
