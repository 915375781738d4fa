package dev.poolguard.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*.yml | a.yml | true",
        // A supplementary character is one character, as in Java's matcher (fuzzing found it).
        "? | \uD83D\uDE00 | true",
        "?? | \uD83D\uDE00 | false",
        "[!a] | \uD83D\uDE00 | true",
        "\uD83D\uDE00.yml | \uD83D\uDE00.yml | true",
        "[\uD83D\uDE00] | \uD83D\uDE00 | true",
        "[a-\uD83D\uDE02] | \uD83D\uDE01 | true",
        "*.yml | d/a.yml | false",
        "**.yml | d/a.yml | true",
        "**/*.yml | a.yml | false",
        "deploy/** | deploy/x/y.yaml | true",
        "a?c | abc | true",
        "a?c | a/c | false",
        "[a-c]x | bx | true",
        "[!a-c]x | dx | true",
        "[!a-c]x | /x | false",
        "{a,b}/c | b/c | true",
        "{a,b}/c | ab/c | false",
        "x{,y} | x | true",
        "\\*.yml | *.yml | true",
        "\\*.yml | a.yml | false",
        "[-a] | - | true",
        "[a-] | - | true",
      })
  void matchesLikeJavasGlob(String pattern, String path, boolean expected) {
    assertThat(Glob.compile(pattern).matches(path)).isEqualTo(expected);
    assertThat(java(pattern).matches(Path.of(path))).isEqualTo(expected);
  }

  @Test
  void refusesWhatJavaRefuses() {
    for (String bad :
        List.of("[a", "{a,{b}}", "{a", "x\\", "[a/b]", "[z-a]", "[\uD83D\uDE00-\uD83D\uDE02]")) {
      assertThatThrownBy(() -> java(bad)).as(bad).isInstanceOf(PatternSyntaxException.class);
      assertThatThrownBy(() -> Glob.compile(bad)).as(bad).isInstanceOf(Glob.SyntaxException.class);
    }
  }

  @Test
  void agreesWithJavaOnRandomPatternsAndPaths() {
    Random random = new Random(24);
    String alphabet = "ab/.*?[]!-{},\\";
    String names = "ab/.-";
    for (int n = 0; n < 50_000; n++) {
      String pattern = randomText(random, alphabet, 8);
      PathMatcher javaMatcher;
      try {
        javaMatcher = java(pattern);
      } catch (PatternSyntaxException e) {
        assertThatThrownBy(() -> Glob.compile(pattern))
            .as(pattern)
            .isInstanceOf(Glob.SyntaxException.class);
        continue;
      }
      Glob glob;
      try {
        glob = Glob.compile(pattern);
      } catch (Glob.SyntaxException e) {
        // Only a class range ending in '\\' or '[' ("[[-\\{]"), which Java reads unescaped.
        assertThat(pattern).as(pattern).containsPattern("-[\\\\\\[]");
        continue;
      }
      for (int k = 0; k < 5; k++) {
        String path = randomText(random, names, 6).replaceAll("/+", "/");
        if (path.startsWith("/") || path.endsWith("/") || path.isEmpty()) {
          continue;
        }
        assertThat(glob.matches(path))
            .as(pattern + " ~ " + path)
            .isEqualTo(javaMatcher.matches(Path.of(path)));
      }
    }
  }

  @Test
  void backtrackingBaitIsAnsweredWithoutBacktracking() {
    // Java's regex-based matcher takes exponential time on these; the automaton answers at once.
    Glob glob = Glob.compile("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
    assertThat(glob.matches("a".repeat(100_000))).isFalse();
    Glob deep = Glob.compile("**a**a**a**a**a**a**a**a**a**a**a**a**a**b");
    assertThat(deep.matches("a/".repeat(50_000))).isFalse();
  }

  private static PathMatcher java(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }

  private static String randomText(Random random, String alphabet, int max) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(max + 1);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
