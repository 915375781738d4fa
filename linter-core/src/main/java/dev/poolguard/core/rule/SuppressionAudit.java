package dev.poolguard.core.rule;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine found out about a run's suppressions, for the {@link SuppressionRule}s.
 *
 * @param ignores every {@code # poolguard:ignore} comment read, in file and line order; empty when
 *     inline ignores are disregarded ({@code --no-inline-ignores})
 * @param waivers every waiver of {@code poolguard.yaml}, in file order
 * @param ruleIds the ids of every rule of the run (built-in, rule packs, custom rules)
 * @param auditRuleIds the ids of the suppression rules, whose findings cannot be suppressed
 * @param today the day waivers were judged against (UTC)
 */
public record SuppressionAudit(
    List<Ignore> ignores,
    List<WaiverUse> waivers,
    Set<String> ruleIds,
    Set<String> auditRuleIds,
    LocalDate today) {

  public SuppressionAudit {
    ignores = List.copyOf(ignores);
    waivers = List.copyOf(waivers);
    ruleIds = Set.copyOf(ruleIds);
    auditRuleIds = Set.copyOf(auditRuleIds);
    Objects.requireNonNull(today, "today");
  }

  /**
   * One inline ignore comment.
   *
   * @param position where the comment starts (its {@code #})
   * @param line the line whose findings it suppresses
   * @param ruleIds the rule ids it names, as written
   * @param reason the text after {@code --}, when given and not blank
   * @param used the ids among {@code ruleIds} that matched at least one finding
   */
  public record Ignore(
      SourcePosition position,
      int line,
      List<String> ruleIds,
      Optional<String> reason,
      Set<String> used) {

    public Ignore {
      Objects.requireNonNull(position, "position");
      ruleIds = List.copyOf(ruleIds);
      Objects.requireNonNull(reason, "reason");
      used = Set.copyOf(used);
    }
  }

  /**
   * One waiver and how the run used it.
   *
   * @param waiver the waiver as written in {@code poolguard.yaml}
   * @param expired true when {@code today} is after its expiry date: it then suppresses nothing
   * @param matched how many findings it matched (suppressed, unless it has expired)
   */
  public record WaiverUse(Waiver waiver, boolean expired, int matched) {

    public WaiverUse {
      Objects.requireNonNull(waiver, "waiver");
    }
  }
}
