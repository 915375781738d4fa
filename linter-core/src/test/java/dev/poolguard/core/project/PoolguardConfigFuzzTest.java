package dev.poolguard.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.poolguard.core.LintException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target for loading and validating {@code poolguard.yaml}: every input ends as a bound
 * configuration or as a {@link LintException} with one line naming the file; nothing else escapes.
 */
class PoolguardConfigFuzzTest {

  private static final Path FILE = tempFile();

  private static Path tempFile() {
    try {
      Path dir = Files.createTempDirectory("poolguard-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(PoolguardConfigs.FILE_NAME);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void poolguardYamlLoadsOrFailsWithOneLine(FuzzedDataProvider data) throws IOException {
    Files.write(FILE, data.consumeRemainingAsBytes());
    try {
      PoolguardConfig config = PoolguardConfigs.load(FILE, PoolguardConfigs.FILE_NAME);
      assertThat(config.limits()).isNotNull();
    } catch (LintException e) {
      assertThat(e.getMessage()).startsWith(PoolguardConfigs.FILE_NAME).doesNotContain("\n", "\r");
    }
  }
}
