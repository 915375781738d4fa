package dev.poolguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Plain scalars get SnakeYAML 1.x's YAML 1.1 tags, whatever character they start with. */
class Yaml11ScalarsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yes|bool",
        "No|bool",
        "OFF|bool",
        "true|bool",
        "False|bool",
        "on|bool",
        "10|int",
        "-10|int",
        "+7|int",
        "010|int",
        "0b101|int",
        "0x1F|int",
        "1:30|int",
        "0|int",
        "1_000|int",
        "1.5|float",
        "-.5|float",
        "+.5e3|float",
        ".inf|float",
        "-.Inf|float",
        ".nan|float",
        "1.8e+06|float",
        "1e3|float",
        "1:30.5|float",
        "<<|merge",
        "~|null",
        "null|null",
        "Null|null",
        "NULL|null",
        "nil|str",
        "none|str",
        "n|str",
        "y|str",
        "yesterday|str",
        "-|str",
        "+|str",
        ".|str",
        "..5|str",
        "1.2.3|str",
        "0x|str",
        "<|str",
        "<<<|str",
        "~x|str",
        "abc|str",
        "jdbc:postgresql://db:5432/x|str",
        "12ab|str",
        "-abc|str",
        "nulls|str"
      })
  void plainScalarsAreTaggedAsYaml11(String value, String tag) {
    assertThat(Yaml11Scalars.resolve(value, true)).isEqualTo(expected(tag));
  }

  @Test
  void emptyAndBlankAndQuoted() {
    assertThat(Yaml11Scalars.resolve("", true)).isEqualTo(Tag.NULL);
    assertThat(Yaml11Scalars.resolve(" ", true)).isEqualTo(Tag.NULL);
    assertThat(Yaml11Scalars.resolve("10", false)).isEqualTo(Tag.STR);
  }

  private static Tag expected(String tag) {
    return switch (tag) {
      case "bool" -> Tag.BOOL;
      case "int" -> Tag.INT;
      case "float" -> Tag.FLOAT;
      case "merge" -> Tag.MERGE;
      case "null" -> Tag.NULL;
      default -> Tag.STR;
    };
  }
}
