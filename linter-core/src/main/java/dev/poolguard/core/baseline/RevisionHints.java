package dev.poolguard.core.baseline;

import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line messages for revisions git cannot give, each with the command that fixes it. CI
 * checkouts are usually shallow and single-branch, so the likely cause is history or a ref that was
 * never fetched.
 */
final class RevisionHints {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/-]+");
  private static final Pattern ANCESTOR = Pattern.compile(".*[~^](\\d*)$");

  private RevisionHints() {}

  /**
   * A revision git cannot find. In a shallow clone, an ancestor ({@code HEAD~1}) lies beyond the
   * fetched history; anything else (a branch, tag or commit id) was never fetched.
   *
   * @param remotes the repository's remotes, sorted
   */
  static String missing(String revision, boolean shallow, SortedSet<String> remotes) {
    return shallow && ANCESTOR.matcher(revision).matches()
        ? beyondShallow(revision)
        : unknown(revision, remotes);
  }

  private static String unknown(String revision, SortedSet<String> remotes) {
    return "unknown git revision '"
        + revision
        + "'; in a shallow clone fetch it first, e.g. `"
        + fetch(revision, remotes)
        + "`";
  }

  /** A revision the shallow clone's history does not reach ({@code HEAD~1} at depth 1). */
  private static String beyondShallow(String revision) {
    Matcher m = ANCESTOR.matcher(revision);
    String depth = m.matches() && !m.group(1).isEmpty() ? m.group(1) : "1";
    return "git revision '"
        + revision
        + "' is beyond the history of this shallow clone; fetch it first, e.g. `git fetch"
        + " --deepen="
        + depth
        + "`";
  }

  /**
   * {@code HEAD@{upstream}} when the branch tracks nothing, or HEAD is detached (as in most CI
   * checkouts): said plainly, never silently read as something else.
   *
   * @param branch the branch, or null when HEAD is detached
   */
  static String noUpstream(String revision, String branch) {
    if (branch == null) {
      return "git revision '"
          + revision
          + "' needs a branch with an upstream, but HEAD is detached (as in most CI checkouts);"
          + " name the base branch instead, e.g. --baseline origin/main";
    }
    return "git revision '"
        + revision
        + "' needs an upstream, but branch '"
        + branch
        + "' has none; set one with `git branch --set-upstream-to=origin/"
        + branch
        + "`, or name the base branch instead, e.g. --baseline origin/main";
  }

  static String noCommits(String revision) {
    return "git revision '"
        + revision
        + "' names no commit: the repository has no commits yet; commit first, or lint without"
        + " a baseline (--no-baseline)";
  }

  static String ambiguous(String revision) {
    return "git revision '" + revision + "' is ambiguous; give more characters of the commit id";
  }

  static String notACommit(String revision) {
    return "git revision '" + revision + "' does not name a commit; give a branch, tag or commit";
  }

  /** {@code origin/main} fetches {@code main} from {@code origin}; a plain name from origin. */
  private static String fetch(String revision, SortedSet<String> remotes) {
    int slash = revision.indexOf('/');
    if (slash > 0) {
      String prefix = revision.substring(0, slash);
      if (remotes.contains(prefix) || prefix.equals("origin")) {
        return "git fetch --depth=1 " + prefix + " " + revision.substring(slash + 1);
      }
    }
    String remote =
        remotes.contains("origin") || remotes.isEmpty() ? "origin" : remotes.iterator().next();
    String ref = PLAIN.matcher(revision).matches() && !revision.equals("HEAD") ? revision : "main";
    return "git fetch --depth=1 " + remote + " " + ref;
  }
}
