package dev.poolguard.core.model.quarkus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quarkus (SmallRye Config) property names: the {@code %profile.} prefix, quoted segments, and the
 * environment-variable form.
 */
final class PropertyNames {

  private PropertyNames() {}

  /** A name split into its profile prefix and the rest. */
  record Profiled(List<String> profiles, String base) {}

  /**
   * {@code %prod.x} is {@code x} for {@code prod}; {@code %dev,test.x} for both (SmallRye's {@code
   * ProfileConfigSourceInterceptor#normalizeName}: the profile part ends at the first dot).
   */
  static Profiled profiled(String written) {
    if (!written.startsWith("%")) {
      return new Profiled(List.of(), written);
    }
    int dot = written.indexOf('.');
    if (dot < 2) {
      return new Profiled(List.of(), written);
    }
    List<String> profiles =
        Arrays.stream(written.substring(1, dot).split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    return new Profiled(profiles, written.substring(dot + 1));
  }

  /** Dot-separated segments; a quoted segment keeps its quotes and the dots inside them. */
  static List<String> segments(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == '.' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  /**
   * One spelling per name: quotes dropped around a segment without a dot, since SmallRye maps
   * {@code quarkus.datasource."users".x} and {@code quarkus.datasource.users.x} to the same key.
   */
  static String canonical(String base) {
    List<String> out = new ArrayList<>();
    for (String segment : segments(base)) {
      out.add(unquoted(segment).contains(".") ? segment : unquoted(segment));
    }
    return String.join(".", out);
  }

  static String unquoted(String segment) {
    if (segment.length() >= 2 && segment.startsWith("\"") && segment.endsWith("\"")) {
      return segment.substring(1, segment.length() - 1);
    }
    return segment;
  }

  /** A segment as written in a name: quoted when it holds a dot. */
  static String segment(String name) {
    return name.contains(".") ? "\"" + name + "\"" : name;
  }

  /**
   * The form in which a name and an environment variable meet: upper case, every other character an
   * underscore, runs of underscores collapsed except a leading one (the {@code %} of a profile).
   *
   * <p>SmallRye's {@code EnvConfigSource.EnvName} matches a property to a variable when letters and
   * digits agree case-insensitively and each other character of the name stands against {@code _}
   * (or the same character); a quoted segment gives a double underscore ({@code
   * quarkus.datasource."users".jdbc.max-size} is {@code QUARKUS_DATASOURCE__USERS__JDBC_MAX_SIZE})
   * and a leading {@code _} is a profile ({@code _PROD_QUARKUS_…}). Collapsing the runs also lets
   * the unquoted form {@code QUARKUS_DATASOURCE_USERS_JDBC_MAX_SIZE} meet the unquoted name, as
   * SmallRye's dotted-name matching of map keys does.
   */
  static String envForm(String name) {
    StringBuilder mapped = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      mapped.append(alnum ? Character.toUpperCase(c) : '_');
    }
    boolean profile = mapped.length() > 0 && mapped.charAt(0) == '_';
    String collapsed = mapped.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
    return profile ? "_" + collapsed : collapsed;
  }
}
