package dev.poolguard.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineSpec.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSpecTest {

  @TempDir Path base;

  @Test
  void anExistingFolderIsAFolderBaseline() throws IOException {
    Files.createDirectories(base.resolve("baseline/prod"));

    BaselineSpec spec = BaselineSpec.parse("baseline/prod", base);

    assertThat(spec.kind()).isEqualTo(Kind.FOLDER);
    assertThat(spec.path()).contains(base.resolve("baseline/prod").toAbsolutePath());
  }

  @Test
  void aJsonFileIsASnapshot() throws IOException {
    Files.createDirectories(base.resolve("baseline"));
    Files.writeString(base.resolve("baseline/poolguard-baseline.json"), "{}");

    BaselineSpec spec = BaselineSpec.parse("baseline/poolguard-baseline.json", base);

    assertThat(spec.kind()).isEqualTo(Kind.SNAPSHOT);
    assertThat(spec.path()).contains(base.resolve("baseline/poolguard-baseline.json"));
  }

  @Test
  void aMissingJsonFileIsStillASnapshotSoThatItIsReportedAsMissing() {
    BaselineSpec spec = BaselineSpec.parse("gone.JSON", base);

    assertThat(spec.kind()).isEqualTo(Kind.SNAPSHOT);
    assertThatThrownBy(() -> Snapshot.read(spec.path().orElseThrow()))
        .hasMessageContaining("snapshot file not found");
  }

  @Test
  void anAbsolutePathIgnoresTheBase(@TempDir Path elsewhere) {
    BaselineSpec spec = BaselineSpec.parse(elsewhere.toString(), base);

    assertThat(spec.kind()).isEqualTo(Kind.FOLDER);
    assertThat(spec.path()).contains(elsewhere.toAbsolutePath());
  }

  @Test
  void anythingElseIsAGitRevision() {
    for (String revision :
        new String[] {"HEAD", "HEAD~1", "origin/main", "v1.2.0", "3f2a9c1", "main@{1}", "HEAD^"}) {
      BaselineSpec spec = BaselineSpec.parse(revision, base);

      assertThat(spec.kind()).as(revision).isEqualTo(Kind.GIT);
      assertThat(spec.spec()).isEqualTo(revision);
      assertThat(spec.path()).isEqualTo(Optional.empty());
    }
  }

  @Test
  void anExistingFileThatIsNotASnapshotIsRefused() throws IOException {
    Files.writeString(base.resolve("baseline.yaml"), "a: 1\n");

    assertThatThrownBy(() -> BaselineSpec.parse("baseline.yaml", base))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith("baseline baseline.yaml is a file but not a snapshot (.json)");
  }

  @Test
  void anEmptySpecIsRefused() {
    assertThatThrownBy(() -> BaselineSpec.parse("  ", base))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("--baseline needs a folder");
  }
}
