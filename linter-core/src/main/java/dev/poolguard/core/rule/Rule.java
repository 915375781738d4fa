package dev.poolguard.core.rule;

import java.util.List;

/**
 * A check over the lint context. Rules are pure: context in, violations out. Implementations are
 * found with {@link java.util.ServiceLoader}; their ids must be unique.
 */
public interface Rule {

  RuleInfo info();

  List<Violation> check(LintContext context);
}
