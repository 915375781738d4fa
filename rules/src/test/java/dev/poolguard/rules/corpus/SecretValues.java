package dev.poolguard.rules.corpus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the corpus gives to keys named like a password, secret or token: in YAML and
 * properties trees, in Kubernetes {@code env} entries ({@code name}/{@code value}), in {@code
 * KEY=VALUE} list items and, for files that are no YAML (Helm templates, {@code .env}, {@code
 * .ini}, {@code .conf}), on {@code key = value} lines. A placeholder's default counts as a value of
 * its key.
 *
 * <p>A value only proves a leak when printing it can mean nothing else, so {@link #secrets()}
 * leaves out values that are too short or plain numbers or booleans, and values the corpus also
 * uses for keys that are not secret (a password {@code postgres} that is also a user name).
 */
final class SecretValues {

  private static final Pattern SECRET_NAME =
      Pattern.compile("password|passwd|secret|token", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE =
      Pattern.compile(
          "^\\s*(?:-\\s+)?(?:export\\s+)?[\"']?([A-Za-z0-9_.%\\-\\[\\]']+)[\"']?\\s*[=:]\\s*(.*?)\\s*$");
  private static final Pattern PLACEHOLDER_DEFAULT =
      Pattern.compile("\\$\\{[A-Za-z0-9_.\\-]+(?::-?|-)([^}]*)}");
  private static final Pattern TRIVIAL =
      Pattern.compile("(?i)[0-9.]*|true|false|null|none|yes|no|on|off|~");
  private static final int SHORTEST = 4;

  private final Set<String> secret = new TreeSet<>();
  private final Set<String> ordinary = new TreeSet<>();

  private SecretValues() {}

  static SecretValues of(List<Path> files) {
    SecretValues values = new SecretValues();
    for (Path file : files) {
      values.read(file);
    }
    return values;
  }

  /** The values that must never appear in output, as whole tokens. */
  Set<String> secrets() {
    Set<String> out = new TreeSet<>();
    for (String value : secret) {
      if (value.length() >= SHORTEST
          && !TRIVIAL.matcher(value).matches()
          && !value.contains("${")
          && !value.contains("{{")
          && !value.contains("$(")
          && ordinary.stream().noneMatch(o -> containsToken(o, value))) {
        out.add(value);
      }
    }
    return out;
  }

  /**
   * True when {@code value} occurs in {@code text} as a whole token: not run together with letters,
   * digits, {@code _}, {@code -} or {@code .} on either side.
   */
  static boolean containsToken(String text, String value) {
    int from = 0;
    while (true) {
      int at = text.indexOf(value, from);
      if (at < 0) {
        return false;
      }
      int end = at + value.length();
      if ((at == 0 || !isTokenChar(text.charAt(at - 1)))
          && (end == text.length() || !isTokenChar(text.charAt(end)))) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private void read(Path file) {
    Optional<ConfigFile.Format> format = ConfigLoader.formatOf(file);
    if (format.isPresent()) {
      ConfigFile loaded = ConfigLoader.load(file, file.getFileName().toString(), Limits.DEFAULT);
      loaded.documents().forEach(this::walk);
    }
    String text;
    try {
      // ISO-8859-1 never fails to decode: every file can be scanned line by line.
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : text.lines().toList()) {
      if (line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String value = unquote(m.group(2));
        add(m.group(1), value);
        int comment = value.indexOf(" #");
        if (comment > 0) {
          add(m.group(1), unquote(value.substring(0, comment).strip()));
        }
      }
    }
  }

  private void walk(ConfigNode node) {
    if (node instanceof MapNode map) {
      Optional<String> name = map.text("name");
      Optional<String> value = map.text("value");
      if (name.isPresent() && value.isPresent()) {
        add(name.get(), value.get());
      }
      for (MapNode.Entry e : map.entries()) {
        if (e.value() instanceof ScalarNode s && !s.isNull()) {
          add(e.key().value(), s.value());
        }
        walk(e.value());
      }
    } else if (node instanceof ListNode list) {
      for (ConfigNode item : list.items()) {
        if (item instanceof ScalarNode s && s.value().indexOf('=') > 0) {
          int eq = s.value().indexOf('=');
          add(s.value().substring(0, eq), s.value().substring(eq + 1));
        }
        walk(item);
      }
    }
  }

  private void add(String key, String value) {
    boolean isSecret = SECRET_NAME.matcher(key).find();
    Set<String> into = isSecret ? secret : ordinary;
    into.add(value);
    Matcher defaults = PLACEHOLDER_DEFAULT.matcher(value);
    while (defaults.find()) {
      into.add(unquote(defaults.group(1)));
    }
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
