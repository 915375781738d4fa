package dev.poolguard.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materializes real repositories built with JGit's porcelain in temporary folders. */
class GitTreeTest {

  private static final String APP = "orders/src/main/resources/application.yml";
  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Pat Doe",
          "pat@example.com",
          Instant.parse("2026-01-02T03:04:05Z"),
          java.time.ZoneOffset.UTC);

  @TempDir Path work;
  @TempDir Path out;

  private Path repo;
  private Git git;
  private RevCommit first;
  private RevCommit second;

  /** Two commits: the pool goes from 40 to 10 in the second. */
  @BeforeEach
  void twoCommits() throws IOException, GitAPIException {
    repo = work.resolve("shop");
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write(APP, "spring.datasource.hikari.maximum-pool-size: 40\n");
    write("poolguard.yaml", "version: 1\n");
    write("README.md", "# shop\n");
    write("orders/src/main/java/Orders.java", "class Orders {}\n");
    first = commit("Start");
    git.tag()
        .setName("v1")
        .setObjectId(first)
        .setAnnotated(true)
        .setMessage("v1")
        .setTagger(AUTHOR)
        .call();
    git.tag().setName("light").setObjectId(first).setAnnotated(false).call();
    git.branchCreate().setName("release").setStartPoint(first).call();
    write(APP, "spring.datasource.hikari.maximum-pool-size: 10\n");
    second = commit("Shrink the pool");
  }

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private RevCommit commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor(AUTHOR)
        .setCommitter(AUTHOR)
        .setSign(false)
        .call();
  }

  private String read(Path root, String path) throws IOException {
    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static GitTree gitTree() {
    return new GitTree(Map.of(), dev.poolguard.core.config.Limits.DEFAULT);
  }

  @Test
  void headHoldsTheCommittedConfigFilesAtTheirPaths() throws IOException {
    Materialized m = GitTree.materialize(repo.resolve("orders"), "HEAD", out);

    assertThat(files(out)).containsExactly(APP, "poolguard.yaml");
    assertThat(read(out, APP)).contains("maximum-pool-size: 10");
    assertThat(m.repositoryRoot()).isEqualTo(repo.toAbsolutePath());
    assertThat(m.target()).isEqualTo(out.toAbsolutePath());
    assertThat(m.commit()).contains(second.name());
    assertThat(m.files()).isEqualTo(2);
    assertThat(m.notes()).isEmpty();
  }

  @Test
  void everyFormOfRevisionNamesACommit() throws IOException {
    for (String revision :
        List.of(
            "HEAD~1",
            "HEAD^",
            "release",
            "v1",
            "light",
            "refs/tags/v1",
            first.name(),
            first.name().substring(0, 7))) {
      Path target = out.resolve(revision.replace('/', '_').replace('^', '_').replace('~', '_'));

      Materialized m = GitTree.materialize(repo, revision, target);

      assertThat(m.commit()).as(revision).contains(first.name());
      assertThat(read(target, APP)).as(revision).contains("maximum-pool-size: 40");
    }
    assertThat(read(GitTree.materialize(repo, "main", out.resolve("main")).target(), APP))
        .contains("10");
  }

  @Test
  void neverSeesNorTouchesTheWorkTreeOrTheIndex() throws IOException, GitAPIException {
    write(APP, "spring.datasource.hikari.maximum-pool-size: 2\n");
    git.add().addFilepattern(APP).call();
    write(APP, "spring.datasource.hikari.maximum-pool-size: 3\n");
    write("orders/new.yml", "untracked: true\n");
    Path index = repo.resolve(".git/index");
    byte[] indexBefore = Files.readAllBytes(index);
    FileTime indexTime = Files.getLastModifiedTime(index);
    FileTime appTime = Files.getLastModifiedTime(repo.resolve(APP));

    GitTree.materialize(repo, "HEAD", out);

    assertThat(read(out, APP)).contains("maximum-pool-size: 10");
    assertThat(out.resolve("orders/new.yml")).doesNotExist();
    assertThat(read(repo, APP)).contains("maximum-pool-size: 3");
    assertThat(Files.readAllBytes(index)).isEqualTo(indexBefore);
    assertThat(Files.getLastModifiedTime(index)).isEqualTo(indexTime);
    assertThat(Files.getLastModifiedTime(repo.resolve(APP))).isEqualTo(appTime);
    assertThat(git.status().call().getChanged()).containsExactly(APP);
  }

  @Test
  void theIndexHoldsWhatTheNextCommitRecords() throws IOException, GitAPIException {
    write(APP, "spring.datasource.hikari.maximum-pool-size: 2\n");
    write(
        "orders/src/main/resources/application-prod.yml",
        "spring.datasource.hikari.minimum-idle: 1\n");
    git.add().addFilepattern(".").call();
    git.rm().addFilepattern("poolguard.yaml").call();
    write(APP, "spring.datasource.hikari.maximum-pool-size: 3\n"); // not staged

    Materialized m = GitTree.materializeIndex(repo.resolve(APP), out);

    assertThat(files(out)).containsExactly("orders/src/main/resources/application-prod.yml", APP);
    assertThat(read(out, APP)).contains("maximum-pool-size: 2");
    assertThat(m.commit()).isEmpty();
    assertThat(m.repositoryRoot()).isEqualTo(repo.toAbsolutePath());
  }

  @Test
  void aHookIndexNamedByGitIndexFileWins() throws IOException, GitAPIException {
    // git commit -a builds the commit in a temporary index and names it in GIT_INDEX_FILE.
    Path hookIndex = work.resolve("index.lock-copy");
    write(APP, "spring.datasource.hikari.maximum-pool-size: 5\n");
    git.add().addFilepattern(APP).call();
    Files.copy(repo.resolve(".git/index"), hookIndex);
    write(APP, "spring.datasource.hikari.maximum-pool-size: 6\n");
    git.add().addFilepattern(APP).call();
    Map<String, String> env =
        Map.of("GIT_INDEX_FILE", hookIndex.toString(), "GIT_DIR", repo.resolve(".git").toString());

    Materialized m =
        new GitTree(env, dev.poolguard.core.config.Limits.DEFAULT).index(repo, out.resolve("hook"));
    Materialized other =
        new GitTree(
                Map.of("GIT_INDEX_FILE", hookIndex.toString(), "GIT_DIR", work.toString()),
                dev.poolguard.core.config.Limits.DEFAULT)
            .index(repo, out.resolve("other"));

    assertThat(read(m.target(), APP)).contains("maximum-pool-size: 5");
    assertThat(read(other.target(), APP))
        .as("another repository's hook index is ignored")
        .contains("maximum-pool-size: 6");
  }

  @Test
  void anUnmergedPathIsSkippedWithANote() throws IOException, GitAPIException {
    git.checkout().setName("release").call();
    write(APP, "spring.datasource.hikari.maximum-pool-size: 30\n");
    commit("Release pool");
    git.merge().include(git.getRepository().resolve("main")).call();

    Materialized m = gitTree().index(repo, out);

    assertThat(out.resolve(APP)).doesNotExist();
    assertThat(m.notes())
        .containsExactly(
            "skipped " + APP + " in the index: unmerged (resolve the conflict and stage it)");
  }

  @Test
  void symlinksAndOversizedFilesAreSkippedWithANote() throws IOException, GitAPIException {
    Files.createSymbolicLink(repo.resolve("linked.yml"), Path.of("/etc/passwd"));
    write("big.yml", "x: " + "y".repeat(100) + "\n");
    RevCommit third = commit("Link and big file");

    Materialized m =
        new GitTree(Map.of(), new dev.poolguard.core.config.Limits(64, 20_000, 200, 100))
            .tree(repo, third.name(), out);

    assertThat(out.resolve("linked.yml")).doesNotExist();
    assertThat(out.resolve("big.yml")).doesNotExist();
    assertThat(m.notes())
        .containsExactly(
            "skipped big.yml in " + third.name() + ": 104 bytes, over the 64-byte limit",
            "skipped linked.yml in " + third.name() + ": a symlink (not followed)");
  }

  @Test
  void locateMapsWorkTreePathsIntoTheCopy() {
    Materialized m = GitTree.materialize(repo, "HEAD", out);

    assertThat(m.locate(repo.resolve("orders/src/../src")))
        .contains(out.toAbsolutePath().resolve("orders/src"));
    assertThat(m.locate(repo)).contains(out.toAbsolutePath());
    assertThat(m.locate(work.resolve("elsewhere"))).isEmpty();
  }

  @Test
  void aRemoteTrackingBranchOfACloneResolves() throws GitAPIException, IOException {
    Path clone = work.resolve("clone");
    try (Git cloned =
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(clone.toFile()).call()) {
      Materialized m = GitTree.materialize(clone, "origin/main", out);

      assertThat(m.commit()).contains(second.name());
      assertThat(m.repositoryRoot()).isEqualTo(clone.toAbsolutePath());
    }
  }

  @Test
  void aShallowCloneLacksOlderHistoryAndSaysHowToFetchIt() throws GitAPIException {
    Path clone = work.resolve("shallow");
    try (Git cloned =
        Git.cloneRepository()
            .setURI(repo.toUri().toString())
            .setDirectory(clone.toFile())
            .setDepth(1)
            // As CI checks out: one branch, no tags (here they would reach the older commit).
            .setBranchesToClone(List.of("refs/heads/main"))
            .setBranch("refs/heads/main")
            .setNoTags()
            .call()) {
      assertThat(GitTree.materialize(clone, "HEAD", out).commit()).contains(second.name());

      assertThatThrownBy(() -> GitTree.materialize(clone, "HEAD~1", out.resolve("old")))
          .isInstanceOf(LintException.class)
          .hasMessage(
              "git revision 'HEAD~1' is beyond the history of this shallow clone; fetch it first, e.g. `git fetch --deepen=1`");
      assertThatThrownBy(() -> GitTree.materialize(clone, first.name(), out.resolve("sha")))
          .isInstanceOf(LintException.class)
          .hasMessageContaining("unknown git revision '" + first.name() + "'")
          .hasMessageContaining("`git fetch --depth=1 origin " + first.name() + "`");
    }
  }

  @Test
  void anUnknownRevisionSaysHowToFetchIt() {
    assertThatThrownBy(() -> GitTree.materialize(repo, "origin/main", out))
        .isInstanceOf(LintException.class)
        .hasMessage(
            "unknown git revision 'origin/main'; in a shallow clone fetch it first, e.g. `git fetch --depth=1 origin main`");
    assertThatThrownBy(() -> GitTree.materialize(repo, "no such:thing", out))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith("unknown git revision 'no such:thing'");
    assertThatThrownBy(() -> GitTree.materialize(repo, "HEAD~5", out))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith("unknown git revision 'HEAD~5'");
  }

  @Test
  void aRevisionThatIsNotACommitIsRefused() throws IOException {
    String tree = second.getTree().name();

    assertThatThrownBy(() -> GitTree.materialize(repo, tree, out))
        .isInstanceOf(LintException.class)
        .hasMessage(
            "git revision '" + tree + "' does not name a commit; give a branch, tag or commit");
  }

  @Test
  void aRepositoryWithoutCommitsSaysSo() throws GitAPIException {
    Path empty = work.resolve("empty");
    Git.init().setDirectory(empty.toFile()).setInitialBranch("main").call().close();

    assertThatThrownBy(() -> GitTree.materialize(empty, "HEAD", out))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("the repository has no commits yet");
  }

  @Test
  void refusesATargetThatAlreadyHoldsFiles() throws IOException {
    Files.writeString(out.resolve("stale.yml"), "old: true\n");

    assertThatThrownBy(() -> GitTree.materialize(repo, "HEAD", out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not empty");
  }

  @Test
  void aBareRepositoryHasTreesButNoIndex() throws GitAPIException {
    Path bare = work.resolve("bare.git");
    Git.cloneRepository()
        .setURI(repo.toUri().toString())
        .setDirectory(bare.toFile())
        .setBare(true)
        .call()
        .close();

    Materialized m = GitTree.materialize(bare, "main", out);

    assertThat(m.commit()).contains(second.name());
    assertThat(m.repositoryRoot()).isEqualTo(bare.toAbsolutePath());
    assertThatThrownBy(() -> GitTree.materializeIndex(bare, out.resolve("index")))
        .isInstanceOf(LintException.class)
        .hasMessage(
            "--staged needs a repository with a work tree; " + bare + " is in a bare repository");
  }

  @Test
  void aFolderOutsideAnyRepositoryIsRefused(@TempDir Path plain) {
    assertThatThrownBy(() -> GitTree.materialize(plain, "HEAD", out))
        .isInstanceOf(LintException.class)
        .hasMessage("--baseline HEAD needs a git repository; " + plain + " is not inside one");
    assertThatThrownBy(() -> GitTree.materializeIndex(plain, out))
        .isInstanceOf(LintException.class)
        .hasMessage("--staged needs a git repository; " + plain + " is not inside one");
  }

  @Test
  void anUpstreamThatDoesNotExistIsSaidPlainly() throws Exception {
    assertThatThrownBy(() -> GitTree.materialize(repo, "HEAD@{upstream}", out))
        .isInstanceOf(dev.poolguard.core.LintException.class)
        .hasMessage(
            "git revision 'HEAD@{upstream}' needs an upstream, but branch 'main' has none; set one"
                + " with `git branch --set-upstream-to=origin/main`, or name the base branch"
                + " instead, e.g. --baseline origin/main");
    git.checkout().setName(second.name()).call();
    assertThatThrownBy(() -> GitTree.materialize(repo, "@{u}", out))
        .hasMessageContaining("HEAD is detached");
    try (java.util.stream.Stream<Path> copied = Files.list(out)) {
      assertThat(copied).isEmpty();
    }
  }

  @Test
  void aRevisionWithMoreFilesThanTheLimitIsRefusedBeforeAnythingIsCopied() {
    dev.poolguard.core.config.Limits limits =
        new dev.poolguard.core.config.Limits(1 << 20, 1, 200, 100);
    assertThatThrownBy(() -> GitTree.materialize(repo, "HEAD", out, limits))
        .hasMessage(
            "more than 1 config files in git revision 'HEAD' (limits.maxFiles); nothing was"
                + " copied. Narrow the baseline or raise limits.maxFiles");
    assertThat(out.toFile().list()).isEmpty();
    assertThatThrownBy(() -> GitTree.materializeIndex(repo, out, limits))
        .hasMessageStartingWith("more than 1 config files in the git index (limits.maxFiles)");
    assertThat(out.toFile().list()).isEmpty();
  }

  @Test
  void aRevisionWhoseFilesAddUpToMoreThanTheByteLimitIsRefusedBeforeAnythingIsCopied() {
    // Each file is small; together they pass the bound, which a hostile tree uses to fill the disk.
    dev.poolguard.core.config.Limits limits =
        new dev.poolguard.core.config.Limits(1 << 20, 20_000, 200, 100, 10);
    assertThatThrownBy(() -> GitTree.materialize(repo, "HEAD", out, limits))
        .hasMessage(
            "config files in git revision 'HEAD' add up to more than 10 bytes"
                + " (limits.maxTotalBytes); nothing was copied. Narrow the baseline or raise"
                + " limits.maxTotalBytes");
    assertThat(out.toFile().list()).isEmpty();
    assertThatThrownBy(() -> GitTree.materializeIndex(repo, out, limits))
        .hasMessageStartingWith("config files in the git index add up to more than 10 bytes");
    assertThat(out.toFile().list()).isEmpty();
    // The default bound leaves ordinary trees alone.
    assertThat(
            GitTree.materialize(repo, "HEAD", out, dev.poolguard.core.config.Limits.DEFAULT)
                .files())
        .isPositive();
  }
}
