package dev.poolguard.rules.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import java.beans.PropertyDescriptor;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Proves {@link HikariProperties} against HikariCP 7.1.0 and Spring Boot 3.5.7: the catalogue is
 * exactly the setter set, every property binds from text as Spring names it, and the defaults are
 * what a fresh {@code HikariDataSource} holds.
 */
class HikariPropertiesCrossCheckTest {

  @Test
  void catalogueIsExactlyTheSettersOfHikariDataSourceInSpringsKebabCase() {
    Set<String> setters =
        HikariSamples.writableProperties(HikariDataSource.class).stream()
            .map(PropertyDescriptor::getName)
            .map(DataObjectPropertyName::toDashedForm)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> catalogue =
        HikariProperties.all().stream()
            .map(HikariProperty::key)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(catalogue).as("catalogue vs HikariDataSource setters").isEqualTo(setters);
  }

  static Stream<HikariProperty> textProperties() {
    return HikariProperties.all().stream().filter(p -> p.type() != HikariProperty.Type.OBJECT);
  }

  /** What binding each property's sample changes besides the property itself, when it differs. */
  private static final Map<String, Set<String>> QUIRKS =
      Map.of(
          // HikariDataSource.setLoginTimeout only reaches a running pool; Spring binds before
          // start.
          "login-timeout", Set.of(),
          // HikariCP 7.1.0 setCredentialsProviderClassName creates the provider but stores the name
          // in exceptionOverrideClassName (and leaves credentialsProviderClassName null).
          "credentials-provider-class-name", Set.of("exception-override-class-name"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("textProperties")
  void everyTextPropertyBindsInEveryRelaxedSpellingAndFindFindsIt(HikariProperty property) {
    String text = HikariSamples.text(property).orElseThrow();
    Map<String, Object> before = HikariSamples.state(new HikariDataSource());
    String underscore = property.key().replace('-', '_');
    for (String spelling :
        new String[] {
          property.key(), toCamel(property.key()), underscore, underscore.toUpperCase(Locale.ROOT)
        }) {
      String sample = property.type() == HikariProperty.Type.MAP ? spelling + ".foo" : spelling;
      HikariDataSource bound =
          HikariSamples.bind(
              HikariSamples.files(Map.of(HikariSamples.PREFIX + "." + sample, text)),
              new HikariDataSource());
      Map<String, Object> after = HikariSamples.state(bound);
      Set<String> changed =
          after.keySet().stream()
              .filter(k -> !Objects.equals(after.get(k), before.get(k)))
              .collect(Collectors.toCollection(TreeSet::new));

      assertThat(changed)
          .as("properties changed by " + sample)
          .isEqualTo(QUIRKS.getOrDefault(property.key(), Set.of(property.key())));
      assertThat(HikariProperties.find(sample)).as("find(" + sample + ")").contains(property);
    }
  }

  @Test
  void defaultsOfTheNewestMajorAreWhatAFreshHikariDataSourceHolds() {
    Map<String, Object> state = HikariSamples.state(new HikariDataSource());
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (HikariProperty property : HikariProperties.all()) {
      if (!state.containsKey(property.key())) {
        continue;
      }
      Object value = state.get(property.key());
      expected.put(property.key(), property.defaultText().orElse(noDefault(property.key())));
      actual.put(property.key(), String.valueOf(value));
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(HikariProperties.defaultText("keepalive-time", HikariProperties.NEWEST_MAJOR))
        .contains(String.valueOf(new HikariDataSource().getKeepaliveTime()));
  }

  /** What a getter shows where the catalogue declares no default, and why. */
  private static String noDefault(String key) {
    return switch (key) {
      case "minimum-idle" -> "-1"; // "not set": validate() makes it maximum-pool-size
      case "login-timeout" -> "0"; // no pool yet
      case "data-source-properties", "health-check-properties" -> "{}";
      default -> "null";
    };
  }

  private static String toCamel(String kebab) {
    StringBuilder result = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < kebab.length(); i++) {
      char ch = kebab.charAt(i);
      if (ch == '-') {
        upper = true;
      } else {
        result.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return result.toString();
  }
}
