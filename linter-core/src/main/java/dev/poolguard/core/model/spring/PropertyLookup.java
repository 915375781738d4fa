package dev.poolguard.core.model.spring;

import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PlaceholderScanner;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Property lookups over layers in precedence order (highest first), with placeholders resolved. */
final class PropertyLookup {

  private final List<Layer> highestFirst;

  PropertyLookup(List<Layer> highestFirst) {
    this.highestFirst = List.copyOf(highestFirst);
  }

  Optional<Property> top(String name) {
    String uniform = SpringNames.uniform(name);
    for (Layer layer : highestFirst) {
      Optional<Property> found = layer.get(uniform);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The effective text of {@code name} with placeholders resolved; empty if unset or unresolvable.
   */
  Optional<String> resolved(String name) {
    return top(name)
        .filter(p -> p.unknown().isEmpty())
        .map(p -> Placeholders.resolve(p.value().value(), this::raw))
        .filter(r -> r.unresolved().isEmpty())
        .map(Placeholders.Result::text);
  }

  /** A placeholder's raw value (placeholders inside are resolved by the caller). */
  private Optional<String> raw(String name) {
    return exact(name).map(p -> p.value().value());
  }

  /** What a placeholder {@code ${name}} finds: the highest source that has it. */
  private Optional<Property> exact(String name) {
    for (Layer layer : highestFirst) {
      Optional<Property> found = layer.getExact(name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  boolean anyUnder(String prefix) {
    String uniform = SpringNames.uniform(prefix);
    return highestFirst.stream()
        .anyMatch(l -> !l.under(uniform).isEmpty() || l.get(uniform).isPresent());
  }

  /** Every property under {@code prefix}: highest layer first, and later lines first within one. */
  List<Property> under(String prefix) {
    return under(prefix, p -> 0);
  }

  /**
   * Every property under {@code prefix}: highest layer first; within one layer the spellings of
   * {@code spellingRank} 0 (the canonical one) later lines first, then the others in the order
   * written (the first one Spring's reverse mapping meets).
   */
  List<Property> under(String prefix, ToIntFunction<Property> spellingRank) {
    String uniform = SpringNames.uniform(prefix);
    List<Property> all = new ArrayList<>();
    for (Layer layer : highestFirst) {
      List<Property> written = layer.under(uniform);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        order.add(i);
      }
      order.sort(
          Comparator.<Integer>comparingInt(i -> spellingRank.applyAsInt(written.get(i)))
              .thenComparingInt(i -> spellingRank.applyAsInt(written.get(i)) == 0 ? -i : i));
      order.forEach(i -> all.add(written.get(i)));
    }
    return all;
  }

  /**
   * The items of a list property from the highest source that sets it ({@code x} or {@code x[i]}).
   */
  List<Property> listItems(String name) {
    String uniform = SpringNames.uniform(name);
    for (Layer layer : highestFirst) {
      Optional<Property> single = layer.get(uniform);
      if (single.isPresent()) {
        return List.of(single.get());
      }
      List<Property> items = new ArrayList<>();
      for (int i = 0; ; i++) {
        Optional<Property> item = layer.get(uniform + "[" + i + "]");
        if (item.isEmpty()) {
          break;
        }
        items.add(item.get());
      }
      if (!items.isEmpty()) {
        return items;
      }
    }
    return List.of();
  }

  /**
   * The effective value of a property: its text with placeholders resolved, unknown when a
   * placeholder cannot be resolved. An empty text stays set: Spring fails to bind it to a number.
   */
  Value value(Property top, List<Origin> overridden) {
    Origin origin = top.origin();
    if (top.unknown().isPresent()) {
      return Value.unknown(top.unknown().get(), origin, overridden);
    }
    List<Origin> via = new ArrayList<>();
    PlaceholderScanner.Result resolved =
        Placeholders.expand(
            top.value().value(),
            name -> {
              Optional<Property> p = exact(name);
              p.map(Property::origin).filter(o -> !via.contains(o)).ifPresent(via::add);
              return p.map(q -> new PlaceholderScanner.Found(q.value().value(), q.unknown()));
            });
    if (resolved.unknown().isPresent()) {
      return Value.unknown(resolved.unknown().get(), origin, overridden);
    }
    return Value.set(resolved.text(), origin, overridden).withVia(via);
  }
}
