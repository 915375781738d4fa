package dev.poolguard.core.report;

import java.util.Optional;

/** The poolguard version the reports name, looked up the same way by every front end. */
public final class ToolVersion {

  /** The version of a build that is not a packaged jar (classes run from an IDE or a test). */
  public static final String DEVELOPMENT = "development";

  private ToolVersion() {}

  /**
   * {@code resolved} when a front end knows its version (Maven names the plugin's), else the {@code
   * Implementation-Version} of the jar that holds {@code anchor}, else {@link #DEVELOPMENT}.
   */
  public static String of(Optional<String> resolved, Class<?> anchor) {
    return resolved
        .filter(v -> !v.isBlank())
        .or(() -> Optional.ofNullable(anchor.getPackage().getImplementationVersion()))
        .orElse(DEVELOPMENT);
  }
}
