package dev.poolguard.core.model.helm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values each template line's output actions read: {@code .Values.a.b} anywhere, and inside
 * {@code with .Values.a} also {@code .b} and a bare {@code .} (the scope {@code with} sets). Inside
 * {@code range} and {@code define} the dot is something else, so only {@code .Values} counts there.
 */
final class ValueRefs {

  private static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
  private static final Pattern VALUES = Pattern.compile("\\$?\\.Values((?:\\.[A-Za-z_][\\w-]*)+)");
  private static final Pattern RELATIVE =
      Pattern.compile("(?<![\\w$)\\].])\\.([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)");
  private static final Pattern DOT = Pattern.compile("(?<![\\w$)\\].])\\.(?![\\w.])");
  private static final Pattern WITH_VALUES =
      Pattern.compile("^with\\s+\\$?\\.Values((?:\\.[A-Za-z_][\\w-]*)+)\\s*$");
  private static final Set<String> BUILT_IN =
      Set.of("Values", "Release", "Chart", "Capabilities", "Template", "Files", "Subcharts");

  private ValueRefs() {}

  /** For each line of {@code template} (0-based), the value paths its output actions read. */
  static List<List<List<String>>> of(String template, int lineCount) {
    List<List<List<String>>> out = new ArrayList<>();
    for (int i = 0; i < lineCount; i++) {
      out.add(new ArrayList<>());
    }
    // The scope of each open block: a values path for "with .Values.x", else empty.
    Deque<Optional<List<String>>> scopes = new ArrayDeque<>();
    Matcher m = ACTION.matcher(template);
    int line = 0;
    int counted = 0;
    while (m.find()) {
      for (int i = counted; i < m.start(); i++) {
        if (template.charAt(i) == '\n') {
          line++;
        }
      }
      counted = m.start();
      String inner = m.group(1).strip();
      String word = inner.split("\\s+", 2)[0];
      Optional<List<String>> scope = scopes.isEmpty() ? Optional.empty() : scopes.peek();
      switch (word) {
        case "with" -> {
          Matcher w = WITH_VALUES.matcher(inner);
          scopes.push(w.matches() ? Optional.of(path(w.group(1))) : Optional.empty());
        }
        case "if" -> scopes.push(scope);
        case "range", "define", "block" -> scopes.push(Optional.empty());
        case "end" -> {
          if (!scopes.isEmpty()) {
            scopes.pop();
          }
        }
        case "else", "break", "continue" -> {}
        default -> {
          if (!inner.startsWith("/*") && line < lineCount) {
            out.get(line).addAll(refs(inner, scope));
          }
        }
      }
    }
    return out;
  }

  private static List<List<String>> refs(String action, Optional<List<String>> scope) {
    List<List<String>> refs = new ArrayList<>();
    Matcher values = VALUES.matcher(action);
    while (values.find()) {
      refs.add(path(values.group(1)));
    }
    if (scope.isPresent()) {
      Matcher relative = RELATIVE.matcher(action);
      while (relative.find()) {
        List<String> p = path("." + relative.group(1));
        if (!BUILT_IN.contains(p.get(0))) {
          List<String> full = new ArrayList<>(scope.get());
          full.addAll(p);
          refs.add(full);
        }
      }
      if (DOT.matcher(action).find()) {
        refs.add(scope.get());
      }
    }
    return refs;
  }

  private static List<String> path(String dotted) {
    return List.of(dotted.substring(1).split("\\."));
  }
}
