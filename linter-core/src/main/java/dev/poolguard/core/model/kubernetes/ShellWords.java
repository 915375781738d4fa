package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Splits a {@code sh -c} script into simple commands and words the way a POSIX shell does for the
 * common cases: quotes, backslashes, {@code $VAR}/{@code ${VAR}}/{@code ${VAR:-default}} (split at
 * white space when unquoted), {@code $@}/{@code $1}, command separators and redirections. Command
 * substitution is not run: its words are unknown.
 */
final class ShellWords {

  /** A word; {@code raw} is the script text it came from. */
  record Word(String text, String raw, Optional<Value.Unknown> unknown) {}

  private final String script;
  private final Function<String, Optional<Expansion.Ref>> vars;
  private final Function<String, Optional<Expansion.Ref>> kubernetesRefs;
  private final List<String> positional;
  private final List<String> problems = new ArrayList<>();
  private final List<List<Word>> commands = new ArrayList<>();
  private List<Word> command = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private boolean skipNextWord;
  private int wordStart;
  private Optional<Value.Unknown> wordUnknown = Optional.empty();
  private int i;

  /**
   * @param vars the container's environment as the shell sees it
   * @param kubernetesRefs variables Kubernetes would have put in for {@code $(NAME)} (when the
   *     script is read unexpanded because a reference is unknown)
   * @param positional {@code $0}, {@code $1}… (the command words after the script)
   */
  private ShellWords(
      String script,
      Function<String, Optional<Expansion.Ref>> vars,
      Function<String, Optional<Expansion.Ref>> kubernetesRefs,
      List<String> positional) {
    this.script = script;
    this.vars = vars;
    this.kubernetesRefs = kubernetesRefs;
    this.positional = positional;
  }

  /** The parsed script: its commands, and what could not be followed. */
  record Parsed(List<List<Word>> commands, List<String> problems) {}

  static Parsed parse(
      String script,
      Function<String, Optional<Expansion.Ref>> vars,
      Function<String, Optional<Expansion.Ref>> kubernetesRefs,
      List<String> positional) {
    ShellWords s = new ShellWords(script, vars, kubernetesRefs, positional);
    s.run();
    return new Parsed(List.copyOf(s.commands), List.copyOf(s.problems));
  }

  private void run() {
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == ' ' || c == '\t') {
        endWord();
        i++;
      } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
        endWord();
        endCommand();
        i++;
      } else if (c == '#' && !inWord) {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '>' || c == '<') {
        redirection();
      } else if (c == '\\') {
        backslash();
      } else if (c == '\'') {
        singleQuoted();
      } else if (c == '"') {
        doubleQuoted();
      } else if (c == '$') {
        dollar(false);
      } else {
        append(String.valueOf(c));
        i++;
      }
    }
    endWord();
    endCommand();
  }

  private void redirection() {
    // "2>&1": the descriptor number before the operator is not an argument.
    if (inWord && wordUnknown.isEmpty() && word.chars().allMatch(Character::isDigit)) {
      resetWord();
    } else {
      endWord();
    }
    while (i < script.length() && "<>&|".indexOf(script.charAt(i)) >= 0) {
      i++;
    }
    skipNextWord = true;
  }

  private void backslash() {
    if (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
      append(String.valueOf(script.charAt(i + 1)));
    }
    i += 2;
  }

  private void singleQuoted() {
    int close = script.indexOf('\'', i + 1);
    if (close < 0) {
      problems.add("unterminated single quote in the shell script");
      close = script.length();
    }
    append(script.substring(i + 1, close));
    i = close + 1;
  }

  private void doubleQuoted() {
    i++;
    markWord();
    while (i < script.length() && script.charAt(i) != '"') {
      char c = script.charAt(i);
      if (c == '\\' && i + 1 < script.length() && "$`\"\\\n".indexOf(script.charAt(i + 1)) >= 0) {
        if (script.charAt(i + 1) != '\n') {
          word.append(script.charAt(i + 1));
        }
        i += 2;
      } else if (c == '$') {
        dollar(true);
      } else {
        word.append(c);
        i++;
      }
    }
    if (i >= script.length()) {
      problems.add("unterminated double quote in the shell script");
    }
    i++;
  }

  private void dollar(boolean quoted) {
    char next = i + 1 < script.length() ? script.charAt(i + 1) : ' ';
    if (next == '{') {
      int close = script.indexOf('}', i + 2);
      if (close < 0) {
        append("$");
        i++;
        return;
      }
      braced(script.substring(i + 2, close), quoted);
      i = close + 1;
    } else if (next == '(') {
      substitution(quoted);
    } else if (Character.isLetter(next) || next == '_') {
      int end = i + 1;
      while (end < script.length()
          && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
        end++;
      }
      insert(variable(script.substring(i + 1, end)), quoted);
      i = end;
    } else if (Character.isDigit(next)) {
      int n = next - '0';
      insert(
          Optional.of(
              new Expansion.Ref(n < positional.size() ? positional.get(n) : "", Optional.empty())),
          quoted);
      i += 2;
    } else if (next == '@' || next == '*') {
      List<String> params =
          positional.size() > 1 ? positional.subList(1, positional.size()) : List.of();
      for (int p = 0; p < params.size(); p++) {
        if (p > 0) {
          endWord();
        }
        markWord();
        word.append(params.get(p));
      }
      i += 2;
    } else {
      append("$");
      i++;
    }
  }

  private void braced(String inner, boolean quoted) {
    int op = 0;
    while (op < inner.length()
        && (Character.isLetterOrDigit(inner.charAt(op)) || inner.charAt(op) == '_')) {
      op++;
    }
    String name = inner.substring(0, op);
    String rest = inner.substring(op);
    boolean colon = rest.startsWith(":");
    String operator = colon ? rest.substring(1) : rest;
    boolean withDefault = operator.startsWith("-") || operator.startsWith("=");
    Optional<Expansion.Ref> value = withDefault ? vars.apply(name) : variable(name);
    if (withDefault) {
      boolean unset =
          value.isEmpty()
              || (colon && value.get().unknown().isEmpty() && value.get().text().isEmpty());
      if (unset) {
        value = Optional.of(new Expansion.Ref(operator.substring(1), Optional.empty()));
      }
    } else if (!rest.isEmpty()) {
      problems.add("${" + inner + "} is not followed by poolguard; its word is unknown");
      value =
          Optional.of(
              new Expansion.Ref(
                  "",
                  Optional.of(
                      new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, name))));
    }
    insert(value, quoted);
  }

  /** {@code $(…)}: a reference Kubernetes would have expanded, else a command substitution. */
  private void substitution(boolean quoted) {
    int depth = 0;
    int end = i + 1;
    for (; end < script.length(); end++) {
      char c = script.charAt(end);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        break;
      }
    }
    String inner = script.substring(i + 2, Math.min(end, script.length()));
    Optional<Expansion.Ref> ref = kubernetesRefs.apply(inner);
    if (ref.isEmpty()) {
      problems.add(
          "$(" + inner + ") runs a command when the container starts; its word is unknown");
      ref =
          Optional.of(
              new Expansion.Ref(
                  "",
                  Optional.of(
                      new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, inner))));
    }
    insert(ref, quoted);
    i = Math.min(end + 1, script.length());
  }

  private Optional<Expansion.Ref> variable(String name) {
    Optional<Expansion.Ref> value = vars.apply(name);
    if (value.isEmpty()) {
      problems.add(
          "$" + name + " is not set in the manifest (the image may set it); read as empty");
    }
    return value;
  }

  private void insert(Optional<Expansion.Ref> value, boolean quoted) {
    markWord();
    if (value.isEmpty()) {
      return;
    }
    if (value.get().unknown().isPresent()) {
      wordUnknown = stronger(wordUnknown, value.get().unknown().get());
      return;
    }
    String text = value.get().text();
    if (quoted) {
      word.append(text);
      return;
    }
    // Unquoted expansions are split into words at white space.
    String[] fields = text.split("[ \t\n]+", -1);
    for (int f = 0; f < fields.length; f++) {
      if (f > 0) {
        endWord();
        markWord();
      }
      word.append(fields[f]);
    }
  }

  private static Optional<Value.Unknown> stronger(
      Optional<Value.Unknown> current, Value.Unknown next) {
    if (current.isEmpty() || next.cause() == Value.Unknown.Cause.SECRET) {
      return Optional.of(next);
    }
    return current;
  }

  private void append(String text) {
    markWord();
    word.append(text);
  }

  private void markWord() {
    if (!inWord) {
      inWord = true;
      wordStart = i;
    }
  }

  private void endWord() {
    if (!inWord) {
      return;
    }
    // An unquoted expansion that is empty or only white space makes no word.
    boolean empty = word.length() == 0 && wordUnknown.isEmpty() && !quotedEmpty();
    if (skipNextWord) {
      skipNextWord = false;
    } else if (!empty) {
      String raw =
          script.substring(Math.min(wordStart, script.length()), Math.min(i, script.length()));
      command.add(new Word(word.toString(), raw, wordUnknown));
    }
    resetWord();
  }

  private boolean quotedEmpty() {
    String raw =
        script.substring(Math.min(wordStart, script.length()), Math.min(i, script.length()));
    return raw.equals("\"\"") || raw.equals("''");
  }

  private void resetWord() {
    word.setLength(0);
    inWord = false;
    wordUnknown = Optional.empty();
  }

  private void endCommand() {
    if (!command.isEmpty()) {
      commands.add(List.copyOf(command));
    }
    command = new ArrayList<>();
  }
}
