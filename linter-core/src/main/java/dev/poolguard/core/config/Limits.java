package dev.poolguard.core.config;

/** Resource bounds that keep hostile input from exhausting memory, stack or time. */
public record Limits(long maxFileBytes, int maxFiles, int maxYamlDepth, int maxAliases) {

  public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 20_000, 200, 100);

  public Limits {
    if (maxFileBytes < 1 || maxFiles < 1 || maxYamlDepth < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
