package dev.poolguard.core.project;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a poolguard.yaml into a folder and loads it, as the tests need it. */
final class PoolguardConfigTestSupport {

  private PoolguardConfigTestSupport() {}

  static Path write(Path dir, String yaml) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("poolguard.yaml"), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PoolguardConfig load(Path dir, String yaml) {
    return PoolguardConfigs.load(write(dir, yaml), "poolguard.yaml");
  }

  /** The one-line message loading {@code yaml} fails with. */
  static String problem(Path dir, String yaml) {
    LintException e = catchThrowableOfType(LintException.class, () -> load(dir, yaml));
    if (e == null) {
      throw new AssertionError("expected the file to be rejected:\n" + yaml);
    }
    return e.getMessage();
  }

  static String resource(String name) {
    try (InputStream in = PoolguardConfigTestSupport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
