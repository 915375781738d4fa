package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PlaceholderScanner;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Property lookups with SmallRye's profile semantics (quarkusio's config-reference "Profiles",
 * SmallRye {@code ProfileConfigSourceInterceptor}): for each active profile, most important first,
 * the highest source that states {@code %profile.name}; that value wins unless the plain {@code
 * name} comes from a higher source. Within one source a single-profile name beats a multi-profile
 * one ({@code %dev.x} over {@code %dev,test.x}), then a later statement beats an earlier one.
 */
final class Lookup {

  private static final Comparator<Prop> PRECEDENCE =
      Comparator.comparingInt(Prop::rank)
          .thenComparing(p -> p.profiles().size() <= 1)
          .thenComparingInt(Prop::order);

  private final List<Prop> props;
  private final List<String> chain;

  /**
   * @param chain the active profiles, most important first (the active profile, then its parents)
   */
  Lookup(List<Prop> props, List<String> chain) {
    this.props = List.copyOf(props);
    this.chain = List.copyOf(chain);
  }

  List<String> chain() {
    return chain;
  }

  List<Prop> props() {
    return props;
  }

  /** The statement that wins for {@code base}, and the ones it beat (most important first). */
  record Resolution(Prop winner, List<Prop> overridden) {}

  Optional<Resolution> find(String base) {
    Prop profiled = null;
    for (String profile : chain) {
      profiled = best(base, profile);
      if (profiled != null) {
        break;
      }
    }
    Prop plain = best(base, null);
    Prop winner =
        profiled != null && (plain == null || plain.rank() <= profiled.rank()) ? profiled : plain;
    if (winner == null) {
      return Optional.empty();
    }
    List<Prop> others = new ArrayList<>();
    for (Prop p : props) {
      if (p != winner
          && (p.states(base, null) || chain.stream().anyMatch(c -> p.states(base, c)))) {
        others.add(p);
      }
    }
    others.sort(PRECEDENCE.reversed());
    return Optional.of(new Resolution(winner, others));
  }

  /** The statement of {@code %profile.base} only, without falling back to the plain name. */
  Optional<Prop> profiledOnly(String base, String profile) {
    return Optional.ofNullable(best(base, profile));
  }

  private Prop best(String base, String profile) {
    Prop best = null;
    for (Prop p : props) {
      if (p.states(base, profile) && (best == null || PRECEDENCE.compare(p, best) > 0)) {
        best = p;
      }
    }
    return best;
  }

  /** The expanded text of {@code base}; empty when unset or not knowable. */
  Optional<String> text(String base) {
    return find(base)
        .map(r -> value(r.winner(), List.of()))
        .filter(Value::isKnown)
        .map(Value::text);
  }

  /** The effective value of a statement: expressions expanded, unknown when they cannot be. */
  Value value(Prop top, List<Origin> overridden) {
    if (top.unknown().isPresent()) {
      return Value.unknown(top.unknown().get(), top.origin(), overridden);
    }
    List<Origin> via = new ArrayList<>();
    PlaceholderScanner.Result expanded =
        Expressions.expand(top.text(), name -> expression(name, via));
    if (expanded.unknown().isPresent()) {
      return Value.unknown(expanded.unknown().get(), top.origin(), overridden);
    }
    return Value.set(expanded.text(), top.origin(), overridden).withVia(via);
  }

  /** What {@code ${name}} finds; the source it came from joins {@code via}. */
  private Optional<PlaceholderScanner.Found> expression(String name, List<Origin> via) {
    Optional<Prop> winner = find(PropertyNames.canonical(name)).map(Resolution::winner);
    winner.map(Prop::origin).filter(o -> !via.contains(o)).ifPresent(via::add);
    return winner.map(p -> new PlaceholderScanner.Found(p.text(), p.unknown()));
  }
}
