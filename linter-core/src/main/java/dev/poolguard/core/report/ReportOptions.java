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
}
