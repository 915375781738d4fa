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

  /** Recursive descent; Spring forbids mixing & and | without parentheses. */
  private static final class Parser {
    private final List<String> tokens;
    private int position;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    Predicate<Set<String>> expression() {
      Predicate<Set<String>> left = unary();
      String operator = null;
      while (position < tokens.size() && isOperator(tokens.get(position))) {
        String op = tokens.get(position++);
        if (operator != null && !operator.equals(op)) {
          throw new IllegalArgumentException("mixed '&' and '|' need parentheses");
        }
        operator = op;
        Predicate<Set<String>> right = unary();
        left = op.equals("&") ? left.and(right) : left.or(right);
      }
      return left;
    }

    private Predicate<Set<String>> unary() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("profile expression ends early");
      }
      String token = tokens.get(position++);
      switch (token) {
        case "!":
          return unary().negate();
        case "(":
          Predicate<Set<String>> inner = expression();
          if (position >= tokens.size() || !tokens.get(position++).equals(")")) {
            throw new IllegalArgumentException("missing ')'");
          }
          return inner;
        case ")":
        case "&":
        case "|":
          throw new IllegalArgumentException("unexpected '" + token + "'");
        default:
          return active -> active.contains(token);
      }
    }

    private static boolean isOperator(String token) {
      return token.equals("&") || token.equals("|");
    }
  }
}
