package dev.poolguard.core.model.pooler;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PgBouncer version as written ({@code 1.21}, {@code 1.22.1}), compared by major and minor. */
public final class PgBouncerVersion {

  private static final Pattern VERSION =
      Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

  private PgBouncerVersion() {}

  /** Whether {@code version} is at least {@code major.minor}; empty when it is not a version. */
  public static Optional<Boolean> atLeast(String version, int major, int minor) {
    Matcher m = VERSION.matcher(version.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int ma = Integer.parseInt(m.group(1));
    int mi = Integer.parseInt(m.group(2));
    return Optional.of(ma > major || (ma == major && mi >= minor));
  }

  /**
   * The version of an image tag ({@code ghcr.io/cloudnative-pg/pgbouncer:1.23.0}), if it is one.
   */
  public static Optional<String> ofImage(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.indexOf(':', Math.max(0, slash));
    if (colon < 0) {
      return Optional.empty();
    }
    String tag = image.substring(colon + 1);
    int at = tag.indexOf('@');
    if (at >= 0) {
      tag = tag.substring(0, at);
    }
    return VERSION.matcher(tag).matches() && atLeast(tag, 1, 0).isPresent()
        ? Optional.of(tag)
        : Optional.empty();
  }
}
