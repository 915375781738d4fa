package dev.poolguard.core.model.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which line of a template produced each line of its rendered output. Helm keeps no such map, so it
 * is recovered by matching: each template line becomes a pattern (its literal text, any output
 * action matching anything), and rendered lines are matched in order, looking forward first and
 * back for a {@code range} loop. A line that only holds an output action ({@code toYaml … |
 * nindent}, {@code include}) owns the rendered lines after it that match nothing else.
 */
final class TemplateLines {

  private static final Pattern ACTION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
  private static final Pattern CONTROL =
      Pattern.compile(
          "^-?\\s*(?:(?:if|else|end|range|with|define|block|break|continue)\\b|/\\*|\\$\\w*\\s*:?=).*",
          Pattern.DOTALL);

  enum Kind {
    /** Produces no output: blank, or only control actions and comments. */
    CONTROL,
    /** Only output actions: may expand to many lines. */
    EXPANSION,
    /** Has literal text. */
    LITERAL
  }

  /** One line of a template: what it produces and the pattern its output matches. */
  record Line(String text, Kind kind, Pattern pattern, List<List<String>> values, boolean fixed) {}

  private final List<Line> lines;

  private TemplateLines(List<Line> lines) {
    this.lines = lines;
  }

  static TemplateLines of(String template) {
    List<Line> out = new ArrayList<>();
    String[] texts = template.split("\\R", -1);
    // Mark which characters are inside an action, across lines (an action may span lines).
    boolean[] inAction = new boolean[template.length()];
    Matcher m = ACTION.matcher(template);
    List<int[]> actions = new ArrayList<>();
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        inAction[i] = true;
      }
      actions.add(new int[] {m.start(), m.end()});
    }
    List<List<List<String>>> refs = ValueRefs.of(template, texts.length);
    int offset = 0;
    for (int n = 0; n < texts.length; n++) {
      String text = texts[n];
      out.add(line(text, offset, inAction, actions, template, refs.get(n)));
      offset += text.length();
      if (offset < template.length() && template.charAt(offset) == '\r') {
        offset++;
      }
      offset++;
    }
    return new TemplateLines(out);
  }

  private static Line line(
      String text,
      int start,
      boolean[] inAction,
      List<int[]> actions,
      String template,
      List<List<String>> refs) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean output = false;
    int i = 0;
    while (i < text.length()) {
      int at = start + i;
      if (at < inAction.length && inAction[at]) {
        int[] action = actionAt(actions, at);
        int end = Math.min(action[1], start + text.length());
        String body = template.substring(action[0], action[1]);
        String inner = body.substring(2, body.length() - 2).strip();
        boolean control = action[0] < start || CONTROL.matcher(inner).matches();
        if (!control) {
          output = true;
          regex.append(".*?");
        }
        i = end - start;
      } else {
        char c = text.charAt(i);
        literal.append(c);
        // Indentation and spacing may differ (whitespace control, nindent): any run matches.
        if (Character.isWhitespace(c)) {
          if (!regex.toString().endsWith("\\s*")) {
            regex.append("\\s*");
          }
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
        i++;
      }
    }
    boolean hasLiteral = !literal.toString().isBlank();
    Kind kind = hasLiteral ? Kind.LITERAL : output ? Kind.EXPANSION : Kind.CONTROL;
    Pattern pattern = Pattern.compile("\\s*" + regex + "\\s*", Pattern.DOTALL);
    return new Line(text, kind, pattern, refs, hasLiteral && !output);
  }

  private static int[] actionAt(List<int[]> actions, int at) {
    for (int[] a : actions) {
      if (a[0] <= at && at < a[1]) {
        return a;
      }
    }
    return new int[] {at, at + 1};
  }

  Line line(int index) {
    return lines.get(index);
  }

  int size() {
    return lines.size();
  }

  /**
   * For each rendered line, the 0-based template line that produced it, or -1 when none was found.
   */
  int[] align(List<String> rendered) {
    int[] out = new int[rendered.size()];
    int cursor = -1;
    for (int r = 0; r < rendered.size(); r++) {
      String text = rendered.get(r);
      if (text.isBlank()) {
        out[r] = -1;
        continue;
      }
      int next = nextProducing(cursor + 1);
      if (next >= 0 && matches(next, text)) {
        cursor = next;
      } else if (cursor >= 0 && lines.get(cursor).kind() == Kind.EXPANSION) {
        // Still inside what toYaml or include wrote, unless a later all-literal line (the next
        // key, past a block that rendered nothing) is this one.
        int fixed = searchFixed(cursor + 1, text);
        if (fixed >= 0) {
          cursor = fixed;
        }
      } else {
        int found = search(next < 0 ? lines.size() : next + 1, lines.size(), text, false);
        if (found < 0) {
          found = search(Math.max(cursor, 0), 0, text, true);
        }
        if (found >= 0) {
          cursor = found;
        }
      }
      out[r] = cursor;
    }
    return out;
  }

  private int nextProducing(int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).kind() != Kind.CONTROL) {
        return i;
      }
    }
    return -1;
  }

  /** The first matching literal line from {@code from} towards {@code to}. */
  private int search(int from, int to, String text, boolean backwards) {
    if (backwards) {
      for (int i = Math.min(from, lines.size() - 1); i >= to; i--) {
        if (lines.get(i).kind() == Kind.LITERAL && matches(i, text)) {
          return i;
        }
      }
    } else {
      for (int i = from; i < to; i++) {
        if (lines.get(i).kind() == Kind.LITERAL && matches(i, text)) {
          return i;
        }
      }
    }
    return -1;
  }

  private int searchFixed(int from, String text) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).fixed() && matches(i, text)) {
        return i;
      }
    }
    return -1;
  }

  private boolean matches(int index, String text) {
    return lines.get(index).pattern().matcher(text).matches();
  }

  /**
   * The 1-based column of a rendered scalar's template counterpart: where the line's first action
   * starts, else the rendered column when the line's indentation agrees, else its first character.
   */
  int column(int index, int renderedColumn) {
    String text = lines.get(index).text();
    int action = text.indexOf("{{");
    if (action >= 0) {
      return action + 1;
    }
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    return renderedColumn <= text.length() ? renderedColumn : first + 1;
  }
}
