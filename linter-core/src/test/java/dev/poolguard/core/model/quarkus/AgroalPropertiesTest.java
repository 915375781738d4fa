package dev.poolguard.core.model.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgroalPropertiesTest {

  @Test
  void poolDefaultsAreThoseOfDataSourceJdbcRuntimeConfig() {
    assertThat(AgroalProperties.defaultText("max-size")).contains("20");
    assertThat(AgroalProperties.defaultText("min-size")).contains("0");
    assertThat(AgroalProperties.defaultText("acquisition-timeout")).contains("5S");
    assertThat(AgroalProperties.defaultText("idle-removal-interval")).contains("5M");
    assertThat(AgroalProperties.defaultText("background-validation-interval")).contains("2M");
    assertThat(AgroalProperties.defaultText("initial-size")).isEmpty();
    assertThat(AgroalProperties.defaultText("max-lifetime")).isEmpty();
    for (String key : AgroalProperties.DEFAULTED_POOL_KEYS) {
      assertThat(AgroalProperties.defaultText(key)).as(key).isPresent();
    }
  }

  @Test
  void everyDurationDefaultConverts() {
    for (AgroalProperty p : AgroalProperties.all()) {
      if (p.type() == AgroalProperty.Type.DURATION && p.defaultText().isPresent()) {
        assertThat(QuarkusDurations.toMillis(p.defaultText().get())).as(p.key()).isPresent();
      }
    }
  }

  @Test
  void allIsSortedByKey() {
    assertThat(AgroalProperties.all())
        .isSortedAccordingTo(Comparator.comparing(AgroalProperty::key));
  }

  @Test
  void exactBindsOnlyTheKebabFormAndMapEntries() {
    assertThat(AgroalProperties.exact("max-size"))
        .map(AgroalProperty::type)
        .contains(AgroalProperty.Type.COUNT);
    assertThat(AgroalProperties.exact("maxSize")).isEmpty();
    assertThat(AgroalProperties.exact("MAX_SIZE")).isEmpty();
    assertThat(AgroalProperties.exact("additional-jdbc-properties.sslmode"))
        .map(AgroalProperty::key)
        .contains("additional-jdbc-properties");
    assertThat(AgroalProperties.exact("telemetry.enabled")).isPresent();
    assertThat(AgroalProperties.exact("max-size.x")).isEmpty();
    assertThat(AgroalProperties.exact("transactions"))
        .map(AgroalProperty::buildTime)
        .contains(true);
  }

  @ParameterizedTest
  @CsvSource({
    "max-size, max-size",
    "maxSize, max-size",
    "MAX_SIZE, max-size",
    "ACQUISITION_TIMEOUT, acquisition-timeout",
    "ADDITIONAL_JDBC_PROPERTIES_SSLMODE, additional-jdbc-properties"
  })
  void findAcceptsTheFormsPeopleWrite(String form, String key) {
    assertThat(AgroalProperties.find(form)).map(AgroalProperty::key).contains(key);
  }

  @ParameterizedTest
  @CsvSource({
    "max-sise, max-size",
    "maxsize, max-size",
    "acquisition-timout, acquisition-timeout",
    "idle-removal, idle-removal-interval",
    "leak-detection, leak-detection-interval"
  })
  void closestSuggestsTheIntendedKey(String typo, String meant) {
    assertThat(AgroalProperties.closest(typo, 1)).containsExactly(meant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "zzzzzzzzzzzzzzzzzzzzzzzz"})
  void closestSuggestsNothingForNonsense(String key) {
    assertThat(AgroalProperties.closest(key, 3)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "true, true",
    "TRUE, true",
    "' on ', true",
    "yes, true",
    "1, true",
    "oui, true",
    "false, false",
    "off, false",
    "0, false",
    "no, false",
    "nein, false"
  })
  void booleansAsSmallRyeReadsThem(String text, boolean value) {
    assertThat(AgroalProperties.booleanValue(text)).contains(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "ture", "", "2"})
  void unrecognisedBooleansAreEmptyAndReadAsFalse(String text) {
    assertThat(AgroalProperties.booleanValue(text)).isEmpty();
    assertThat(AgroalProperties.isTrue(text)).isFalse();
  }

  @Test
  void countsAsIntegerValueOfTheTrimmedText() {
    assertThat(AgroalProperties.count(" 20 ")).hasValue(20);
    assertThat(AgroalProperties.count("+5")).hasValue(5);
    assertThat(AgroalProperties.count("-1")).hasValue(-1);
    assertThat(AgroalProperties.count("0x1F")).isEmpty();
    assertThat(AgroalProperties.count("1_000")).isEmpty();
    assertThat(AgroalProperties.count("2.5")).isEmpty();
    assertThat(AgroalProperties.count("3000000000")).isEmpty();
    assertThat(AgroalProperties.count("")).isEmpty();
  }
}
