package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a config file's documents into the properties Quarkus sees in it. */
final class Documents {

  private static final int MAX_PROPERTIES = 100_000;
  private static final Set<String> NULL_WORDS = Set.of("", "~", "null", "Null", "NULL");
  private static final Pattern PROFILE_FILE =
      Pattern.compile("application-(.+)\\.(properties|yaml|yml)");

  private Documents() {}

  /** Every property of {@code file}, in file order; later documents and lines beat earlier ones. */
  static List<Prop> props(ConfigFile file, int rank) {
    Optional<String> fileProfile = fileProfile(file.displayPath());
    List<Prop> out = new ArrayList<>();
    for (ConfigNode document : file.documents()) {
      if (file.format() == ConfigFile.Format.PROPERTIES) {
        flat(document, out);
      } else {
        nested("", document, out);
      }
    }
    List<Prop> ranked = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Prop p = out.get(i);
      List<String> profiles =
          p.profiles().isEmpty() && fileProfile.isPresent()
              ? List.of(fileProfile.get())
              : p.profiles();
      ranked.add(
          new Prop(
              p.written(), profiles, p.base(), "", p.text(), p.unknown(), p.origin(), rank, i));
    }
    return ranked;
  }

  /**
   * The profile of a profile-aware file ({@code application-staging.properties}): its keys apply to
   * that profile only (Quarkus config-reference, "Profile aware files").
   */
  static Optional<String> fileProfile(String displayPath) {
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    Matcher m = PROFILE_FILE.matcher(name);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A properties document: a map of flat keys (the loader's contract). */
  private static void flat(ConfigNode document, List<Prop> out) {
    if (!(document instanceof MapNode map)) {
      return;
    }
    for (MapNode.Entry entry : map.entries()) {
      if (entry.value() instanceof ScalarNode value && out.size() < MAX_PROPERTIES) {
        out.add(prop(entry.key().value(), value));
      }
    }
  }

  /**
   * A YAML document flattened as SmallRye's {@code YamlConfigSource#flattenYaml} does: a key that
   * holds a dot is quoted ({@code "io.quarkus.category"}), a null key ({@code ~}) adds nothing to
   * the name, a null value is the empty string, a list is its items joined by commas and indexed.
   */
  private static void nested(String path, ConfigNode node, List<Prop> out) {
    if (out.size() >= MAX_PROPERTIES) {
      return;
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry entry : map.entries()) {
        nested(child(path, entry.key()), entry.value(), out);
      }
    } else if (node instanceof ListNode list) {
      List<String> items = new ArrayList<>();
      boolean allScalars = true;
      for (int i = 0; i < list.items().size(); i++) {
        ConfigNode item = list.items().get(i);
        if (item instanceof ScalarNode s) {
          items.add(s.value().replace(",", "\\,"));
        } else {
          allScalars = false;
        }
        nested(path + "[" + i + "]", item, out);
      }
      if (allScalars && !path.isEmpty()) {
        out.add(prop(path, ScalarNode.of(String.join(",", items), list.position())));
      }
    } else if (node instanceof ScalarNode scalar && !path.isEmpty()) {
      out.add(prop(path, scalar));
    }
  }

  private static String child(String path, ScalarNode key) {
    if (isNullKey(key)) {
      return path;
    }
    String segment = key.value().indexOf('.') >= 0 ? "\"" + key.value() + "\"" : key.value();
    return path.isEmpty() ? segment : path + "." + segment;
  }

  /**
   * A YAML null key. Quarkus reads YAML with SnakeYAML (YAML 1.1), where {@code ~}, {@code null}
   * and an empty plain scalar are null; the text is checked too because the node may not carry the
   * resolution.
   */
  static boolean isNullKey(ScalarNode key) {
    return key.isNull() || NULL_WORDS.contains(key.raw());
  }

  private static Prop prop(String written, ScalarNode value) {
    PropertyNames.Profiled profiled = PropertyNames.profiled(written);
    String text = value.isNull() ? "" : value.value();
    return new Prop(
        written,
        profiled.profiles(),
        PropertyNames.canonical(profiled.base()),
        "",
        text,
        Optional.empty(),
        new Origin(Origin.Kind.FILE, value.position(), written, value.raw()),
        0,
        0);
  }
}
