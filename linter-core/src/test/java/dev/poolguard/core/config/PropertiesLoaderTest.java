package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.assertUnparseable;
import static dev.poolguard.core.config.Trees.at;
import static dev.poolguard.core.config.Trees.entry;
import static dev.poolguard.core.config.Trees.keys;
import static dev.poolguard.core.config.Trees.properties;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .properties} read as Spring Boot's OriginTrackedPropertiesLoader reads them. */
class PropertiesLoaderTest {

  @Test
  void separatorsAndPositionsOfKeysAndValues() {
    MapNode doc =
        single(
            properties(
                """
                a=1
                b : 2
                c 3
                   d\t=\t4
                e:f=g
                h   i j
                k = =x
                """));
    assertThat(keys(doc)).containsExactly("a", "b", "c", "d", "e", "h", "k");
    assertThat(doc.entries())
        .extracting(e -> ((ScalarNode) e.value()).value(), e -> at(e.key()), e -> at(e.value()))
        .containsExactly(
            tuple("1", "1:1", "1:3"),
            tuple("2", "2:1", "2:5"),
            tuple("3", "3:1", "3:3"),
            tuple("4", "4:4", "4:8"),
            tuple("f=g", "5:1", "5:3"),
            tuple("i j", "6:1", "6:5"),
            tuple("=x", "7:1", "7:5"));
    assertThat(at(doc)).isEqualTo("1:1");
  }

  @Test
  void emptyValuesSitJustAfterTheirSeparatorOrKey() {
    MapNode doc = single(properties("a=\nb =   \nc\nd:"));
    assertThat(doc.entries())
        .extracting(e -> ((ScalarNode) e.value()).value(), e -> at(e.value()))
        .containsExactly(tuple("", "1:3"), tuple("", "2:4"), tuple("", "3:2"), tuple("", "4:3"));
    assertThat(((ScalarNode) entry(doc, "a").value()).isNull()).isFalse();
  }

  @Test
  void aMillionContinuationLinesCostNoStack() {
    MapNode doc = single(properties("a=" + "\\\n".repeat(1_000_000) + "x\n"));
    assertThat(((ScalarNode) entry(doc, "a").value()).value()).isEqualTo("x");
  }

  @Test
  void escapes() {
    MapNode doc =
        single(
            properties(
                """
                tab=a\\tb
                nl=a\\nb
                cr=a\\rb
                ff=a\\fb
                uni=\\u4EBa\\u0026\\u00e9
                other=\\q\\#\\!\\=\\:\\\\
                key\\ with\\=odd\\:chars=v
                """));
    assertThat(value(doc, "tab")).isEqualTo("a\tb");
    assertThat(value(doc, "nl")).isEqualTo("a\nb");
    assertThat(value(doc, "cr")).isEqualTo("a\rb");
    assertThat(value(doc, "ff")).isEqualTo("a\fb");
    assertThat(value(doc, "uni")).isEqualTo("人&é");
    assertThat(value(doc, "other")).isEqualTo("q#!=:\\");
    assertThat(value(doc, "key with=odd:chars")).isEqualTo("v");
    assertThat(entry(doc, "uni").value())
        .extracting(n -> ((ScalarNode) n).raw())
        .isEqualTo("\\u4EBa\\u0026\\u00e9");
    assertThat(entry(doc, "key with=odd:chars").key().raw()).isEqualTo("key\\ with\\=odd\\:chars");
  }

  @Test
  void malformedUnicodeEscapeIsUnparseableAtItsBackslash() {
    assertUnparseable(
        properties("ok=1\nbad=properties\\u(026test\n"), "malformed \\uXXXX escape", "2:15");
    assertUnparseable(properties("bad=\\u12"), "malformed \\uXXXX escape", "1:5");
  }

  @Test
  void continuationLinesDropTheirLeadingWhitespace() {
    MapNode doc =
        single(
            properties(
                """
                exclude=\\
                  a.B,\\
                  c.D
                odd=x\\\\\\
                   y
                even=x\\\\
                next=1
                """));
    assertThat(value(doc, "exclude")).isEqualTo("a.B,c.D");
    assertThat(at(entry(doc, "exclude").value())).isEqualTo("2:3");
    assertThat(value(doc, "odd")).isEqualTo("x\\y");
    assertThat(value(doc, "even")).isEqualTo("x\\");
    assertThat(value(doc, "next")).isEqualTo("1");
  }

  @Test
  void trailingWhitespaceOfValuesIsKept() {
    MapNode doc = single(properties("a = x  \nb=y\\ \n"));
    assertThat(value(doc, "a")).isEqualTo("x  ");
    assertThat(value(doc, "b")).isEqualTo("y ");
  }

  @Test
  void commentsAndTheirTrailingBackslash() {
    MapNode doc =
        single(
            properties(
                """
                #a=1
                !b=2
                   # c=3 \\
                d=4
                ! e=5\\
                f=6 # not a comment
                g=!7
                """));
    assertThat(keys(doc)).containsExactly("d", "f", "g");
    assertThat(value(doc, "f")).isEqualTo("6 # not a comment");
    assertThat(value(doc, "g")).isEqualTo("!7");
  }

  @Test
  void listShorthandExpandsAsSpringDoes() {
    MapNode doc = single(properties("foods[]=Apple,\\\n  Orange, Mango\nempty[]=\nx[]=a,,b,\n"));
    assertThat(doc.entries())
        .extracting(
            e -> e.key().value(),
            e -> ((ScalarNode) e.value()).value(),
            e -> at(e.key()),
            e -> at(e.value()))
        .containsExactly(
            tuple("foods[0]", "Apple", "1:1", "1:9"),
            tuple("foods[1]", "Orange", "1:1", "2:3"),
            tuple("foods[2]", "Mango", "1:1", "2:11"),
            tuple("empty[0]", "", "3:1", "3:9"),
            tuple("x[0]", "a", "4:1", "4:5"),
            tuple("x[1]", "", "4:1", "4:7"),
            tuple("x[2]", "b", "4:1", "4:8"));
    assertThat(entry(doc, "foods[1]").key().raw()).isEqualTo("foods[]");
  }

  @Test
  void mapIndexKeysAreKeptVerbatim() {
    MapNode doc =
        single(
            properties(
                """
                spring.datasource.hikari.dataSourceProperties[cachePrepStmts]=true
                a['b.c']=1
                quarkus.log.category.\"io.quarkus\".level=DEBUG
                """));
    assertThat(keys(doc))
        .containsExactly(
            "spring.datasource.hikari.dataSourceProperties[cachePrepStmts]",
            "a['b.c']",
            "quarkus.log.category.\"io.quarkus\".level");
  }

  @Test
  void aRepeatedKeyKeepsItsFirstPlaceAndTakesTheLastValue() {
    ConfigFile file = properties("a=1\nb=2\na=3\n");
    MapNode doc = single(file);
    assertThat(keys(doc)).containsExactly("a", "b");
    assertThat(value(doc, "a")).isEqualTo("3");
    assertThat(at(entry(doc, "a").key())).isEqualTo("3:1");
    assertThat(at(entry(doc, "a").value())).isEqualTo("3:3");
  }

  @Test
  void lineEndings() {
    for (String text : new String[] {"a=1\r\nb=x\\\r\n  y\r\n", "a=1\rb=x\\\r  y\r"}) {
      MapNode doc = single(properties(text));
      assertThat(value(doc, "b")).isEqualTo("xy");
      assertThat(at(entry(doc, "b").key())).isEqualTo("2:1");
      assertThat(value(doc, "a")).isEqualTo("1");
    }
  }

  @Test
  void emptyAndCommentOnlyTextHasNoDocuments() {
    for (String text : new String[] {"", "\n\n", "# just a comment", "#---\n!---\n", " = x\n"}) {
      ConfigFile file = properties(text);
      assertThat(file.problems()).isEmpty();
      assertThat(file.documents()).as(text).isEmpty();
    }
  }

  @Test
  void escapedCommentCharacterAtLineStartStillStartsAComment() {
    // A Spring quirk: its comment check looks at the character after unescaping.
    assertThat(keys(single(properties("\\#a=1\nb=2\n")))).containsExactly("b");
  }

  @Nested
  class Documents {

    private int count(String text) {
      return properties(text).documents().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#---", "!---", "#--- \t ", "!---\t"})
    void separatorLinesSplitDocuments(String separator) {
      ConfigFile file = properties("a=a\n" + separator + "\nb=b");
      assertThat(file.documents()).hasSize(2);
      assertThat(keys(file.documents().get(1))).containsExactly("b");
      assertThat(at(file.documents().get(1))).isEqualTo("3:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {" \t#---", " !---", "#--- \tcomment", "!---x", "#----", "#--"})
    void otherLinesAreComments(String line) {
      assertThat(count("a=a\n" + line + "\nb=b")).isEqualTo(1);
    }

    @Test
    void aSeparatorAfterACommentWithAnotherPrefixStillSplits() {
      assertThat(count("a=a\n# comment\n!---\nb=b")).isEqualTo(2);
      assertThat(count("a=a\n! comment\n#---\nb=b")).isEqualTo(2);
    }

    @Test
    void existingCommentBannersAreNotSeparators() {
      String text =
          """
          #---
          # Test
          #---

          spring=boot

          #---
          # Test

          boot=bar


          # Test
          #---

          bar=ok

          !---
          ! Test
          !---

          ok=well

          !---
          ! Test

          well=hello

          ! Test
          !---

          hello=world

          """;
      ConfigFile file = properties(text);
      assertThat(file.documents()).hasSize(1);
      assertThat(keys(file.documents().get(0)))
          .containsExactly("spring", "boot", "bar", "ok", "well", "hello");
    }

    @Test
    void documentsInOrderWithTheirOwnKeys() {
      ConfigFile file =
          properties("a=1\n#---\nspring.config.activate.on-profile=prod\na=2\n#---\n#---\nb=3\n");
      assertThat(file.documents()).hasSize(3);
      assertThat(value(file.documents().get(1), "a")).isEqualTo("2");
      assertThat(value(file.documents().get(2), "b")).isEqualTo("3");
    }
  }

  @Test
  void offsetsShiftPositions() {
    ConfigFile file =
        ConfigLoader.loadText(
            "a=1\nb=2\n", "cm.yaml", ConfigFile.Format.PROPERTIES, 7, 4, Limits.DEFAULT);
    MapNode doc = single(file);
    assertThat(entry(doc, "b").value().position().toString()).isEqualTo("cm.yaml:9:7");
  }
}
