package dev.poolguard.core.model.micronaut;

import java.util.Locale;

/**
 * Property names as Micronaut's {@code PropertySourcePropertyResolver} catalogues them: a file's, a
 * system property's or an argument's name through {@code NameUtils.hyphenate(name, true)} ({@code
 * maximumPoolSize} and {@code maximum_pool_size} are {@code maximum-pool-size}); an environment
 * variable under every name {@code EnvironmentProperties} derives from it (lower case, each {@code
 * _} either {@code .} or {@code -}), the all-dots one first.
 */
final class MicronautNames {

  private MicronautNames() {}

  /**
   * {@code NameUtils.hyphenate(name, true)}: {@code _} and spaces become {@code -}; an upper-case
   * letter becomes lower case, after a {@code -} unless it follows another upper-case letter, a
   * {@code .} or (in some cases) a digit.
   */
  static String hyphenate(String name) {
    String replaced = name.replace('_', '-').replace(' ', '-');
    if (isHyphenatedLowerCase(replaced)) {
      return replaced;
    }
    StringBuilder out = new StringBuilder(replaced.length() + 8);
    boolean first = true;
    char last = '0';
    char secondLast = '-';
    for (int i = 0; i < replaced.length(); i++) {
      char c = replaced.charAt(i);
      if (Character.isLowerCase(c) || !Character.isLetter(c)) {
        first = false;
        if (c != '-') {
          if (last == '-') {
            out.append('-');
          }
          out.append(c);
        }
      } else {
        char lower = Character.toLowerCase(c);
        if (first) {
          first = false;
          out.append(lower);
        } else if (Character.isUpperCase(last) || last == '.') {
          out.append(lower);
        } else if (Character.isDigit(last)
            && (Character.isUpperCase(secondLast) || secondLast == '-')) {
          out.append(lower);
        } else {
          out.append('-').append(lower);
        }
      }
      if (i > 1) {
        secondLast = last;
      }
      last = c;
    }
    return out.toString();
  }

  /** {@code NameUtils.isHyphenatedLowerCase}: a letter first, then lower case, digits and -. */
  private static boolean isHyphenatedLowerCase(String name) {
    return !name.isEmpty()
        && Character.isLetter(name.charAt(0))
        && name.chars().allMatch(c -> Character.isLowerCase(c) || Character.isDigit(c) || c == '-');
  }

  /**
   * Whether environment variable {@code variable} provides property {@code property} (a catalogued
   * name): one of the names Micronaut derives from it is that name.
   */
  static boolean envProvides(String variable, String property) {
    String lower = variable.toLowerCase(Locale.ENGLISH);
    if (lower.length() != property.length()) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      char v = lower.charAt(i);
      char p = property.charAt(i);
      if (v == '_' ? p != '.' && p != '-' : v != p) {
        return false;
      }
    }
    return true;
  }

  /** The first name Micronaut derives from a variable, the one its datasource names come from. */
  static String envNormalized(String variable) {
    return variable.toLowerCase(Locale.ENGLISH).replace('_', '.');
  }

  /** {@code NameUtils.isEnvironmentName}: upper-case letters, digits and underscores. */
  static boolean isEnvironmentName(String name) {
    return !name.isEmpty()
        && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
  }
}
