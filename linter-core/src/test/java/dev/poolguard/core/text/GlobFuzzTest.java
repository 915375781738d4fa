package dev.poolguard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.regex.PatternSyntaxException;

/**
 * The glob matcher of {@code exclude:} and waiver {@code path:}: on short inputs it answers as
 * Java's own glob matcher does (which backtracks, so only short inputs are compared); on long paths
 * it answers at all, without throwing.
 */
class GlobFuzzTest {

  /**
   * Java's matcher turns each {@code *} into a backtracking {@code [^/]*} or {@code .*}: twenty of
   * them before a character the path lacks took over a minute on a 24-character path (the seed
   * slow-unit-bf8bd339…). Only patterns Java answers quickly are compared; poolguard's own matcher
   * still runs on every pattern, against the long path.
   */
  private static final int MAX_STARS_JAVA_CAN_TAKE = 6;

  @FuzzTest(maxDuration = "10m")
  void globMatchesLikeJavaAndNeverBacktracks(FuzzedDataProvider data) {
    String pattern = data.consumeString(24);
    String path = data.consumeString(24);
    String longPath = data.consumeRemainingAsString();
    Glob glob;
    try {
      glob = Glob.compile(pattern);
    } catch (Glob.SyntaxException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      return;
    }
    // A few thousand characters: enough for a backtracking matcher to take forever on bait such
    // as *a*a*a*a*b, short enough that fuzzing runs thousands of inputs a second.
    glob.matches(longPath.repeat(Math.max(1, 4_000 / Math.max(1, longPath.length()))));
    PathMatcher java;
    try {
      java = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      throw new AssertionError("Glob accepts what Java refuses: " + pattern, e);
    }
    String normal = path.replaceAll("/+", "/");
    if (stars(pattern) > MAX_STARS_JAVA_CAN_TAKE
        || normal.isEmpty()
        || normal.startsWith("/")
        || normal.endsWith("/")
        || normal.indexOf('\0') >= 0
        || pattern
            .chars()
            .anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)
        || normal
            .chars()
            .anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)) {
      return; // Java's "**" is ".*", which stops at line ends; poolguard's crosses them
    }
    boolean expected;
    try {
      expected = java.matches(Path.of(normal));
    } catch (InvalidPathException e) {
      return;
    }
    assertThat(glob.matches(normal)).as(pattern + " ~ " + normal).isEqualTo(expected);
  }

  private static long stars(String pattern) {
    return pattern.chars().filter(c -> c == '*').count();
  }
}
