package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  /**
   * The argument source as SimpleCommandLinePropertySource holds it: an argument given twice under
   * one name has all its values joined with commas, which binds to no number.
   */
  static List<Property> arguments(List<ExternalSetting> given) {
    Map<String, List<ExternalSetting>> byName = new LinkedHashMap<>();
    for (ExternalSetting a : given) {
      byName.computeIfAbsent(a.name(), n -> new ArrayList<>()).add(a);
    }
    List<Property> out = new ArrayList<>();
    for (List<ExternalSetting> same : byName.values()) {
      ExternalSetting last = same.get(same.size() - 1);
      if (same.size() == 1 || same.stream().anyMatch(a -> a.text().isEmpty())) {
        out.add(Property.external(last));
        continue;
      }
      String joined =
          same.stream().map(a -> a.text().orElseThrow()).collect(Collectors.joining(","));
      out.add(
          Property.external(
              ExternalSetting.known(
                  last.name(),
                  joined,
                  new Origin(
                      last.origin().kind(),
                      last.origin().position(),
                      last.origin().property(),
                      joined))));
    }
    return out;
  }
}
