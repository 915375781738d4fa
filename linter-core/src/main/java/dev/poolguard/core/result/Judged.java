package dev.poolguard.core.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run judged, so that a report says which commit its verdict is about.
 *
 * @param paths the linted PATHs as given ({@code .} when none)
 * @param staged whether the git index was linted ({@code --staged}) rather than the files on disk
 * @param revision the commit {@code HEAD} names in the repository holding the linted paths (under
 *     {@code --staged}, the commit the index builds on); empty outside git
 * @param branch the branch {@code HEAD} names, if any
 * @param repositoryUri the URL of the remote {@code origin} as the repository's config records it,
 *     credentials removed; empty when no remote is known
 * @param baseline the baseline compared with, as the run names it ({@code HEAD}, a folder, a
 *     snapshot); empty without one
 * @param baselineRevision the commit a git baseline resolved to
 * @param docsUrl the base URL of the rule pages that {@code docsUrl:} in poolguard.yaml names, for
 *     the reports' rule links ({@code --docs-url} beats it)
 */
public record Judged(
    List<String> paths,
    boolean staged,
    Optional<String> revision,
    Optional<String> branch,
    Optional<String> repositoryUri,
    Optional<String> baseline,
    Optional<String> baselineRevision,
    Optional<String> docsUrl) {

  public Judged {
    paths = List.copyOf(paths);
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(repositoryUri, "repositoryUri");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineRevision, "baselineRevision");
    Objects.requireNonNull(docsUrl, "docsUrl");
  }

  /** A run outside git, without baseline: only the paths are known. */
  public static Judged paths(List<String> paths) {
    return new Judged(
        paths,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The same with the rule pages' base URL. */
  public Judged withDocsUrl(Optional<String> base) {
    return new Judged(
        paths, staged, revision, branch, repositoryUri, baseline, baselineRevision, base);
  }

  /** "examples/incident", or "the git index" under --staged, with the commit when known. */
  public String describe() {
    StringBuilder s = new StringBuilder(staged ? "the git index" : String.join(" ", paths));
    if (revision.isPresent()) {
      s.append(staged ? " on " : " at ").append(revision.get(), 0, 12);
      branch.ifPresent(b -> s.append(" (").append(b).append(')'));
    }
    return s.toString();
  }

  /** "HEAD (0123456789ab)", or the folder or snapshot; empty without a baseline. */
  public Optional<String> describeBaseline() {
    return baseline.map(
        b ->
            baselineRevision
                .filter(r -> !r.startsWith(b))
                .map(r -> b + " (" + r.substring(0, 12) + ")")
                .orElse(b));
  }
}
