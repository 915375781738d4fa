package dev.poolguard.core.config;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Resource bounds that keep hostile input from exhausting memory, stack or time. */
public record Limits(long maxFileBytes, int maxFiles, int maxYamlDepth, int maxAliases) {

  public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 20_000, 200, 100);

  public Limits {
    if (maxFileBytes < 1 || maxFiles < 1 || maxYamlDepth < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Limits given on the command line; each one present replaces the one from {@code
   * poolguard.yaml}.
   */
  public record Overrides(
      OptionalLong maxFileBytes,
      OptionalInt maxFiles,
      OptionalInt maxYamlDepth,
      OptionalInt maxAliases) {

    public static final Overrides NONE =
        new Overrides(
            OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    public Overrides {
      Objects.requireNonNull(maxFileBytes, "maxFileBytes");
      Objects.requireNonNull(maxFiles, "maxFiles");
      Objects.requireNonNull(maxYamlDepth, "maxYamlDepth");
      Objects.requireNonNull(maxAliases, "maxAliases");
    }

    public Limits applyTo(Limits configured) {
      return new Limits(
          maxFileBytes.orElse(configured.maxFileBytes()),
          maxFiles.orElse(configured.maxFiles()),
          maxYamlDepth.orElse(configured.maxYamlDepth()),
          maxAliases.orElse(configured.maxAliases()));
    }
  }
}
