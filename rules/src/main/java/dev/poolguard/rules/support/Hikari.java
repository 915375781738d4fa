package dev.poolguard.rules.support;

import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What HikariCP does with a pool's explicitly set values, for rules that report one kind of
 * adjustment on one setting.
 */
public final class Hikari {

  private Hikari() {}

  /** A pool and HikariCP's verdict on its set values. */
  public record View(Settings.Pool pool, HikariBehaviour.Outcome outcome) {

    /** The setting when it is explicitly set (not a default) to a whole number. */
    public Optional<PoolSetting> set(String key) {
      return pool.setting(key).filter(s -> s.value().isSet() && s.value().asLong().isPresent());
    }

    public OptionalLong configured(String key) {
      return set(key).map(s -> s.value().asLong()).orElse(OptionalLong.empty());
    }
  }

  /** Every HikariCP pool with the outcome of its set values. */
  public static List<View> views(LintContext context) {
    List<View> views = new ArrayList<>();
    for (Settings.Pool pool : Settings.pools(context, PoolKind.HIKARI)) {
      Map<String, Long> configured = new HashMap<>();
      for (String key : HikariBehaviour.KEYS) {
        pool.setting(key)
            .filter(s -> s.value().isSet())
            .flatMap(s -> boxed(s.value().asLong()))
            .ifPresent(v -> configured.put(key, v));
      }
      views.add(
          new View(pool, HikariBehaviour.evaluate(configured, pool.dataSource().libraryMajor())));
    }
    return views;
  }

  /**
   * A violation for each pool whose explicitly set {@code key} HikariCP adjusts in a way {@code
   * which} selects, with the message built from the adjustment.
   */
  public static List<Violation> adjusted(
      LintContext context,
      String key,
      Predicate<HikariBehaviour.Adjustment> which,
      BiFunction<View, HikariBehaviour.Adjustment, String> message) {
    List<Violation> out = new ArrayList<>();
    for (View view : views(context)) {
      Optional<PoolSetting> setting = view.set(key);
      Optional<HikariBehaviour.Adjustment> adjustment = view.outcome().adjustment(key);
      if (setting.isPresent() && adjustment.isPresent() && which.test(adjustment.get())) {
        out.add(view.pool().at(setting.get(), message.apply(view, adjustment.get())));
      }
    }
    return out;
  }

  /** Selects adjustments of the given kinds. */
  public static Predicate<HikariBehaviour.Adjustment> ofKind(
      HikariBehaviour.Adjustment.Kind first, HikariBehaviour.Adjustment.Kind... rest) {
    Set<HikariBehaviour.Adjustment.Kind> kinds = EnumSet.of(first, rest);
    return a -> kinds.contains(a.kind());
  }

  /** {@code property value: explanation}, the common shape of adjustment messages. */
  public static String describe(View view, HikariBehaviour.Adjustment a) {
    return view.pool().property(a.key()) + " " + a.configured() + ": " + a.explanation();
  }

  private static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
