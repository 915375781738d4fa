package dev.poolguard.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reporter needs besides the result.
 *
 * @param toolVersion poolguard's version
 * @param sourceRoot the folder display paths are relative to, as an absolute {@code file:} URI
 *     ending in {@code /}
 * @param docsUrl an absolute base URL for rule documentation ({@code <base>/<rule-id>.md}), if any
 * @param color whether ANSI colour may be used
 */
public record ReportOptions(
    String toolVersion, String sourceRoot, Optional<String> docsUrl, boolean color) {

  public ReportOptions {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(docsUrl, "docsUrl");
  }

  /** The version of a build that is not a packaged jar (classes run from an IDE or a test). */
  public static final String DEVELOPMENT = "development";

  /**
   * The poolguard version the reports name, looked up the same way by every front end: {@code
   * resolved} when the front end knows it (Maven names the plugin's), else the {@code
   * Implementation-Version} of the jar that holds {@code anchor}, else {@link #DEVELOPMENT}.
   */
  public static String toolVersion(Optional<String> resolved, Class<?> anchor) {
    return resolved
        .filter(v -> !v.isBlank())
        .or(() -> Optional.ofNullable(anchor.getPackage().getImplementationVersion()))
        .orElse(DEVELOPMENT);
  }
}
