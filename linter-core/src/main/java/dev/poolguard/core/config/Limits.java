package dev.poolguard.core.config;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Resource bounds that keep hostile input from exhausting memory, stack or time. */
public record Limits(
    long maxFileBytes, int maxFiles, int maxYamlDepth, int maxAliases, long maxTotalBytes) {

  /**
   * The default bound on the bytes one run reads: a thousand-service monorepo holds a few MB of
   * configuration, so 512 MiB is reached only by a tree made to exhaust memory or disk.
   */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 512L * 1024 * 1024;

  public static final Limits DEFAULT =
      new Limits(10L * 1024 * 1024, 20_000, 200, 100, DEFAULT_MAX_TOTAL_BYTES);

  public Limits {
    if (maxFileBytes < 1
        || maxFiles < 1
        || maxYamlDepth < 1
        || maxAliases < 0
        || maxTotalBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Limits with the default {@link #maxTotalBytes}. */
  public Limits(long maxFileBytes, int maxFiles, int maxYamlDepth, int maxAliases) {
    this(maxFileBytes, maxFiles, maxYamlDepth, maxAliases, DEFAULT_MAX_TOTAL_BYTES);
  }

  /**
   * Limits given on the command line; each one present replaces the one from {@code
   * poolguard.yaml}.
   */
  public record Overrides(
      OptionalLong maxFileBytes,
      OptionalInt maxFiles,
      OptionalInt maxYamlDepth,
      OptionalInt maxAliases,
      OptionalLong maxTotalBytes) {

    public static final Overrides NONE =
        new Overrides(
            OptionalLong.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalLong.empty());

    public Overrides {
      Objects.requireNonNull(maxFileBytes, "maxFileBytes");
      Objects.requireNonNull(maxFiles, "maxFiles");
      Objects.requireNonNull(maxYamlDepth, "maxYamlDepth");
      Objects.requireNonNull(maxAliases, "maxAliases");
      Objects.requireNonNull(maxTotalBytes, "maxTotalBytes");
    }

    public Limits applyTo(Limits configured) {
      return new Limits(
          maxFileBytes.orElse(configured.maxFileBytes()),
          maxFiles.orElse(configured.maxFiles()),
          maxYamlDepth.orElse(configured.maxYamlDepth()),
          maxAliases.orElse(configured.maxAliases()),
          maxTotalBytes.orElse(configured.maxTotalBytes()));
    }
  }
}
