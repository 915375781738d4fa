package dev.poolguard.core.model.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Spring profile expression ({@code prod}, {@code !dev}, {@code prod & eu}, {@code (a | b) &
 * !c}), parsed as Spring's {@code Profiles.of} does.
 */
final class ProfileExpression {

  /** Deeper nesting of '(' and '!' is refused; no real expression comes near it. */
  static final int MAX_NESTING = 64;

  private ProfileExpression() {}

  /** True when any of {@code expressions} matches the active profiles. */
  static boolean matchesAny(List<String> expressions, Set<String> active) {
    for (String expression : expressions) {
      if (parse(expression).test(active)) {
        return true;
      }
    }
    return false;
  }

  static Predicate<Set<String>> parse(String expression) {
    List<String> tokens = tokenize(expression);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("empty profile expression");
    }
    Parser parser = new Parser(tokens);
    Predicate<Set<String>> result = parser.expression();
    if (parser.position != tokens.size()) {
      throw new IllegalArgumentException("malformed profile expression: " + expression);
    }
    return result;
  }

  private static List<String> tokenize(String expression) {
    List<String> tokens = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (char c : expression.toCharArray()) {
      if (c == '(' || c == ')' || c == '&' || c == '|' || c == '!' || Character.isWhitespace(c)) {
        if (name.length() > 0) {
          tokens.add(name.toString());
          name.setLength(0);
        }
        if (!Character.isWhitespace(c)) {
          tokens.add(String.valueOf(c));
        }
      } else {
        name.append(c);
      }
    }
    if (name.length() > 0) {
      tokens.add(name.toString());
    }
    return tokens;
  }

  /**
   * Recursive descent; Spring forbids mixing & and | without parentheses. Nesting is bounded and
   * chains are kept flat, so that neither parsing nor matching recurses more than {@link
   * #MAX_NESTING} levels whatever the file holds.
   */
  private static final class Parser {
    private final List<String> tokens;
    private int position;
    private int nesting;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    Predicate<Set<String>> expression() {
      List<Predicate<Set<String>>> operands = new ArrayList<>();
      operands.add(unary());
      String operator = null;
      while (position < tokens.size() && isOperator(tokens.get(position))) {
        String op = tokens.get(position++);
        if (operator != null && !operator.equals(op)) {
          throw new IllegalArgumentException("mixed '&' and '|' need parentheses");
        }
        operator = op;
        operands.add(unary());
      }
      if (operands.size() == 1) {
        return operands.get(0);
      }
      List<Predicate<Set<String>>> all = List.copyOf(operands);
      return "&".equals(operator)
          ? active -> all.stream().allMatch(p -> p.test(active))
          : active -> all.stream().anyMatch(p -> p.test(active));
    }

    private Predicate<Set<String>> unary() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("profile expression ends early");
      }
      String token = tokens.get(position++);
      switch (token) {
        case "!":
          {
            enter();
            Predicate<Set<String>> negated = unary().negate();
            nesting--;
            return negated;
          }
        case "(":
          {
            enter();
            Predicate<Set<String>> inner = expression();
            if (position >= tokens.size() || !tokens.get(position++).equals(")")) {
              throw new IllegalArgumentException("missing ')'");
            }
            nesting--;
            return inner;
          }
        case ")":
        case "&":
        case "|":
          throw new IllegalArgumentException("unexpected '" + token + "'");
        default:
          return active -> active.contains(token);
      }
    }

    private void enter() {
      if (++nesting > MAX_NESTING) {
        throw new IllegalArgumentException(
            "profile expression nested deeper than " + MAX_NESTING + " levels");
      }
    }

    private static boolean isOperator(String token) {
      return token.equals("&") || token.equals("|");
    }
  }
}
