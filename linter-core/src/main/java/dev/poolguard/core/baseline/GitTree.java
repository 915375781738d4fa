package dev.poolguard.core.baseline;

import dev.poolguard.core.LintException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Copies the config files of a git revision, or of the index, out of the repository's object
 * database into a folder, so that a baseline can be linted like any folder. Reads only: the work
 * tree and the index file are never written.
 */
public final class GitTree {

  private final Map<String, String> environment;
  private final dev.poolguard.core.config.Limits limits;

  /**
   * @param environment the process environment; a pre-commit hook's {@code GIT_INDEX_FILE} names
   *     the index the commit will record ({@code git commit -a} stages into a temporary one)
   */
  GitTree(Map<String, String> environment, dev.poolguard.core.config.Limits limits) {
    this.environment = Map.copyOf(environment);
    this.limits = limits;
  }

  /**
   * Copies the files of the tree at {@code revision} (HEAD, HEAD~1, a branch, a tag, origin/main, a
   * full or abbreviated commit id) into {@code target}, keeping their paths relative to the
   * repository root.
   *
   * @param anyPathInRepo a file or folder inside the repository's work tree
   * @param target an empty or missing folder
   * @throws LintException when there is no repository, or the revision is unknown, ambiguous or
   *     beyond a shallow clone's history
   * @throws IllegalArgumentException when {@code target} holds files
   */
  public static Materialized materialize(Path anyPathInRepo, String revision, Path target) {
    return materialize(anyPathInRepo, revision, target, dev.poolguard.core.config.Limits.DEFAULT);
  }

  /**
   * As {@link #materialize(Path, String, Path)}, within {@code limits}: the revision's config files
   * are counted against {@code maxFiles} and their bytes against {@code maxTotalBytes} before
   * anything is copied, and a file over {@code maxFileBytes} is skipped unread.
   */
  public static Materialized materialize(
      Path anyPathInRepo, String revision, Path target, dev.poolguard.core.config.Limits limits) {
    return new GitTree(System.getenv(), limits).tree(anyPathInRepo, revision, target);
  }

  /**
   * Copies the files staged in the index, as the next commit will record them, into {@code target}
   * ({@code --staged}).
   *
   * @param target an empty or missing folder
   * @throws LintException when there is no repository or its index cannot be read
   * @throws IllegalArgumentException when {@code target} holds files
   */
  public static Materialized materializeIndex(Path anyPathInRepo, Path target) {
    return materializeIndex(anyPathInRepo, target, dev.poolguard.core.config.Limits.DEFAULT);
  }

  /** As {@link #materializeIndex(Path, Path)}, counting files against {@code limits} first. */
  public static Materialized materializeIndex(
      Path anyPathInRepo, Path target, dev.poolguard.core.config.Limits limits) {
    return new GitTree(System.getenv(), limits).index(anyPathInRepo, target);
  }

  /**
   * The commit {@code HEAD} names in the repository holding {@code anyPathInRepo}; empty outside a
   * repository and before its first commit.
   */
  public static Optional<String> head(Path anyPathInRepo) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    builder.findGitDir(anyPathInRepo.toAbsolutePath().normalize().toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repo = builder.build()) {
      return Optional.ofNullable(repo.resolve("HEAD^{commit}")).map(ObjectId::name);
    } catch (IOException | RevisionSyntaxException e) {
      return Optional.empty();
    }
  }

  Materialized tree(Path anyPathInRepo, String revision, Path target) {
    try (Repository repo = open(anyPathInRepo, "--baseline " + revision)) {
      boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
      ObjectId id = resolve(repo, revision, shallow);
      Path out = prepare(target);
      try (RevWalk walk = new RevWalk(repo);
          TreeWalk tree = new TreeWalk(repo)) {
        RevCommit commit = walk.parseCommit(id);
        countFiles(tree, commit, revision);
        tree.reset();
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        BlobCopier copier =
            new BlobCopier(tree.getObjectReader(), out, revision, limits.maxFileBytes());
        while (tree.next()) {
          copier.copy(tree.getPathString(), tree.getRawMode(0), tree.getObjectId(0));
        }
        return new Materialized(
            root(repo), out, Optional.of(id.name()), copier.copied(), copier.notes());
      } catch (MissingObjectException e) {
        // A shallow clone can hold a commit whose tree or blobs it never fetched.
        throw new LintException(
            shallow
                ? RevisionHints.missing(revision, true, remotes(repo))
                : "git repository "
                    + root(repo)
                    + " lacks an object of revision '"
                    + revision
                    + "' ("
                    + reason(e)
                    + "); run `git fsck` or fetch it again");
      }
    } catch (IOException e) {
      throw new LintException(
          "cannot read git revision '" + revision + "' at " + anyPathInRepo + ": " + reason(e), e);
    }
  }

  /**
   * Refuses a revision with more config files than {@code limits.maxFiles}, or more bytes in them
   * than {@code limits.maxTotalBytes}, before copying.
   */
  private void countFiles(TreeWalk tree, RevCommit commit, String revision) throws IOException {
    tree.addTree(commit.getTree());
    tree.setRecursive(true);
    Budget budget = new Budget("git revision '" + revision + "'", "the baseline");
    while (tree.next()) {
      if (BlobCopier.wanted(tree.getPathString())
          && (FileMode.REGULAR_FILE.equals(tree.getRawMode(0))
              || FileMode.EXECUTABLE_FILE.equals(tree.getRawMode(0)))) {
        budget.add(tree.getObjectReader(), tree.getObjectId(0));
      }
    }
  }

  /** Files and bytes of one tree or index, counted against the limits before anything is copied. */
  private final class Budget {
    private final String where;
    private final String narrow;
    private int files;
    private long bytes;

    Budget(String where, String narrow) {
      this.where = where;
      this.narrow = narrow;
    }

    void add(ObjectReader reader, ObjectId blob) throws IOException {
      if (++files > limits.maxFiles()) {
        throw new LintException(
            "more than "
                + limits.maxFiles()
                + " config files in "
                + where
                + " (limits.maxFiles); nothing was copied. Narrow "
                + narrow
                + " or raise limits.maxFiles");
      }
      long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
      if (size <= limits.maxFileBytes()) {
        bytes += size; // a bigger file is skipped unread, so it does not count
      }
      if (bytes > limits.maxTotalBytes()) {
        throw new LintException(
            "config files in "
                + where
                + " add up to more than "
                + limits.maxTotalBytes()
                + " bytes (limits.maxTotalBytes); nothing was copied. Narrow "
                + narrow
                + " or raise limits.maxTotalBytes");
      }
    }
  }

  Materialized index(Path anyPathInRepo, Path target) {
    try (Repository repo = open(anyPathInRepo, "--staged")) {
      DirCache index = repo.readDirCache();
      Path out = prepare(target);
      try (ObjectReader reader = repo.newObjectReader()) {
        Budget budget = new Budget("the git index", "the paths");
        for (int i = 0; i < index.getEntryCount(); i++) {
          DirCacheEntry entry = index.getEntry(i);
          if (entry.getStage() == DirCacheEntry.STAGE_0
              && BlobCopier.wanted(entry.getPathString())
              && !entry.isIntentToAdd()
              && (FileMode.REGULAR_FILE.equals(entry.getRawMode())
                  || FileMode.EXECUTABLE_FILE.equals(entry.getRawMode()))) {
            budget.add(reader, entry.getObjectId());
          }
        }
        BlobCopier copier = new BlobCopier(reader, out, "the index", limits.maxFileBytes());
        TreeSet<String> unmerged = new TreeSet<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
          DirCacheEntry entry = index.getEntry(i);
          if (entry.getStage() != DirCacheEntry.STAGE_0) {
            unmerged.add(entry.getPathString());
          } else if (!entry.isIntentToAdd()) {
            // git add -N records a path but no content; the next commit leaves it out.
            copier.copy(entry.getPathString(), entry.getRawMode(), entry.getObjectId());
          }
        }
        for (String path : unmerged) {
          if (BlobCopier.wanted(path)) {
            copier.skip(path, "unmerged (resolve the conflict and stage it)");
          }
        }
        return new Materialized(root(repo), out, Optional.empty(), copier.copied(), copier.notes());
      }
    } catch (NoWorkTreeException e) {
      throw new LintException(
          "--staged needs a repository with a work tree; "
              + anyPathInRepo
              + " is in a bare repository",
          e);
    } catch (MissingObjectException e) {
      throw new LintException(
          "the git index names an object that is missing (" + reason(e) + "); run `git fsck`", e);
    } catch (IOException e) {
      throw new LintException(
          "cannot read the git index at " + anyPathInRepo + ": " + reason(e), e);
    }
  }

  private Repository open(Path anyPathInRepo, String purpose) throws IOException {
    Path start = anyPathInRepo.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    builder.findGitDir(start.toFile());
    if (builder.getGitDir() == null) {
      throw new LintException(
          purpose + " needs a git repository; " + anyPathInRepo + " is not inside one");
    }
    hookIndex(builder.getGitDir()).ifPresent(builder::setIndexFile);
    return builder.build();
  }

  /**
   * The index named by {@code GIT_INDEX_FILE}, when it belongs to this repository: git sets it (and
   * {@code GIT_DIR}) for hooks, and during {@code git commit -a} or {@code git commit PATH} the
   * commit is built in a temporary index, not in {@code .git/index}.
   */
  private Optional<File> hookIndex(File gitDir) {
    String indexFile = environment.get("GIT_INDEX_FILE");
    if (indexFile == null || indexFile.isEmpty()) {
      return Optional.empty();
    }
    String dir = environment.get("GIT_DIR");
    // Relative values are relative to the hook's working directory, which is the JVM's.
    if (dir != null && !dir.isEmpty() && !sameFile(Path.of(dir), gitDir.toPath())) {
      return Optional.empty();
    }
    return Optional.of(Path.of(indexFile).toAbsolutePath().toFile());
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a.toAbsolutePath(), b);
    } catch (IOException e) {
      return false;
    }
  }

  private static final java.util.regex.Pattern UPSTREAM =
      java.util.regex.Pattern.compile(
          "(.*)@\\{(?i:upstream|u|push)}.*", java.util.regex.Pattern.DOTALL);

  private static ObjectId resolve(Repository repo, String revision, boolean shallow)
      throws IOException {
    java.util.regex.Matcher upstream = UPSTREAM.matcher(revision);
    if (upstream.matches()) {
      String named = upstream.group(1);
      String branch =
          named.isEmpty() || named.equals("HEAD")
              ? repo.getBranch()
              : named.replaceFirst("^refs/heads/", "");
      boolean detached = repo.getFullBranch() == null || !repo.getFullBranch().startsWith("refs/");
      if ((named.isEmpty() || named.equals("HEAD")) && detached) {
        throw new LintException(RevisionHints.noUpstream(revision, null));
      }
      if (new org.eclipse.jgit.lib.BranchConfig(repo.getConfig(), branch).getTrackingBranch()
          == null) {
        throw new LintException(RevisionHints.noUpstream(revision, branch));
      }
    }
    ObjectId id;
    try {
      id = repo.resolve(revision + "^{commit}");
    } catch (AmbiguousObjectException e) {
      throw new LintException(RevisionHints.ambiguous(revision), e);
    } catch (IncorrectObjectTypeException e) {
      throw new LintException(RevisionHints.notACommit(revision), e);
    } catch (RevisionSyntaxException | MissingObjectException e) {
      throw new LintException(RevisionHints.missing(revision, shallow, remotes(repo)), e);
    }
    if (id != null) {
      return id;
    }
    if (repo.resolve("HEAD") == null && revision.startsWith("HEAD")) {
      throw new LintException(RevisionHints.noCommits(revision));
    }
    throw new LintException(RevisionHints.missing(revision, shallow, remotes(repo)));
  }

  private static TreeSet<String> remotes(Repository repo) {
    return new TreeSet<>(repo.getRemoteNames());
  }

  private static Path root(Repository repo) {
    File root = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
    return root.toPath().toAbsolutePath().normalize();
  }

  /** Stale files from an earlier copy would silently join the baseline: start empty. */
  private static Path prepare(Path target) throws IOException {
    Path out = target.toAbsolutePath().normalize();
    Files.createDirectories(out);
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("target folder is not empty: " + out);
      }
    }
    return out;
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
