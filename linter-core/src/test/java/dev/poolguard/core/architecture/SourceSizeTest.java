package dev.poolguard.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small rooms: no main source file of any module is over 400 lines. */
class SourceSizeTest {

  static final int MAX_LINES = 400;

  @Test
  void noMainSourceFileIsOver400Lines() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
            long lines;
            try (Stream<String> text = Files.lines(f)) {
              lines = text.count();
            }
            if (lines > MAX_LINES) {
              tooLong.add(root.relativize(f) + ": " + lines);
            }
          }
        }
      }
    }
    assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
  }
}
