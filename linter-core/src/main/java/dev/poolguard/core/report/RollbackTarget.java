package dev.poolguard.core.report;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How to go back to the baseline, the last known-good values: for a git baseline the command that
 * restores every file where a changed value is now written, and for any baseline each value to
 * restore with where it was set.
 */
final class RollbackTarget {

  private RollbackTarget() {}

  /** {@code git checkout <revision> -- <files>}, for a git baseline with changed settings. */
  static List<String> commands(BaselineView view) {
    if (view.revision().isEmpty()) {
      return List.of();
    }
    TreeSet<String> files = new TreeSet<>();
    for (Change c : view.changes()) {
      if (c.scope() != Change.Scope.SETTING) {
        continue;
      }
      c.current().map(RollbackTarget::writtenAt).ifPresent(files::add);
    }
    files.remove("");
    if (files.isEmpty()) {
      return List.of();
    }
    List<String> quoted = files.stream().map(RollbackTarget::shellQuoted).toList();
    return List.of(
        "git checkout "
            + view.revision().get().substring(0, Math.min(12, view.revision().get().length()))
            + " -- "
            + String.join(" ", quoted));
  }

  /** "maximum-pool-size of orders-api (default): 40, set at application-prod.yml:7". */
  static List<String> values(BaselineView view) {
    List<String> out = new ArrayList<>();
    for (Change c : view.changes()) {
      if (c.scope() != Change.Scope.SETTING || c.kind() == Change.Kind.ADDED) {
        continue;
      }
      String value =
          c.baseline().map(v -> DiffReport.shown(c, v) + ", " + where(v)).orElse("(not set)");
      out.add(c.key() + " of " + c.service() + " (" + c.dataSource() + "): " + value);
    }
    return out;
  }

  private static String where(Value v) {
    Origin o = v.origin();
    return o.isDefault() ? "the library default" : "set at " + o.describe();
  }

  /** The file where the value is now written: the source behind a placeholder if there is one. */
  private static String writtenAt(Value v) {
    Origin o = v.via().isEmpty() ? v.origin() : v.via().get(v.via().size() - 1);
    return o.isDefault() || o.position().path().startsWith("<") ? "" : o.position().path();
  }

  private static String shellQuoted(String path) {
    return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
