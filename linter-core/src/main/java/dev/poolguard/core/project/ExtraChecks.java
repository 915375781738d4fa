package dev.poolguard.core.project;

import dev.poolguard.core.text.Glob;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a JSON Schema cannot express, so that a loaded file never fails later: waiver dates that
 * are real days, exclude globs that compile.
 */
final class ExtraChecks {

  private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private ExtraChecks() {}

  static List<Problem> of(JsonTree tree) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; ; i++) {
      Optional<JsonTree.Located> expires = tree.at("#/waivers/" + i + "/expires");
      if (tree.at("#/waivers/" + i).isEmpty()) {
        break;
      }
      expires
          .filter(at -> at.json() instanceof String s && date(s).isEmpty())
          .ifPresent(
              at ->
                  problems.add(
                      problem(
                          at,
                          "must be a real date as YYYY-MM-DD, found "
                              + Problem.quote((String) at.json()))));
    }
    for (int i = 0; ; i++) {
      Optional<JsonTree.Located> glob = tree.at("#/exclude/" + i);
      if (glob.isEmpty()) {
        break;
      }
      glob.filter(at -> at.json() instanceof String)
          .ifPresent(
              at -> {
                String pattern = (String) at.json();
                globProblem(pattern).ifPresent(why -> problems.add(problem(at, why)));
              });
    }
    for (int i = 0; ; i++) {
      Optional<JsonTree.Located> waiver = tree.at("#/waivers/" + i);
      if (waiver.isEmpty()) {
        break;
      }
      tree.at("#/waivers/" + i + "/path")
          .filter(at -> at.json() instanceof String p && Glob.hasSyntax(p))
          .ifPresent(
              at ->
                  globProblem((String) at.json()).ifPresent(why -> problems.add(problem(at, why))));
    }
    return problems;
  }

  private static Optional<String> globProblem(String pattern) {
    try {
      Glob.compile(pattern);
      return Optional.empty();
    } catch (Glob.SyntaxException e) {
      return Optional.of("not a valid glob: " + e.getMessage());
    }
  }

  /** The day {@code text} names, strictly as YYYY-MM-DD (no 2026-02-30, no 2026-2-3). */
  static Optional<LocalDate> date(String text) {
    if (!DATE_SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Problem problem(JsonTree.Located at, String text) {
    return new Problem(
        at.node().position(), Problem.labelled(at.label(), text), "value:" + at.pointer(), 1);
  }
}
