package dev.poolguard.core.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns display paths and base URLs into the URIs SARIF consumers resolve. */
final class ArtifactUris {

  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:[/\\\\].*");

  private ArtifactUris() {}

  /**
   * True for a display path outside the source root, which {@code SourcePosition} keeps absolute: a
   * POSIX path, a Windows drive path or a UNC path.
   */
  static boolean isAbsolute(String path) {
    return path.startsWith("/") || path.startsWith("\\\\") || DRIVE.matcher(path).matches();
  }

  /**
   * A relative URI reference for a path below the source root. Colons are escaped too: in the first
   * segment {@code a:b.yaml} would otherwise read as a URI with scheme {@code a}.
   */
  static String relative(String path) {
    return encode(path, false);
  }

  /** An absolute {@code file:} URI for a path outside the source root. */
  static String absolute(String path) {
    String slashed = path.replace('\\', '/');
    if (slashed.startsWith("//")) {
      return "file:" + encode(slashed, true); // UNC: //server/share/...
    }
    return "file://" + (slashed.startsWith("/") ? "" : "/") + encode(slashed, true);
  }

  /** SARIF requires the base URIs in {@code originalUriBaseIds} to end with a slash. */
  static String base(String sourceRoot) {
    return sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/";
  }

  /**
   * {@code <docsUrl>/<ruleId>.md} when the base is an absolute hierarchical URI; GitHub resolves a
   * relative helpUri against nothing useful, so anything else gives none.
   */
  static Optional<String> helpUri(Optional<String> docsUrl, String ruleId) {
    return docsUrl
        .filter(ArtifactUris::isAbsoluteUrl)
        .map(d -> stripTrailingSlashes(d) + "/" + ruleId + ".md");
  }

  private static boolean isAbsoluteUrl(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() && !uri.isOpaque();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String stripTrailingSlashes(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    return url.substring(0, end);
  }

  /** RFC 3986 percent-encoding of a path: UTF-8 bytes, upper-case hex, {@code /} kept. */
  private static String encode(String path, boolean keepColon) {
    StringBuilder s = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isPathChar(c) || (keepColon && c == ':')) {
        s.append((char) c);
      } else {
        s.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return s.toString();
  }

  // Unreserved characters, sub-delimiters, '@' and '/': what RFC 3986 allows unescaped in a path.
  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
  }
}
