package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * List-valued Spring properties: comma-separated or indexed ({@code name[0]}), highest source
 * first.
 */
final class SpringLists {

  private SpringLists() {}

  /** A list-valued property (comma-separated or indexed) and where it was set. */
  record ListValue(List<String> values, String where) {}

  /** The highest-precedence source that sets {@code name} as a string or a list. */
  static ListValue listValue(List<Layer> highestFirst, String name) {
    String uniform = SpringNames.uniform(name);
    for (Layer layer : highestFirst) {
      Optional<Property> single = layer.get(uniform);
      if (single.isPresent()) {
        String text = single.get().value().value();
        return new ListValue(
            Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
            single.get().writtenAs() + " at " + where(single.get()));
      }
      List<Property> items = allIndexed(layer, uniform);
      if (!items.isEmpty()) {
        return new ListValue(
            items.stream().map(p -> p.value().value()).toList(), where(items.get(0)));
      }
    }
    return new ListValue(List.of(), "");
  }

  private static List<Property> allIndexed(Layer layer, String uniform) {
    List<Property> items = new ArrayList<>();
    for (int i = 0; ; i++) {
      Optional<Property> item = layer.get(uniform + "[" + i + "]");
      if (item.isEmpty()) {
        return items;
      }
      items.add(item.get());
    }
  }

  private static String where(Property p) {
    SourcePosition pos = p.value().position();
    return pos.path() + ":" + pos.line();
  }

  /** Profile names that can be active: not blank, not a Maven token, not a placeholder. */
  static List<String> usable(List<String> names) {
    return names.stream()
        .map(String::strip)
        .filter(
            n -> !n.isEmpty() && !SpringResolver.MAVEN_TOKEN.matcher(n).find() && !n.contains("${"))
        .toList();
  }
}
