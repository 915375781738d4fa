package dev.poolguard.core.model.micronaut;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's property sources in Micronaut's order, lowest first, and lookups over them: the
 * catalogue of {@code PropertySourcePropertyResolver}, where a later source overwrites an earlier
 * one's value of the same name ({@code application.yml} and {@code .properties} at -300, an
 * environment's files at -299 + its priority, environment variables -200, system properties -100,
 * command-line arguments 0).
 */
final class Sources {

  private static final int MAX_ENTRIES = 100_000;
  private static final int MAX_PLACEHOLDER_DEPTH = 16;

  private final List<List<Entry>> lowestFirst = new ArrayList<>();

  void addFile(ConfigFile file) {
    List<Entry> entries = new ArrayList<>();
    for (ConfigNode document : file.documents()) {
      walk("", document, entries);
    }
    lowestFirst.add(entries);
  }

  void addExternal(List<ExternalSetting> settings) {
    List<Entry> entries = new ArrayList<>();
    for (ExternalSetting s : settings) {
      boolean env = s.origin().kind() == Origin.Kind.ENV;
      entries.add(
          new Entry(
              env ? MicronautNames.envNormalized(s.name()) : MicronautNames.hyphenate(s.name()),
              s.text().orElse(""),
              s.unknown(),
              s.origin()));
    }
    lowestFirst.add(entries);
  }

  /** Every entry of every source, lowest source first. */
  List<Entry> all() {
    return lowestFirst.stream().flatMap(List::stream).toList();
  }

  /**
   * The entries that set {@code property}, the effective one first: the highest source, and in one
   * source the last one written.
   */
  List<Entry> chain(String property) {
    List<Entry> out = new ArrayList<>();
    for (int s = lowestFirst.size() - 1; s >= 0; s--) {
      List<Entry> source = lowestFirst.get(s);
      for (int i = source.size() - 1; i >= 0; i--) {
        if (source.get(i).provides(property)) {
          out.add(source.get(i));
        }
      }
    }
    return out;
  }

  /** The effective value of {@code top}, its placeholders resolved. */
  Value value(Entry top, List<Origin> overridden) {
    if (top.unknown().isPresent()) {
      return Value.unknown(top.unknown().get(), top.origin(), overridden);
    }
    List<Origin> via = new ArrayList<>();
    Resolved r = expand(top.text(), via, 0);
    if (r.unknown().isPresent()) {
      return Value.unknown(r.unknown().get(), top.origin(), overridden);
    }
    return Value.set(r.text(), top.origin(), overridden).withVia(via);
  }

  private record Resolved(String text, Optional<Value.Unknown> unknown) {}

  /**
   * Micronaut's {@code DefaultPropertyPlaceholderResolver}: {@code ${a:b:default}} tries property
   * {@code a}, then {@code b} (an upper-case name also as an environment variable), then the
   * default; a default in backticks is taken as written.
   */
  private Resolved expand(String text, List<Origin> via, int depth) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      int end = closing(text, start + 2);
      if (end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      Resolved inner = placeholder(text.substring(start + 2, end), via, depth);
      if (inner.unknown().isPresent()) {
        return inner;
      }
      out.append(inner.text());
      i = end + 1;
    }
    return new Resolved(out.toString(), Optional.empty());
  }

  private static int closing(String text, int from) {
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private Resolved placeholder(String body, List<Origin> via, int depth) {
    String rest = body;
    while (true) {
      int colon = rest.indexOf(':');
      String expression = colon < 0 ? rest : rest.substring(0, colon);
      Optional<Entry> found = find(expression.strip());
      if (found.isPresent()) {
        Entry e = found.get();
        if (!via.contains(e.origin())) {
          via.add(e.origin());
        }
        if (e.unknown().isPresent()) {
          return new Resolved("", e.unknown());
        }
        return depth >= MAX_PLACEHOLDER_DEPTH
            ? new Resolved(e.text(), Optional.empty())
            : expand(e.text(), via, depth + 1);
      }
      if (colon < 0) {
        return new Resolved(
            "",
            Optional.of(
                new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, expression.strip())));
      }
      String fallback = rest.substring(colon + 1);
      if (fallback.length() >= 2 && fallback.startsWith("`") && fallback.endsWith("`")) {
        return new Resolved(fallback.substring(1, fallback.length() - 1), Optional.empty());
      }
      if (fallback.indexOf(':') < 0) {
        return new Resolved(fallback, Optional.empty());
      }
      rest = fallback;
    }
  }

  /** What {@code ${expression}} finds: a property of that name, else such a variable. */
  private Optional<Entry> find(String expression) {
    List<Entry> chain = chain(expression);
    if (!chain.isEmpty()) {
      return Optional.of(chain.get(0));
    }
    if (MicronautNames.isEnvironmentName(expression)) {
      for (int s = lowestFirst.size() - 1; s >= 0; s--) {
        for (Entry e : lowestFirst.get(s)) {
          if (e.isEnv() && e.origin().property().equals(expression)) {
            return Optional.of(e);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static void walk(String prefix, ConfigNode node, List<Entry> out) {
    if (out.size() >= MAX_ENTRIES) {
      return;
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry entry : map.entries()) {
        String key = entry.key().value();
        walk(prefix.isEmpty() ? key : prefix + "." + key, entry.value(), out);
      }
    } else if (node instanceof ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        walk(prefix + "[" + i + "]", list.items().get(i), out);
      }
    } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
      out.add(
          new Entry(
              MicronautNames.hyphenate(prefix),
              scalar.value(),
              Optional.empty(),
              new Origin(Origin.Kind.FILE, scalar.position(), prefix, scalar.raw())));
    }
  }
}
