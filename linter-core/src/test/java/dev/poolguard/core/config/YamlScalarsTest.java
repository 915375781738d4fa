package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.at;
import static dev.poolguard.core.config.Trees.keys;
import static dev.poolguard.core.config.Trees.scalar;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain scalars read as Spring Boot's SnakeYAML (YAML 1.1) reads them. */
class YamlScalarsTest {

  private static ScalarNode plain(String text) {
    ScalarNode node = scalar(single(yaml("v: " + text + "\n")), "v");
    assertThat(node.raw()).isEqualTo(text);
    assertThat(at(node)).isEqualTo("1:4");
    return node;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "010        | 8",
        "0010       | 8",
        "-010       | -8",
        "0_17       | 15",
        "0x1F       | 31",
        "0x_1f      | 31",
        "-0x1F      | -31",
        "0b101      | 5",
        "+0b1_01    | 5",
        "1_000      | 1000",
        "1:30       | 90",
        "-1:30      | -90",
        "190:20:30  | 685230",
        "+5         | 5",
        "-0         | 0",
        "0          | 0",
        "42         | 42",
        "12345678901234567890123 | 12345678901234567890123",
      })
  void integersAsSnakeYamlConstructsThem(String text, String expected) {
    ScalarNode node = plain(text);
    assertThat(node.value()).isEqualTo(expected);
    assertThat(node.isNull()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"})
  void trueInAllItsYaml11Spellings(String text) {
    assertThat(plain(text).value()).isEqualTo("true");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"})
  void falseInAllItsYaml11Spellings(String text) {
    assertThat(plain(text).value()).isEqualTo("false");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"~", "null", "Null", "NULL"})
  void nulls(String text) {
    ScalarNode node = plain(text);
    assertThat(node.isNull()).isTrue();
    assertThat(node.value()).isEmpty();
  }

  @Test
  void emptyValueIsNullAtTheEndOfItsKey() {
    ScalarNode node = scalar(single(yaml("v:\nw: 1\n")), "v");
    assertThat(node.isNull()).isTrue();
    assertThat(node.value()).isEmpty();
    assertThat(node.raw()).isEmpty();
  }

  /** Floats become the Double Spring holds, printed by Double.toString. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.5      | 1.5",
        "1.50     | 1.5",
        "-1.5     | -1.5",
        "1.       | 1.0",
        ".5       | 0.5",
        "1_000.5  | 1000.5",
        "1e3      | 1000.0",
        "1.0E+3   | 1000.0",
        "6.02e23  | 6.02E23",
        "1:30.5   | 90.5",
        ".inf     | Infinity",
        "-.Inf    | -Infinity",
        ".NaN     | NaN",
        "._       | ._",
      })
  void floatsAsTheDoubleSpringHolds(String text, String expected) {
    assertThat(plain(text).value()).isEqualTo(expected);
  }

  /** Text that YAML 1.2 or other YAML readers would convert, but SnakeYAML 1.x does not. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "y",
        "n",
        "yEs",
        "oN",
        "nULL",
        "08",
        "0o17",
        "0:30",
        "1.2.3",
        "2024-01-01",
        "2024-01-01T10:00:00Z",
        "12:30:00.5x",
        "30s",
        "0x",
        "<<x",
        "true1",
        "1_000_000s"
      })
  void stringsStayAsWritten(String text) {
    ScalarNode node = plain(text);
    assertThat(node.value()).isEqualTo(text);
    assertThat(node.isNull()).isFalse();
  }

  @Test
  void numbersLongerThanSnakeYamlsResolverLimitStayText() {
    String digits = "1".repeat(1025);
    assertThat(plain(digits).value()).isEqualTo(digits);
    assertThat(plain("1".repeat(1024)).value()).isEqualTo("1".repeat(1024));
  }

  @Test
  void quotedAndBlockScalarsKeepTheirText() {
    MapNode doc =
        single(
            yaml(
                """
                a: \"010\"
                b: '0x1F'
                c: 'on'
                d: \"\"
                e: |
                  yes
                f: >-
                  1_000
                g: 'null'
                """));
    assertThat(scalar(doc, "a").value()).isEqualTo("010");
    assertThat(scalar(doc, "b").value()).isEqualTo("0x1F");
    assertThat(scalar(doc, "c").value()).isEqualTo("on");
    assertThat(scalar(doc, "d").value()).isEmpty();
    assertThat(scalar(doc, "d").isNull()).isFalse();
    assertThat(scalar(doc, "e").value()).isEqualTo("yes\n");
    assertThat(scalar(doc, "e").raw()).isEqualTo("yes\n");
    assertThat(at(scalar(doc, "e"))).isEqualTo("5:4");
    assertThat(scalar(doc, "f").value()).isEqualTo("1_000");
    assertThat(scalar(doc, "g").isNull()).isFalse();
  }

  @Test
  void explicitTagsWinAndTheNonSpecificTagResolvesLikePlain() {
    MapNode doc =
        single(
            yaml(
                """
                a: !!int \"010\"
                b: !!str 010
                c: !!bool \"yes\"
                d: !!float \"1e3\"
                e: !!null \"\"
                f: ! 010
                g: !!int abc
                h: !custom on
                i: !!float 1
                j: !!int \"\"
                k: !!float \"-\"
                l: !!int \"1::2\"
                """));
    assertThat(scalar(doc, "a").value()).isEqualTo("8");
    assertThat(scalar(doc, "b").value()).isEqualTo("010");
    assertThat(scalar(doc, "c").value()).isEqualTo("true");
    assertThat(scalar(doc, "d").value()).isEqualTo("1000.0");
    assertThat(scalar(doc, "e").isNull()).isTrue();
    assertThat(scalar(doc, "f").value()).isEqualTo("8"); // SnakeYAML resolves "!" like plain
    assertThat(scalar(doc, "g").value()).isEqualTo("abc");
    assertThat(scalar(doc, "h").value()).isEqualTo("on");
    assertThat(scalar(doc, "i").value()).isEqualTo("1.0");
    // Text an explicit tag cannot construct (Spring would fail) keeps its text.
    assertThat(scalar(doc, "j").value()).isEmpty();
    assertThat(scalar(doc, "k").value()).isEqualTo("-");
    assertThat(scalar(doc, "l").value()).isEqualTo("1::2");
  }

  @Test
  void keysAreNeverConverted() {
    MapNode doc = single(yaml("010: a\non: b\n~: c\n1_000: d\nnull: e\n\"x\": f\n"));
    assertThat(keys(doc)).containsExactly("010", "on", "~", "1_000", "null", "x");
    for (MapNode.Entry entry : doc.entries()) {
      assertThat(entry.key().raw()).isEqualTo(entry.key().value());
      assertThat(entry.key().isNull()).isFalse();
    }
  }

  @Test
  void scalarsInListsAreResolvedToo() {
    ConfigNode list = single(yaml("v: [010, on, ~, '010', x]\n")).get("v").orElseThrow();
    assertThat(((ListNode) list).items())
        .extracting(n -> ((ScalarNode) n).value())
        .containsExactly("8", "true", "", "010", "x");
    assertThat(at(((ListNode) list).items().get(1))).isEqualTo("1:10");
  }
}
