package dev.poolguard.core.model.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option files read as mysqld reads them: server groups only, includes, later settings win. */
class MyCnfTest {

  @TempDir Path dir;

  private MyCnf read(Path file) {
    return MyCnf.read(file, p -> Optional.empty(), p -> dir.relativize(p).toString());
  }

  @Test
  void serverGroupsDashesAndIncludesInOrder() throws IOException {
    Files.writeString(
        dir.resolve("my.cnf"),
        """
        [client]
        max_connections = 1
        password = not-a-server-setting
        [mysqld]
        max-connections = 300
        !include extra.cnf
        !includedir conf.d
        [mysqldump]
        wait_timeout = 2
        """);
    Files.writeString(dir.resolve("extra.cnf"), "[server]\nloose-wait_timeout = 600 # comment\n");
    Files.createDirectories(dir.resolve("conf.d"));
    Files.writeString(dir.resolve("conf.d/b.cnf"), "[mariadb]\nmax_connections=1K\n");
    Files.writeString(dir.resolve("conf.d/a.cnf"), "[mysqld-8.4]\nmax_connections=500\n");
    Files.writeString(dir.resolve("conf.d/c.txt"), "[mysqld]\nmax_connections=7\n");
    MyCnf cnf = read(dir.resolve("my.cnf"));
    // conf.d/a.cnf then b.cnf (name order; .txt ignored): b's 1K wins.
    assertThat(cnf.setting("max_connections").orElseThrow().value()).isEqualTo("1K");
    assertThat(cnf.setting("max_connections").orElseThrow().position().path())
        .isEqualTo("conf.d/b.cnf");
    assertThat(cnf.setting("wait_timeout").orElseThrow().value()).isEqualTo("600");
    assertThat(cnf.setting("password")).isEmpty();
    assertThat(MyCnf.number("1K")).isEqualTo(OptionalLong.of(1024));
    assertThat(MyCnf.number("28800")).isEqualTo(OptionalLong.of(28800));
    assertThat(MyCnf.number("ten")).isEmpty();
  }

  @Test
  void includeLoopsStopAndMissingFilesAreNoted() throws IOException {
    Files.writeString(dir.resolve("a.cnf"), "[mysqld]\n!include b.cnf\n!include missing.cnf\n");
    Files.writeString(dir.resolve("b.cnf"), "[mysqld]\nwait_timeout=30\n!include a.cnf\n");
    MyCnf cnf = read(dir.resolve("a.cnf"));
    assertThat(cnf.setting("wait_timeout").orElseThrow().value()).isEqualTo("30");
    assertThat(cnf.notes()).anyMatch(n -> n.contains("nested or included too often"));
    assertThat(cnf.notes()).anyMatch(n -> n.contains("missing.cnf: cannot be read"));
  }
}
