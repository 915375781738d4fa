package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Finding.Suppression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code --new-only}: a finding the baseline's own lint has too is suppressed as existing, so a
 * repository that adopts poolguard with findings blocks only what a change brings. Existing means
 * the same fingerprint (rule, service, subject) and the same judged values: every value a rule
 * judges is stated in its message, so the messages must match once file positions (which move when
 * lines are inserted above) are set aside. A pool shrunk further or a fleet that grew changes the
 * message, and the finding is new.
 */
final class NewOnly {

  // "application.yml:12" or "…:12:5": where a value was read, not what it is.
  private static final Pattern POSITION = Pattern.compile("(?<=\\S):\\d+(?::\\d+)?");

  private NewOnly() {}

  /**
   * A note when {@code --staged} has no baseline (the first commit: every finding is new).
   *
   * @throws LintException when nothing names a baseline to compare with
   */
  static Optional<String> check(LintRequest request, boolean hasBaseline) {
    if (hasBaseline) {
      return Optional.empty();
    }
    if (request.staged() && !request.noBaseline()) {
      return Optional.of("--new-only: no baseline (the first commit), so every finding is new");
    }
    throw new LintException(
        "--new-only needs a baseline to compare with: give --baseline (a git revision, a folder or"
            + " a snapshot), set baseline: in poolguard.yaml, or lint --staged (against HEAD)");
  }

  /** {@code findings} with those the baseline has too suppressed as existing. */
  static List<Finding> suppressExisting(List<Finding> findings, Baselines.Loaded baseline) {
    Set<String> existing = new HashSet<>();
    baseline.findings().forEach(f -> existing.add(identity(f)));
    String justification = "also found in " + describe(baseline.view());
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (!f.suppressed() && existing.contains(identity(f))) {
        out.add(
            f.suppressedBy(
                new Suppression(Suppression.Kind.BASELINE, justification, f.position())));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** What makes two findings the same: the fingerprint and the message without positions. */
  static String identity(Finding f) {
    return f.fingerprint() + '\u0000' + POSITION.matcher(f.message()).replaceAll(":#");
  }

  private static String describe(BaselineView view) {
    return "baseline "
        + view.label()
        + view.revision()
            .map(r -> " (" + r.substring(0, Math.min(12, r.length())) + ")")
            .orElse("");
  }
}
