package dev.poolguard.core.model.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties a container's command line (or a JVM options variable) sets, in the order written:
 * a later duplicate wins for system properties; Spring joins repeated arguments with commas.
 *
 * @param springArgs {@code --key=value} application arguments
 * @param systemProperties {@code -Dkey=value} JVM options
 * @param notes what could not be followed ({@code file:line:column: message})
 */
record CommandLine(List<KeyValue> springArgs, List<KeyValue> systemProperties, List<String> notes) {

  public CommandLine {
    springArgs = List.copyOf(springArgs);
    systemProperties = List.copyOf(systemProperties);
    notes = List.copyOf(notes);
  }

  public static CommandLine empty() {
    return new CommandLine(List.of(), List.of(), List.of());
  }

  /** Collects a command line while it is parsed. */
  static final class Builder {
    final List<KeyValue> springArgs = new ArrayList<>();
    final List<KeyValue> systemProperties = new ArrayList<>();
    final Notes notes = new Notes();

    CommandLine build() {
      return new CommandLine(springArgs, systemProperties, notes.list());
    }
  }
}
