package dev.poolguard.core.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * YAML 1.1 scalars as SnakeYAML (1.x and 2.x, the parser Spring Boot uses) resolves and constructs
 * them, so that a value reads as Spring sees it: {@code 010} is 8, {@code on} is true, {@code 1:30}
 * is 90. Timestamps stay strings because Spring Boot's loader turns their resolution off.
 */
final class Yaml11Scalars {

  // The patterns and length limits of SnakeYAML 2.x's Resolver; the limits also keep a hostile
  // 10 MB scalar away from the regex engine.
  private static final Pattern BOOL =
      Pattern.compile(
          "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  private static final Pattern INT =
      Pattern.compile(
          "^(?:[-+]?0b_*[0-1][0-1_]*"
              + "|[-+]?0_*[0-7][0-7_]*"
              + "|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  private static final Pattern FLOAT =
      Pattern.compile(
          "^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
              + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN))$");
  private static final Pattern MERGE = Pattern.compile("^(?:<<)$");
  private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");
  private static final int SHORT_LIMIT = 10;
  private static final int NUMBER_LIMIT = 1024;

  private static final Map<String, String> BOOL_VALUES =
      Map.of(
          "yes", "true", "no", "false", "true", "true", "false", "false", "on", "true", "off",
          "false");

  /** The tag of a {@code <<} key once composed: the engine must not merge, poolguard does. */
  static final Tag MERGE_KEY = new Tag("tag:poolguard.dev,2026:merge");

  private static final ScalarResolver RESOLVER = Yaml11Scalars::resolve;

  /** The schema that makes snakeyaml-engine tag plain scalars with YAML 1.1 rules. */
  static final Schema SCHEMA =
      new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
          return RESOLVER;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
          return Map.of(); // poolguard only composes nodes; it never constructs Java objects
        }
      };

  private Yaml11Scalars() {}

  /** The implicit tag of a scalar; {@code implicit} is false for quoted and block scalars. */
  static Tag resolve(String value, Boolean implicit) {
    if (!implicit) {
      return Tag.STR;
    }
    if (value.isEmpty()) {
      return Tag.NULL;
    }
    // Each pattern fixes its first character, so most scalars (words, URLs) need no regex at all;
    // SnakeYAML's Resolver dispatches on the first character the same way.
    char first = value.charAt(0);
    if ("yYnNtTfFoO".indexOf(first) >= 0 && matches(BOOL, value, SHORT_LIMIT)) {
      return Tag.BOOL;
    }
    boolean digitOrSign = first == '-' || first == '+' || (first >= '0' && first <= '9');
    // INT before FLOAT: the FLOAT pattern also matches integers.
    if (digitOrSign && matches(INT, value, NUMBER_LIMIT)) {
      return Tag.INT;
    }
    if ((digitOrSign || first == '.') && matches(FLOAT, value, NUMBER_LIMIT)) {
      return Tag.FLOAT;
    }
    if (first == '<' && matches(MERGE, value, SHORT_LIMIT)) {
      return Tag.MERGE;
    }
    if ("~nN ".indexOf(first) >= 0 && matches(NULL, value, SHORT_LIMIT)) {
      return Tag.NULL;
    }
    return Tag.STR;
  }

  /** A scalar's value as Spring sees it (the constructed object's {@code toString()}). */
  record Value(String text, boolean isNull) {}

  /**
   * Constructs a scalar of {@code tag} from its source text. Text that the tag's constructor would
   * reject (only reachable with an explicit tag such as {@code !!int abc}, which stops Spring)
   * keeps its text.
   */
  static Value construct(Tag tag, String text) {
    if (Tag.NULL.equals(tag)) {
      return new Value("", true);
    }
    Optional<String> constructed = Optional.empty();
    if (Tag.BOOL.equals(tag)) {
      constructed = Optional.ofNullable(BOOL_VALUES.get(text.toLowerCase(Locale.ROOT)));
    } else if (Tag.INT.equals(tag) && isNumberLike(text)) {
      constructed = constructInt(text);
    } else if (Tag.FLOAT.equals(tag) && isNumberLike(text)) {
      constructed = constructFloat(text);
    }
    return new Value(constructed.orElse(text), false);
  }

  private static boolean isNumberLike(String text) {
    // Empty text has no sign to read; very long text would make BigInteger parsing quadratic.
    return !text.isEmpty() && text.length() <= NUMBER_LIMIT;
  }

  private static boolean matches(Pattern pattern, String value, int limit) {
    return value.length() <= limit && pattern.matcher(value).matches();
  }

  /** SnakeYAML's ConstructYamlInt, printed in decimal. */
  private static Optional<String> constructInt(String text) {
    String value = text.replace("_", "");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    boolean negative = value.charAt(0) == '-';
    if (negative || value.charAt(0) == '+') {
      value = value.substring(1);
    }
    BigInteger number;
    try {
      if ("0".equals(value)) {
        number = BigInteger.ZERO;
      } else if (value.startsWith("0b")) {
        number = new BigInteger(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        number = new BigInteger(value.substring(2), 16);
      } else if (value.startsWith("0")) {
        number = new BigInteger(value.substring(1), 8);
      } else if (value.indexOf(':') >= 0) {
        number = BigInteger.valueOf(sexagesimalInt(value));
      } else {
        number = new BigInteger(value);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of((negative ? number.negate() : number).toString());
  }

  /** Base 60 as SnakeYAML computes it, including its wrap-around in {@code int}. */
  @SuppressWarnings("StringSplitter") // String.split's dropping of trailing "" is SnakeYAML's too
  private static int sexagesimalInt(String value) {
    String[] digits = value.split(":");
    int factor = 1;
    int result = 0;
    for (int i = digits.length - 1; i >= 0; i--) {
      result = (int) (result + Long.parseLong(digits[i]) * factor);
      factor *= 60;
    }
    return result;
  }

  /**
   * SnakeYAML's ConstructYamlFloat: a {@code Double}, printed by {@code Double.toString} as Spring
   * would print it ({@code 1e3} is {@code 1000.0}, {@code .inf} is {@code Infinity}).
   */
  @SuppressWarnings("StringSplitter") // as in sexagesimalInt
  private static Optional<String> constructFloat(String text) {
    String value = text.replace("_", "");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    int sign = 1;
    if (value.charAt(0) == '-') {
      sign = -1;
      value = value.substring(1);
    } else if (value.charAt(0) == '+') {
      value = value.substring(1);
    }
    String lower = value.toLowerCase(Locale.ROOT);
    double number;
    try {
      if (".inf".equals(lower)) {
        number = sign * Double.POSITIVE_INFINITY;
      } else if (".nan".equals(lower)) {
        number = Double.NaN;
      } else if (value.indexOf(':') >= 0) {
        String[] digits = value.split(":");
        int factor = 1;
        double result = 0.0;
        for (int i = digits.length - 1; i >= 0; i--) {
          result += Double.parseDouble(digits[i]) * factor;
          factor *= 60;
        }
        number = sign * result;
      } else {
        number = Double.parseDouble(value) * sign;
      }
    } catch (NumberFormatException e) {
      return Optional.empty(); // e.g. "._": the pattern allows it, Double does not
    }
    return Optional.of(Double.toString(number));
  }
}
