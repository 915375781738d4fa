package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The rules of a run, found with {@link ServiceLoader}; ids are unique. */
public final class RuleSet {

  private final List<Rule> rules;

  private RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every rule visible to {@code loader}. */
  public static RuleSet load(ClassLoader loader) {
    List<Rule> found = new ArrayList<>();
    ServiceLoader.load(Rule.class, loader).forEach(found::add);
    return of(found);
  }

  /**
   * A rule set of {@code rules}.
   *
   * @throws LintException when two rules share an id
   */
  public static RuleSet of(List<Rule> rules) {
    TreeMap<String, Rule> byId = new TreeMap<>();
    for (Rule rule : rules) {
      Rule clash = byId.put(rule.info().id(), rule);
      if (clash != null && clash.getClass() != rule.getClass()) {
        throw new LintException(
            "rule id '"
                + rule.info().id()
                + "' is defined twice: by "
                + clash.getClass().getName()
                + " and "
                + rule.getClass().getName());
      }
    }
    return new RuleSet(List.copyOf(byId.values()));
  }

  /** The rules, sorted by id. */
  public List<Rule> rules() {
    return rules;
  }

  public List<RuleInfo> infos() {
    return rules.stream().map(Rule::info).sorted(Comparator.comparing(RuleInfo::id)).toList();
  }

  public Optional<Rule> find(String id) {
    return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
  }
}
