package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A manifest text for tests, loaded as poolguard loads files, with positions found by content. */
record TestManifest(String path, String text) {

  static TestManifest resource(String name) {
    try (InputStream in = TestManifest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new TestManifest(
          "deploy/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestManifest of(String path, String text) {
    return new TestManifest(path, text);
  }

  ConfigFile file() {
    return ConfigLoader.loadText(text, path, ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
  }

  Cluster read() {
    return Manifests.read(List.of(file()));
  }

  /** Read with the text at hand, as the engine does. */
  Cluster readWithText() {
    return Manifests.read(
        List.of(file()), p -> p.equals(path) ? Optional.of(text) : Optional.empty());
  }

  /** Where {@code token} starts on the only line containing {@code line}. */
  SourcePosition pos(String line, String token) {
    List<String> lines = text.lines().toList();
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (matches(lines.get(i), line)) {
        assertThat(found).as("'" + line + "' occurs more than once").isEqualTo(-1);
        found = i;
      }
    }
    assertThat(found).as("'" + line + "' not found").isNotEqualTo(-1);
    int column = lines.get(found).indexOf(token, Math.max(0, lines.get(found).indexOf(line)));
    if (column < 0) {
      column = lines.get(found).indexOf(token);
    }
    assertThat(column).as("'" + token + "' not on line '" + line + "'").isNotNegative();
    return new SourcePosition(path, found + 1, column + 1);
  }

  /** Where {@code token} starts on the {@code n}-th (0-based) line containing {@code line}. */
  SourcePosition nth(String line, String token, int n) {
    List<String> lines = text.lines().toList();
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (matches(lines.get(i), line) && seen++ == n) {
        return at(i, lines.get(i), token);
      }
    }
    throw new AssertionError("no line " + n + " containing '" + line + "'");
  }

  /** Where {@code token} starts on the first line after the only line containing {@code anchor}. */
  SourcePosition after(String anchor, String token) {
    List<String> lines = text.lines().toList();
    int from = pos(anchor, anchor.replace("^", "")).line();
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(token)) {
        return at(i, lines.get(i), token);
      }
    }
    throw new AssertionError("'" + token + "' not found after '" + anchor + "'");
  }

  /** {@code ^text} matches lines starting with text, anything else lines containing it. */
  private static boolean matches(String line, String needle) {
    return needle.startsWith("^") ? line.startsWith(needle.substring(1)) : line.contains(needle);
  }

  private SourcePosition at(int index, String line, String token) {
    int column = line.indexOf(token);
    assertThat(column).as("'" + token + "' not on line '" + line + "'").isNotNegative();
    return new SourcePosition(path, index + 1, column + 1);
  }
}
