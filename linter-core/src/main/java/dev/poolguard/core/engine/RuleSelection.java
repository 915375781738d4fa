package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.RuleConfig;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.text.Suggestions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules switched on or off for one run from the command line ({@code --enable}, {@code --disable})
 * or the Maven plugin ({@code enable}, {@code disable}). It beats {@code rules:} in poolguard.yaml:
 * a disabled rule is off whatever the file says; an enabled rule that the file switched {@code off}
 * runs at its default severity, and one the file gave a severity keeps it.
 *
 * @param enable rule ids to run
 * @param disable rule ids not to run
 */
public record RuleSelection(SortedSet<String> enable, SortedSet<String> disable) {

  /** No selection: {@code rules:} in poolguard.yaml alone decides. */
  public static final RuleSelection NONE = new RuleSelection(List.of(), List.of());

  public RuleSelection {
    enable = Collections.unmodifiableSortedSet(new TreeSet<>(enable));
    disable = Collections.unmodifiableSortedSet(new TreeSet<>(disable));
  }

  /**
   * A selection of these ids, as given (blank entries ignored, each id trimmed).
   *
   * @throws LintException when one id is both enabled and disabled
   */
  public RuleSelection(List<String> enable, List<String> disable) {
    this(ids(enable), ids(disable));
    for (String id : this.enable) {
      if (this.disable.contains(id)) {
        throw new LintException(
            "rule '" + id + "' is both enabled and disabled; name it in only one of them");
      }
    }
  }

  private static SortedSet<String> ids(List<String> given) {
    SortedSet<String> ids = new TreeSet<>();
    for (String id : given) {
      if (id != null && !id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  public boolean isEmpty() {
    return enable.isEmpty() && disable.isEmpty();
  }

  /**
   * {@code config} with this selection applied to its {@code rules:}.
   *
   * @throws LintException naming an id that no rule of the run has, with "did you mean"
   */
  PoolguardConfig applyTo(PoolguardConfig config, RuleSet rules) {
    if (isEmpty()) {
      return config;
    }
    List<String> known = rules.infos().stream().map(RuleInfo::id).toList();
    check(enable, "enable", known);
    check(disable, "disable", known);
    Map<String, RuleConfig> selected = new TreeMap<>(config.rules());
    for (String id : disable) {
      RuleConfig given = config.rules().get(id);
      SourcePosition where = SourcePosition.startOf("--disable");
      selected.put(
          id,
          given == null
              ? new RuleConfig(Optional.of("off"), Map.of(), where, Map.of())
              : new RuleConfig(
                  Optional.of("off"), given.thresholds(), given.position(), given.positions()));
    }
    for (String id : enable) {
      RuleConfig given = config.rules().get(id);
      if (given != null && given.off()) {
        selected.put(
            id,
            new RuleConfig(
                Optional.empty(), given.thresholds(), given.position(), given.positions()));
      }
    }
    return config.withRules(new TreeMap<>(selected));
  }

  private static void check(SortedSet<String> ids, String what, List<String> known) {
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new LintException(
            "cannot "
                + what
                + " rule '"
                + id
                + "': no such rule"
                + Suggestions.didYouMean(id, known)
                + "; poolguard rules lists them");
      }
    }
  }
}
