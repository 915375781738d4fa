package dev.poolguard.rules.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.LintContext;

/** Whether the capacity rules judge a pool, so that change rules can stand aside. */
public final class CapacityJudged {

  private CapacityJudged() {}

  public static boolean judged(LintContext context, Service service, DataSource dataSource) {
    return context.capacity().pool(service, dataSource).isPresent();
  }
}
