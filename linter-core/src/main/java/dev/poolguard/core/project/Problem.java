package dev.poolguard.core.project;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing wrong with {@code poolguard.yaml}.
 *
 * @param position where the user must edit
 * @param message the field and what is wrong with it
 * @param subject what the problem is about (a value, a key); one problem per subject is reported
 * @param rank lower wins when two problems share a subject ("expected an integer" beats "must be at
 *     least 1" for the same value)
 */
record Problem(SourcePosition position, String message, String subject, int rank) {

  /** Throws the first problem in file order, counting the others, when there are any. */
  static void throwIfAny(List<Problem> problems) {
    Map<String, Problem> bySubject = new LinkedHashMap<>();
    for (Problem problem : problems) {
      bySubject.merge(problem.subject(), problem, (a, b) -> b.rank() < a.rank() ? b : a);
    }
    List<Problem> sorted = new ArrayList<>(bySubject.values());
    if (sorted.isEmpty()) {
      return;
    }
    // Stable: problems at one position keep the order they were found in.
    sorted.sort(Comparator.comparing(Problem::position));
    Problem first = sorted.get(0);
    int more = sorted.size() - 1;
    String tail = more == 0 ? "" : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
    throw new LintException(first.position() + ": " + first.message() + tail);
  }

  private static final int MAX_QUOTED = 60;

  /** {@code label: text}, or just the text for the whole file. */
  static String labelled(String label, String text) {
    return label.isEmpty() ? text : label + ": " + text;
  }

  /** Text from the file in single quotes, kept to one short line. */
  static String quote(String text) {
    return "'" + printable(text) + "'";
  }

  /** Text from the file made safe for a one-line message: control characters escaped, truncated. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < MAX_QUOTED; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(Character.isISOControl(c) ? '?' : c);
      }
    }
    return i < text.length() ? out + "..." : out.toString();
  }
}
