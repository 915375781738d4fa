package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import dev.poolguard.core.model.quarkus.AgroalProperties;
import dev.poolguard.core.model.quarkus.AgroalProperty;
import dev.poolguard.core.model.quarkus.QuarkusDurations;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.pool.ConnectionTimeoutBelowMinimum;
import dev.poolguard.rules.support.Hikari;
import dev.poolguard.rules.support.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** A pool setting Spring cannot bind, or that HikariCP's setter rejects. */
public final class InvalidPoolValue implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("invalid-pool-value")
          .title("Pool setting that cannot be bound or is out of range")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Spring binds spring.datasource.hikari.* by converting the text to the setter's type:"
                  + " HikariCP's durations are plain milliseconds (a long), so '30s' or '1.5' fail to"
                  + " bind, and the application does not start. Values that bind but that HikariCP's"
                  + " setters reject (a maximum-pool-size below 1, a negative timeout) stop it too."
                  + " More specific rules report the values HikariCP quietly resets or disables."
                  + " Quarkus converts quarkus.datasource.jdbc.* with SmallRye Config: a duration it"
                  + " cannot read, a size that is not a whole number, an empty required value, or"
                  + " sizes and timeouts Agroal rejects (max-size below 1, min-size above max-size, a"
                  + " negative duration) stop the application; a boolean it does not recognise is"
                  + " read as false with only a warning.")
          .remediation(
              "Write HikariCP durations as whole milliseconds (30000, not 30s or PT30S), counts as"
                  + " whole numbers within the pool's range, and booleans as true or false; write"
                  + " Quarkus durations as 30S, 500ms or PT30S.")
          .example("spring:\n  datasource:\n    hikari:\n      connection-timeout: 30s\n")
          .build();

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
    for (Settings.Pool pool : Settings.pools(context, PoolKind.AGROAL)) {
      agroal(pool, out);
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
    return "'" + Redaction.redact(s, s.value().origin(), s.value().text()) + "'";
  }

  // ---- Agroal (Quarkus) ------------------------------------------------------------------

  // Agroal's AgroalConnectionPoolConfigurationSupplier#validate rejects these negative durations:
  // acquisition (acquisitionTimeout), foreground (idleValidationTimeout), background
  // (validationTimeout), idle removal (reapTimeout), leak detection and max lifetime.
  private static final Set<String> NO_NEGATIVE_DURATION =
      Set.of(
          "acquisition-timeout",
          "foreground-validation-interval",
          "background-validation-interval",
          "idle-removal-interval",
          "leak-detection-interval",
          "max-lifetime");

  private static void agroal(Settings.Pool pool, List<Violation> out) {
    for (PoolSetting s : pool.dataSource().settings()) {
      if (!s.value().isSet() || !s.known()) {
        continue;
      }
      agroalProblem(s)
          .ifPresent(why -> out.add(pool.at(s, s.property() + " " + quoted(s) + " " + why)));
    }
    minAboveMax(pool).ifPresent(out::add);
  }

  private static Optional<String> agroalProblem(PoolSetting s) {
    Optional<AgroalProperty> property = AgroalProperties.exact(s.key());
    if (property.isEmpty() || property.get().type() == AgroalProperty.Type.MAP) {
      return Optional.empty();
    }
    String text = s.value().text();
    if (text.isBlank()) {
      // SmallRye reads an empty value as missing: fatal for a required (non-Optional) property.
      return property.get().optional()
          ? Optional.empty()
          : Optional.of(
              "is empty: Quarkus reads it as missing and this property is required, so the"
                  + " application does not start");
    }
    return switch (property.get().type()) {
      case DURATION -> duration(s.key(), text);
      case COUNT -> count(s.key(), text);
      case BOOLEAN ->
          AgroalProperties.booleanValue(text).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "is not a boolean: Quarkus reads it as false, with only a warning in the log;"
                      + " write true or false");
      default -> Optional.empty();
    };
  }

  private static Optional<String> duration(String key, String text) {
    Optional<Duration> d = QuarkusDurations.parse(text);
    if (d.isEmpty()) {
      return Optional.of(
          "is not a duration Quarkus can read (seconds as a bare number, 500ms, 30S, 5M, 2H, 1D"
              + " or ISO-8601 PT30S), so the application does not start");
    }
    if (d.get().isNegative() && NO_NEGATIVE_DURATION.contains(key)) {
      return Optional.of("is negative: Agroal rejects it and the application does not start");
    }
    return Optional.empty();
  }

  private static Optional<String> count(String key, String text) {
    OptionalInt n = AgroalProperties.count(text);
    if (n.isEmpty()) {
      return Optional.of(
          "is not a whole number Quarkus can read (decimal, within int range), so the application"
              + " does not start");
    }
    if (key.equals("max-size") && n.getAsInt() < 1) {
      return Optional.of(
          "is below 1: Agroal requires a positive max size, so the application does not start");
    }
    if (key.equals("min-size") && n.getAsInt() < 0) {
      return Optional.of("is negative: Agroal rejects it and the application does not start");
    }
    return Optional.empty();
  }

  /** Agroal refuses a min-size above max-size ("Invalid min size: greater than max size"). */
  private static Optional<Violation> minAboveMax(Settings.Pool pool) {
    Optional<PoolSetting> min = pool.setting("min-size");
    Optional<PoolSetting> max = pool.setting("max-size");
    if (min.isEmpty()
        || max.isEmpty()
        || !min.get().value().isKnown()
        || !max.get().value().isKnown()) {
      return Optional.empty();
    }
    OptionalInt lo = AgroalProperties.count(min.get().value().text());
    OptionalInt hi = AgroalProperties.count(max.get().value().text());
    if (lo.isEmpty() || hi.isEmpty() || hi.getAsInt() < 1 || lo.getAsInt() <= hi.getAsInt()) {
      return Optional.empty();
    }
    PoolSetting at = min.get().value().isSet() ? min.get() : max.get();
    PoolSetting other = at == min.get() ? max.get() : min.get();
    return Optional.of(
        pool.at(
                at,
                pool.property("min-size")
                    + " "
                    + lo.getAsInt()
                    + " exceeds "
                    + pool.property("max-size")
                    + " "
                    + hi.getAsInt()
                    + ": Agroal rejects a minimum above the maximum, so the application does not"
                    + " start")
            .withRelated(
                List.of(
                    new Related(
                        other.value().origin().position(),
                        (other == max.get() ? "max-size " : "min-size ")
                            + other.value().text()
                            + (other.value().isDefault() ? " (default)" : "")))));
  }
}
