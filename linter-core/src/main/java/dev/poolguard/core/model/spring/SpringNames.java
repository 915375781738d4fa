package dev.poolguard.core.model.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Boot's relaxed-binding names: the uniform form two spellings share, and the environment
 * variables that bind to a property.
 *
 * <p>Source: the behaviour of Spring Boot 3.5.7's {@code Binder} over {@code
 * MapConfigurationPropertySource} and a {@code SystemEnvironmentPropertySource}, proved by {@code
 * SpringBinderCrossCheckTest}.
 */
public final class SpringNames {

  // The legacy env form of these keys (SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT) is also read as
  // the nested property connection.timeout: the Binder then reads the getter getConnection() of
  // HikariDataSource, which starts the pool during binding (spring-projects/spring-boot#51363): the
  // pool keeps what was bound so far, and each later setter that HikariCP seals throws. Proved for
  // exactly these keys, among all multi-word keys, by SpringBinderCrossCheckTest (HikariCP 7.1.0);
  // data-source-* keys are not affected although HikariDataSource has getDataSource().
  private static final Set<String> LEGACY_HAZARDS =
      Set.of("connectiontimeout", "connectiontestquery", "connectioninitsql");

  private SpringNames() {}

  /**
   * Which property an environment variable binds to.
   *
   * @param property the candidate property it binds to
   * @param mapKey for a variable below a candidate (a map entry), the key Spring gives the entry:
   *     the rest of the name, dot-separated, lower case from an {@code A_B} name and as written
   *     from an {@code a.b} name; empty when it binds to the property itself
   * @param legacy whether it binds only through Spring's legacy form (each dash of the property
   *     written as {@code _}), which is exact about case: all upper or all lower
   */
  public record EnvBinding(String property, Optional<String> mapKey, boolean legacy) {

    public EnvBinding {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(mapKey, "mapKey");
    }
  }

  /**
   * The form in which Spring compares property names: per dot-separated element, lower-case ASCII
   * letters and digits only; index elements ({@code [x]}) kept as written.
   */
  public static String uniform(String propertyName) {
    // Every lookup of every layer asks for uniform names, and a monorepo's services share their
    // keys: the answer is remembered, up to a bound that hostile input cannot grow past.
    String known = UNIFORM.get(propertyName);
    if (known != null) {
      return known;
    }
    String computed = computeUniform(propertyName);
    if (UNIFORM.size() < UNIFORM_BOUND && propertyName.length() <= 256) {
      UNIFORM.put(propertyName, computed);
    }
    return computed;
  }

  private static final int UNIFORM_BOUND = 20_000;
  private static final java.util.Map<String, String> UNIFORM =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String computeUniform(String propertyName) {
    StringBuilder result = new StringBuilder(propertyName.length());
    for (String element : elements(propertyName)) {
      if (isIndex(element)) {
        result.append(element);
      } else {
        if (result.length() > 0) {
          result.append('.');
        }
        result.append(uniformElement(element));
      }
    }
    return result.toString();
  }

  /**
   * The environment variable Spring documents for a property: elements joined by {@code _}, dashes
   * removed, upper case ({@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE}).
   */
  public static String envName(String canonicalProperty) {
    List<String> parts = new ArrayList<>();
    for (String element : elements(canonicalProperty)) {
      parts.add(isIndex(element) ? indexValue(element) : uniformElement(element));
    }
    return String.join("_", parts).toUpperCase(Locale.ROOT);
  }

  /**
   * The legacy environment variable Spring also accepts: each dash written as {@code _} ({@code
   * SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE}).
   */
  public static String legacyEnvName(String canonicalProperty) {
    String known = LEGACY_ENV_NAMES.get(canonicalProperty);
    if (known != null) {
      return known;
    }
    String computed = computeLegacyEnvName(canonicalProperty);
    if (LEGACY_ENV_NAMES.size() < UNIFORM_BOUND && canonicalProperty.length() <= 256) {
      LEGACY_ENV_NAMES.put(canonicalProperty, computed);
    }
    return computed;
  }

  private static String computeLegacyEnvName(String canonicalProperty) {
    List<String> parts = new ArrayList<>();
    for (String element : elements(canonicalProperty)) {
      parts.add((isIndex(element) ? indexValue(element) : element).replace('-', '_'));
    }
    return String.join("_", parts).toUpperCase(Locale.ROOT);
  }

  /**
   * Which candidate property an environment variable binds to, if any: the documented form (any
   * case) first, then the legacy form, then an entry below a candidate (only through the documented
   * form: the legacy form never reaches map entries). A name with dots is also read the way a
   * property file is.
   *
   * @param candidateProperties canonical (kebab-case) property names
   */
  public static Optional<EnvBinding> boundProperty(
      String envVarName, Collection<String> candidateProperties) {
    List<Mapped> forms = new ArrayList<>();
    forms.add(Mapped.ofEnv(envVarName));
    if (envVarName.indexOf('.') >= 0) {
      forms.add(Mapped.ofProperty(envVarName));
    }
    for (Mapped form : forms) {
      for (String candidate : candidateProperties) {
        if (uniformElements(candidate).equals(form.uniform())) {
          return Optional.of(new EnvBinding(candidate, Optional.empty(), false));
        }
      }
    }
    for (String candidate : candidateProperties) {
      String legacy = legacyEnvName(candidate);
      if (envVarName.equals(legacy) || envVarName.equals(legacy.toLowerCase(Locale.ROOT))) {
        return Optional.of(new EnvBinding(candidate, Optional.empty(), true));
      }
    }
    EnvBinding best = null;
    int bestLength = 0;
    for (Mapped form : forms) {
      for (String candidate : candidateProperties) {
        List<String> prefix = uniformElements(candidate);
        int n = prefix.size();
        if (n > bestLength
            && n < form.uniform().size()
            && form.uniform().subList(0, n).equals(prefix)) {
          String mapKey = String.join(".", form.written().subList(n, form.written().size()));
          best = new EnvBinding(candidate, Optional.of(mapKey), false);
          bestLength = n;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A name as Spring maps it to elements: uniform, for comparing with properties, and as written
   * (what a map key keeps), index brackets removed.
   */
  private record Mapped(List<String> uniform, List<String> written) {

    /** Split at {@code _}, lower case, empty parts dropped, all-digit parts an index. */
    static Mapped ofEnv(String envVarName) {
      List<String> uniform = new ArrayList<>();
      List<String> written = new ArrayList<>();
      for (String part : envVarName.split("_", -1)) {
        String element = uniformElement(part);
        if (element.isEmpty()) {
          continue;
        }
        boolean index = element.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        uniform.add(index ? "[" + element + "]" : element);
        written.add(part.toLowerCase(Locale.ROOT));
      }
      return new Mapped(uniform, written);
    }

    /** Split at dots and brackets, as in a property file. */
    static Mapped ofProperty(String name) {
      List<String> uniform = new ArrayList<>();
      List<String> written = new ArrayList<>();
      for (String element : elements(name)) {
        uniform.add(isIndex(element) ? element : uniformElement(element));
        written.add(isIndex(element) ? indexValue(element) : element);
      }
      return new Mapped(uniform, written);
    }
  }

  /**
   * Whether the legacy environment variable of a {@code spring.datasource.hikari} key breaks
   * binding: it starts the pool while Spring is still binding, so the pool keeps the default of the
   * key, and any later setting that HikariCP seals at start makes the application fail.
   */
  public static boolean isLegacyHazard(String hikariKey) {
    return LEGACY_HAZARDS.contains(uniformElement(hikariKey));
  }

  /** The elements of a property name: dot-separated, and {@code [x]} index elements. */
  static List<String> elements(String name) {
    List<String> elements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '[') {
        flush(current, elements);
        int end = name.indexOf(']', i);
        end = end < 0 ? name.length() - 1 : end;
        elements.add(name.substring(i, end + 1));
        i = end;
      } else if (ch == '.') {
        flush(current, elements);
      } else {
        current.append(ch);
      }
    }
    flush(current, elements);
    return elements;
  }

  private static List<String> uniformElements(String propertyName) {
    // Asked for every candidate property with every environment variable: remembered like uniform.
    List<String> known = UNIFORM_ELEMENTS.get(propertyName);
    if (known != null) {
      return known;
    }
    List<String> computed = List.copyOf(computeUniformElements(propertyName));
    if (UNIFORM_ELEMENTS.size() < UNIFORM_BOUND && propertyName.length() <= 256) {
      UNIFORM_ELEMENTS.put(propertyName, computed);
    }
    return computed;
  }

  private static final java.util.Map<String, List<String>> UNIFORM_ELEMENTS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, String> LEGACY_ENV_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static List<String> computeUniformElements(String propertyName) {
    List<String> result = new ArrayList<>();
    for (String element : elements(propertyName)) {
      result.add(isIndex(element) ? element : uniformElement(element));
    }
    return result;
  }

  /**
   * Whether {@code name} is a valid {@code ConfigurationPropertyName} (lower-case letters, digits,
   * dashes inside elements, {@code [index]}): only such a placeholder name is matched relaxed
   * through Boot's attached configuration property source; any other ({@code app.poolSize}, {@code
   * app.pool_size}, {@code APP_POOL_SIZE}) is looked up as written in each property source.
   */
  static boolean isValidPropertyName(String name) {
    String plain = name.replaceAll("\\[[^\\]]*]", "");
    if (plain.isEmpty()) {
      return false;
    }
    for (String element : plain.split("\\.", -1)) {
      if (element.isEmpty() || element.charAt(0) == '-') {
        return false;
      }
      for (int i = 0; i < element.length(); i++) {
        char c = element.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  private static String uniformElement(String element) {
    StringBuilder result = new StringBuilder(element.length());
    for (int i = 0; i < element.length(); i++) {
      char ch = Character.toLowerCase(element.charAt(i));
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        result.append(ch);
      }
    }
    return result.toString();
  }

  private static boolean isIndex(String element) {
    return element.startsWith("[");
  }

  private static String indexValue(String element) {
    return element.substring(1, element.endsWith("]") ? element.length() - 1 : element.length());
  }

  private static void flush(StringBuilder current, List<String> elements) {
    if (current.length() > 0) {
      elements.add(current.toString());
      current.setLength(0);
    }
  }
}
