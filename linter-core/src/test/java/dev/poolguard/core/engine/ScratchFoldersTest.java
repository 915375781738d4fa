package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFoldersTest {

  @TempDir Path dir;

  @Test
  void aChosenTmpdirIsKept() {
    assertThat(ScratchFolders.parent(0, dir.toString(), Path.of("/dev/shm"))).isEqualTo(dir);
  }

  @Test
  void theDefaultTmpStaysWhenThereIsNoMemoryFilesystem() {
    assertThat(ScratchFolders.parent(0, "/tmp", dir.resolve("missing"))).isEqualTo(Path.of("/tmp"));
    // A folder on disk is not memory, however much room it has.
    assertThat(ScratchFolders.parent(0, "/tmp", dir)).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void memoryIsUsedOnlyWithRoomForTheLargestBaseline() throws Exception {
    Path shm = Path.of("/dev/shm");
    Assumptions.assumeTrue(
        Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()),
        "no tmpfs at /dev/shm here");
    long room = Files.getFileStore(shm).getUsableSpace();
    Assumptions.assumeTrue(room > ScratchFolders.MARGIN_BYTES, "/dev/shm is nearly full");
    assertThat(ScratchFolders.parent(0, "/tmp/", shm)).isEqualTo(shm);
    assertThat(ScratchFolders.parent(room, "/tmp", shm)).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void theFolderIsGoneAfterwards() {
    Path[] seen = new Path[1];
    String result =
        ScratchFolders.with(
            "poolguard-test",
            1024,
            tmp -> {
              seen[0] = tmp;
              try {
                Files.writeString(
                    Files.createDirectories(tmp.resolve("a/b")).resolve("c.yml"), "x");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(seen[0]).doesNotExist();
  }
}
