package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Java system properties from a JVM options string such as {@code JAVA_TOOL_OPTIONS}.
 *
 * <p>The string is split as HotSpot's {@code Arguments::parse_options_buffer} splits it: at white
 * space, with single or double quotes grouping (and removed), no escapes; an unmatched quote makes
 * the JVM refuse to start. The JVM reads {@code JAVA_TOOL_OPTIONS} before its command line and
 * {@code _JAVA_OPTIONS} after it, a later {@code -D} beating an earlier one. {@code JAVA_OPTS} is
 * only a convention of launch scripts, which usually expand it unquoted (see {@link
 * CommandLineArgs}).
 */
final class JvmOptions {

  private JvmOptions() {}

  /** The {@code -Dkey=value} options of {@code options}, in order; each at {@code position}. */
  public static List<KeyValue> systemProperties(String options, SourcePosition position) {
    return parse(options, position).systemProperties();
  }

  /** Like {@link #systemProperties}, with notes (an unmatched quote) in the result. */
  public static CommandLine parse(String options, SourcePosition position) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(position, "position");
    CommandLine.Builder out = new CommandLine.Builder();
    Optional<List<String>> words = split(options);
    if (words.isEmpty()) {
      out.notes.add(position, "unmatched quote in JVM options; the JVM does not start");
      return out.build();
    }
    for (String word : words.get()) {
      systemProperty(Token.known(word, position), out);
    }
    return out.build();
  }

  /**
   * The system properties of a variable such as {@code JAVA_TOOL_OPTIONS}, when its value is known.
   */
  public static CommandLine parse(EnvEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!entry.isKnown()) {
      CommandLine.Builder out = new CommandLine.Builder();
      out.notes.add(
          entry.origin().position(),
          entry.name() + " is not known before deployment; its -D options cannot be read");
      return out.build();
    }
    return parse(entry.text(), entry.origin().position());
  }

  /** Adds {@code -Dkey=value} to the system properties; true when the word was one. */
  static boolean systemProperty(Token word, CommandLine.Builder out) {
    String source = word.unknown().isPresent() ? word.raw() : word.text();
    if (!source.startsWith("-D")) {
      return false;
    }
    Optional<KeyValue> property = word.property("-D");
    if (property.isPresent()) {
      out.systemProperties.add(property.get());
    } else {
      out.notes.add(word.position(), "cannot read the property name of a -D option");
    }
    return true;
  }

  /** HotSpot's split; empty when a quote is not closed. */
  static Optional<List<String>> split(String options) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < options.length()) {
      char c = options.charAt(i);
      if (isSpace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'' || c == '"') {
        int close = options.indexOf(c, i + 1);
        if (close < 0) {
          return Optional.empty();
        }
        word.append(options, i + 1, close);
        inWord = true;
        i = close + 1;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return Optional.of(words);
  }

  // C isspace(): space, \t, \n, \v, \f, \r.
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
