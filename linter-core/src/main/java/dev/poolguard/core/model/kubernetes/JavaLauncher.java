package dev.poolguard.core.model.kubernetes;

import java.util.List;
import java.util.Set;

/**
 * Reads the words after {@code java}: launcher and JVM options up to {@code -jar file}, {@code -m
 * module} or the main class, then the application's arguments.
 */
final class JavaLauncher {

  // Launcher options whose value is the next word.
  private static final Set<String> WITH_VALUE =
      Set.of(
          "-cp",
          "-classpath",
          "--class-path",
          "-p",
          "--module-path",
          "--upgrade-module-path",
          "--add-modules",
          "--limit-modules",
          "--add-exports",
          "--add-opens",
          "--add-reads",
          "--patch-module",
          "--enable-native-access",
          "--source");

  private JavaLauncher() {}

  static void parse(List<Token> words, CommandLine.Builder out) {
    int i = 0;
    while (i < words.size()) {
      Token word = words.get(i);
      String text = word.unknown().isPresent() ? word.raw() : word.text();
      if (JvmOptions.systemProperty(word, out)) {
        i++;
      } else if (WITH_VALUE.contains(text)) {
        i += 2;
      } else if (text.equals("-jar") || text.equals("-m") || text.equals("--module")) {
        appArgs(words.subList(Math.min(i + 2, words.size()), words.size()), out);
        return;
      } else if (text.startsWith("--module=")) {
        appArgs(words.subList(i + 1, words.size()), out);
        return;
      } else if (text.startsWith("@")) {
        out.notes.add(
            word.position(),
            "java reads options from argument file " + text + ", which poolguard cannot see");
        i++;
      } else if (text.startsWith("-")) {
        i++;
      } else {
        appArgs(words.subList(i + 1, words.size()), out);
        return;
      }
    }
    if (!words.isEmpty()) {
      out.notes.add(words.get(0).position(), "java is started without -jar, -m or a main class");
    }
  }

  /**
   * The application's arguments as Spring's {@code SimpleCommandLineArgsParser} reads them: {@code
   * --key=value} and {@code --key} are properties, anything else is not.
   */
  static void appArgs(List<Token> words, CommandLine.Builder out) {
    for (Token word : words) {
      String text = word.unknown().isPresent() ? word.raw() : word.text();
      if (text.equals("--")) {
        // Newer Spring versions end option parsing here; older ones fail on the empty name.
        out.notes.add(
            word.position(), "'--' ends Spring's option arguments; later arguments are ignored");
        return;
      }
      if (text.startsWith("--")) {
        word.property("--")
            .ifPresentOrElse(
                out.springArgs::add,
                () ->
                    out.notes.add(
                        word.position(),
                        "argument "
                            + (word.unknown().isPresent() ? "" : "'" + text + "' ")
                            + "has no property name; Spring fails to start on it"));
      } else if (text.startsWith("-D")) {
        out.notes.add(
            word.position(),
            "-D option after the main class or jar is an application argument, not a system property");
      }
    }
  }
}
