package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.pool.ConnectionTimeoutBelowMinimum;
import dev.poolguard.rules.support.Hikari;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A pool setting Spring cannot bind, or that HikariCP's setter rejects. */
public final class InvalidPoolValue implements Rule {

  static final RuleInfo INFO =
      RuleInfo.of(
          "invalid-pool-value",
          "Pool setting that cannot be bound or is out of range",
          Severity.ERROR,
          Set.of(RuleInfo.Need.CONFIG),
          "Spring binds spring.datasource.hikari.* by converting the text to the setter's type:"
              + " HikariCP's durations are plain milliseconds (a long), so '30s' or '1.5' fail to"
              + " bind, and the application does not start. Values that bind but that HikariCP's"
              + " setters reject (a maximum-pool-size below 1, a negative timeout) stop it too."
              + " More specific rules report the values HikariCP quietly resets or disables.",
          "Write durations as whole milliseconds (30000, not 30s or PT30S), counts as whole"
              + " numbers within HikariCP's range, and booleans as true or false.",
          "spring:\n  datasource:\n    hikari:\n      connection-timeout: 30s\n");

  private static final Set<String> BOOLEANS =
      Set.of("true", "false", "on", "off", "yes", "no", "1", "0");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (Hikari.View view : Hikari.views(context)) {
      for (PoolSetting s : view.pool().dataSource().settings()) {
        if (!s.value().isSet() || !s.known()) {
          continue;
        }
        unbindable(s)
            .ifPresent(
                why ->
                    out.add(
                        view.pool()
                            .at(s, view.pool().property(s.key()) + " " + quoted(s) + " " + why)));
      }
      for (HikariBehaviour.Adjustment a : view.outcome().adjustments()) {
        if (a.kind() == HikariBehaviour.Adjustment.Kind.STARTUP_FAILS
            && !ConnectionTimeoutBelowMinimum.covers(a)) {
          view.set(a.key()).ifPresent(s -> out.add(view.pool().at(s, Hikari.describe(view, a))));
        }
      }
    }
    return out;
  }

  private static Optional<String> unbindable(PoolSetting s) {
    Optional<HikariProperty> property = HikariProperties.find(s.key());
    if (property.isEmpty() || !s.key().equals(property.get().key())) {
      return Optional.empty();
    }
    String text = s.value().text().strip();
    return switch (property.get().type()) {
      case MILLIS ->
          s.value().asLong().isPresent()
              ? Optional.empty()
              : Optional.of(
                  "cannot be bound: HikariCP takes whole milliseconds"
                      + unitHint(text)
                      + ", so the application does not start");
      case COUNT, SECONDS ->
          fitsInt(s)
              ? Optional.empty()
              : Optional.of(
                  "cannot be bound: HikariCP takes a whole number, so the application does not start");
      case BOOLEAN ->
          BOOLEANS.contains(text.toLowerCase(Locale.ROOT))
              ? Optional.empty()
              : Optional.of(
                  "cannot be bound: HikariCP takes true or false, so the application does not start");
      case OBJECT ->
          Optional.of(
              "cannot be set from configuration text: it takes an object, so binding fails");
      default -> Optional.empty();
    };
  }

  private static boolean fitsInt(PoolSetting s) {
    return s.value().asLong().isPresent()
        && s.value().asLong().getAsLong() >= Integer.MIN_VALUE
        && s.value().asLong().getAsLong() <= Integer.MAX_VALUE;
  }

  private static String unitHint(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.matches("\\d+\\s*(ms|s|m|h|d)") || t.startsWith("pt")) {
      return " (a unit or ISO-8601 duration such as '" + text + "' does not bind to a long)";
    }
    return "";
  }

  private static String quoted(PoolSetting s) {
    return "'" + Redaction.redact(s.key(), s.value().text()) + "'";
  }
}
