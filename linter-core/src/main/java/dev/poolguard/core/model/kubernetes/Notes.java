package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects {@code file:line:column: message} notes about shapes that could not be read, listed in
 * source order whatever order they were found in.
 */
final class Notes {

  private record Note(SourcePosition at, String message) {}

  private final List<Note> notes = new ArrayList<>();

  void add(SourcePosition at, String message) {
    notes.add(new Note(at, message));
  }

  List<String> list() {
    return notes.stream()
        .sorted(Comparator.comparing(Note::at))
        .map(n -> n.at() + ": " + n.message())
        .toList();
  }
}
