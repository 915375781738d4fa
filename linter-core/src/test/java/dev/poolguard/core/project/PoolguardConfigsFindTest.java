package dev.poolguard.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolguardConfigsFindTest {

  @TempDir Path tmp;
  private Path outer;
  private Path repo;
  private Path deep;

  /** {@code outer/poolguard.yaml} lies above {@code outer/repo}, a repository root. */
  @BeforeEach
  void layout() throws IOException {
    outer = tmp.toRealPath().resolve("outer");
    repo = outer.resolve("repo");
    deep = repo.resolve("services/orders-api/src/main/resources");
    Files.createDirectories(deep);
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(outer.resolve("poolguard.yaml"), "version: 1\n");
    Files.writeString(deep.resolve("application.yml"), "a: 1\n");
  }

  private static Optional<Path> find(Path... paths) {
    return PoolguardConfigs.find(List.of(paths), Optional.empty());
  }

  @Test
  void walksUpFromAFileToTheRepositoryRoot() throws IOException {
    Files.writeString(repo.resolve("poolguard.yaml"), "version: 1\n");
    assertThat(find(deep.resolve("application.yml"))).contains(repo.resolve("poolguard.yaml"));
  }

  @Test
  void nearestAncestorWins() throws IOException {
    Files.writeString(repo.resolve("poolguard.yaml"), "version: 1\n");
    Path service = repo.resolve("services/orders-api");
    Files.writeString(service.resolve("poolguard.yaml"), "version: 1\n");
    assertThat(find(deep)).contains(service.resolve("poolguard.yaml"));
  }

  @Test
  void aFolderPathIsSearchedItself() throws IOException {
    Files.writeString(deep.resolve("poolguard.yaml"), "version: 1\n");
    assertThat(find(deep)).contains(deep.resolve("poolguard.yaml"));
  }

  @Test
  void stopsAtTheRepositoryRoot() {
    assertThat(find(deep)).isEmpty();
  }

  @Test
  void aGitFileMarksARootToo() throws IOException {
    // In a git worktree or submodule, .git is a file.
    Path worktree = outer.resolve("worktree");
    Files.createDirectories(worktree.resolve("src"));
    Files.writeString(worktree.resolve(".git"), "gitdir: ../repo/.git/worktrees/w\n");
    assertThat(find(worktree.resolve("src"))).isEmpty();
  }

  @Test
  void withoutARepositoryTheSearchGoesUp() {
    Path plain = outer.resolve("plain/a/b");
    assertThat(plain.toFile().mkdirs()).isTrue();
    assertThat(find(plain)).contains(outer.resolve("poolguard.yaml"));
  }

  @Test
  void onlyTheFirstPathCounts() throws IOException {
    Path other = outer.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("poolguard.yaml"), "version: 1\n");
    assertThat(find(deep, other)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"poolguard.yaml", "poolguard.yml", ".poolguard.yaml", ".poolguard.yml"})
  void everyNameIsRead(String name) throws IOException {
    Files.writeString(repo.resolve(name), "version: 1\n");
    assertThat(find(deep)).contains(repo.resolve(name));
    assertThat(PoolguardConfigs.inFolder(repo)).contains(repo.resolve(name));
  }

  @Test
  void anAliasNearerThanPoolguardYamlWins() throws IOException {
    Files.writeString(repo.resolve("poolguard.yaml"), "version: 1\n");
    Path service = repo.resolve("services/orders-api");
    Files.writeString(service.resolve(".poolguard.yml"), "version: 1\n");
    assertThat(find(deep)).contains(service.resolve(".poolguard.yml"));
  }

  @Test
  void twoNamesInOneFolderAreRefusedNamingBoth() throws IOException {
    Files.writeString(repo.resolve("poolguard.yaml"), "version: 1\n");
    Files.writeString(repo.resolve(".poolguard.yaml"), "version: 1\n");
    assertThatThrownBy(() -> find(deep))
        .isInstanceOf(LintException.class)
        .hasMessage(
            "two poolguard config files in "
                + repo
                + ": poolguard.yaml and .poolguard.yaml; keep one");
    assertThatThrownBy(() -> PoolguardConfigs.inFolder(repo)).isInstanceOf(LintException.class);
  }

  @Test
  void aFolderNamedPoolguardYamlIsNotTheFile() throws IOException {
    Files.createDirectories(repo.resolve("poolguard.yaml"));
    assertThat(find(deep)).isEmpty();
  }

  @Test
  void explicitConfigWinsOverLookup() throws IOException {
    Files.writeString(repo.resolve("poolguard.yaml"), "version: 1\n");
    Path explicit = Files.writeString(tmp.resolve("ci.yaml"), "version: 1\n");
    assertThat(PoolguardConfigs.find(List.of(deep), Optional.of(explicit)))
        .contains(explicit.toAbsolutePath().normalize());
  }

  @Test
  void explicitConfigThatIsMissingIsRefused() {
    Path missing = tmp.resolve("nope.yaml");
    assertThatThrownBy(() -> PoolguardConfigs.find(List.of(deep), Optional.of(missing)))
        .isInstanceOf(LintException.class)
        .hasMessage("cannot read --config " + missing + ": no such file");
  }

  @Test
  void explicitConfigThatIsAFolderIsRefused() {
    assertThatThrownBy(() -> PoolguardConfigs.find(List.of(deep), Optional.of(repo)))
        .isInstanceOf(LintException.class)
        .hasMessage("cannot read --config " + repo + ": is a folder");
  }
}
