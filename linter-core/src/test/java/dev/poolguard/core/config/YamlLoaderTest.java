package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.assertUnparseable;
import static dev.poolguard.core.config.Trees.at;
import static dev.poolguard.core.config.Trees.entry;
import static dev.poolguard.core.config.Trees.keys;
import static dev.poolguard.core.config.Trees.node;
import static dev.poolguard.core.config.Trees.scalar;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.value;
import static dev.poolguard.core.config.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** YAML structure as Spring Boot's SnakeYAML builds it: merges, duplicates, documents, errors. */
class YamlLoaderTest {

  @Test
  void positionsAreOneBasedLinesAndColumnsOfKeysAndValues() {
    MapNode doc =
        single(yaml("spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n"));
    MapNode hikari = (MapNode) node(doc, "spring", "datasource", "hikari");
    MapNode.Entry max = entry(hikari, "maximum-pool-size");
    assertThat(at(max.key())).isEqualTo("4:7");
    assertThat(at(max.value())).isEqualTo("4:26");
    assertThat(at(hikari)).isEqualTo("4:7");
    assertThat(max.key().position().path()).isEqualTo("app.yml");
  }

  @Nested
  class MergeKeys {

    @Test
    void singleAliasMergesAndExplicitKeysWin() {
      MapNode doc =
          single(
              yaml(
                  """
                  base: &base
                    a: 1
                    b: 2
                  svc:
                    <<: *base
                    b: 3
                    c: 4
                  """));
      MapNode svc = (MapNode) node(doc, "svc");
      // SnakeYAML keeps a merged key's place when an explicit key overrides it.
      assertThat(keys(svc)).containsExactly("a", "b", "c");
      assertThat(value(svc, "a")).isEqualTo("1");
      assertThat(value(svc, "b")).isEqualTo("3");
      // Merged entries keep the position where they were written.
      assertThat(at(entry(svc, "a").key())).isEqualTo("2:3");
      assertThat(at(entry(svc, "a").value())).isEqualTo("2:6");
      assertThat(at(entry(svc, "b").value())).isEqualTo("6:6");
    }

    @Test
    void mergeAfterExplicitKeysDoesNotOverrideThem() {
      MapNode svc =
          (MapNode) node(single(yaml("base: &b {x: 1, y: 2}\nsvc:\n  y: 9\n  <<: *b\n")), "svc");
      assertThat(keys(svc)).containsExactly("y", "x");
      assertThat(value(svc, "y")).isEqualTo("9");
    }

    @Test
    void inListsEarlierMapsWinOverLaterOnes() {
      MapNode doc =
          single(
              yaml(
                  """
                  one: &one {a: 1, b: 1}
                  two: &two {b: 2, c: 2}
                  three: &three {c: 3, d: 3}
                  svc:
                    <<: [*one, *two, *three]
                    d: own
                  """));
      MapNode svc = (MapNode) node(doc, "svc");
      assertThat(svc.entries())
          .extracting(e -> e.key().value(), e -> ((ScalarNode) e.value()).value())
          .containsExactly(tuple("a", "1"), tuple("b", "1"), tuple("c", "2"), tuple("d", "own"));
      assertThat(at(entry(svc, "c").value())).isEqualTo("2:21");
    }

    @Test
    void inlineMappingsAndChainsOfMerges() {
      MapNode doc =
          single(
              yaml(
                  """
                  a: &a {x: 1, y: 1}
                  b: &b
                    <<: *a
                    y: 2
                  c:
                    <<: [*b, {z: 3, x: 0}]
                  """));
      MapNode c = (MapNode) node(doc, "c");
      assertThat(keys(c)).containsExactly("x", "y", "z");
      assertThat(value(c, "x")).isEqualTo("1");
      assertThat(value(c, "y")).isEqualTo("2");
      assertThat(value(c, "z")).isEqualTo("3");
    }

    @Test
    void mergedKeysAreNeverDuplicates() {
      ConfigFile file =
          yaml(
              "base: &base {a: 1}\nsvc:\n  <<: *base\n  a: 2\n  <<: {a: 3}\nother:\n  <<: *base\n");
      assertThat(file.problems()).isEmpty();
      assertThat(value(file.documents().get(0), "svc", "a")).isEqualTo("2");
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() {
      MapNode doc = single(yaml("a: &a {x: 1}\nb:\n  \"<<\": *a\n"));
      assertThat(keys(node(doc, "b"))).containsExactly("<<");
    }

    @Test
    void scalarMergeValueIsUnparseableAtTheMergeKey() {
      assertUnparseable(
          yaml("a: 1\nsvc:\n  <<: oops\n"),
          "merge key '<<' needs a mapping or a list of mappings, found a scalar",
          "3:3");
    }

    @Test
    void listWithAScalarIsUnparseable() {
      assertUnparseable(
          yaml("a: &a {x: 1}\nsvc:\n  b: 1\n  <<: [*a, 5]\n"),
          "found a list holding a scalar",
          "4:3");
    }

    @Test
    void emptyMergeValueIsUnparseable() {
      assertUnparseable(yaml("svc:\n  <<:\n"), "found a scalar", "2:3");
    }
  }

  @Nested
  class DuplicateKeys {

    @Test
    void everyDuplicateIsReportedAndTheLastValueWins() {
      ConfigFile file =
          yaml(
              """
              spring:
                datasource:
                  hikari:
                    maximum-pool-size: 10
                    minimum-idle: 2
                    maximum-pool-size: 20
                    maximum-pool-size: 30
              """);
      assertThat(file.parsed()).isTrue();
      assertThat(file.problems())
          .extracting(LoadProblem::kind, LoadProblem::message, p -> at(p.position()))
          .containsExactly(
              tuple(
                  LoadProblem.Kind.DUPLICATE_KEY,
                  "duplicate key 'maximum-pool-size' (first at line 4)",
                  "6:7"),
              tuple(
                  LoadProblem.Kind.DUPLICATE_KEY,
                  "duplicate key 'maximum-pool-size' (first at line 4)",
                  "7:7"));
      MapNode hikari = (MapNode) node(file.documents().get(0), "spring", "datasource", "hikari");
      // The earlier duplicates are gone; the winner sits where it was written.
      assertThat(keys(hikari)).containsExactly("minimum-idle", "maximum-pool-size");
      assertThat(value(hikari, "maximum-pool-size")).isEqualTo("30");
      assertThat(at(entry(hikari, "maximum-pool-size").value())).isEqualTo("7:26");
    }

    @Test
    void duplicatesInEveryMappingAndInFlowMappings() {
      ConfigFile file = yaml("a: {x: 1, x: 2}\nb:\n  - y: 1\n    y: 2\na: 3\n");
      assertThat(file.problems())
          .extracting(LoadProblem::message, p -> at(p.position()))
          .containsExactly(
              tuple("duplicate key 'x' (first at line 1)", "1:11"),
              tuple("duplicate key 'y' (first at line 3)", "4:5"),
              tuple("duplicate key 'a' (first at line 1)", "5:1"));
      assertThat(value(file.documents().get(0), "a")).isEqualTo("3");
    }

    @Test
    void aDuplicateKeySpanningLinesIsShownOnOneLine() {
      // Found by fuzzing: a flow key may span lines (CR or LF) and be long; a problem is one line.
      ConfigFile file =
          yaml(
              "a: {\"k\\r\\nl\": 1, \"k\\r\\nl\": 2, "
                  + "m".repeat(100)
                  + ": 1, "
                  + "m".repeat(100)
                  + ": 2}\n");
      assertThat(file.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "duplicate key 'k  l' (first at line 1)",
              "duplicate key '" + "m".repeat(80) + "…' (first at line 1)");
    }

    @Test
    void aDuplicateInsideAnAliasedMappingIsReportedOnce() {
      ConfigFile file =
          yaml("base: &b\n  k: 1\n  k: 2\none:\n  <<: *b\ntwo: *b\nthree: [*b, *b]\n");
      assertThat(file.problems())
          .extracting(LoadProblem::message, p -> at(p.position()))
          .containsExactly(tuple("duplicate key 'k' (first at line 2)", "3:3"));
      assertThat(value(file.documents().get(0), "one", "k")).isEqualTo("2");
      assertThat(value(file.documents().get(0), "three", "1", "k")).isEqualTo("2");
    }

    @Test
    void keysAreComparedAsWrittenNotAsConvertedValues() {
      // SnakeYAML would see 8 twice here; poolguard keeps keys as written (see keys test).
      assertThat(yaml("010: a\n8: b\non: c\ntrue: d\n").problems()).isEmpty();
    }

    @Test
    void flattenedAndNestedFormsOfOneKeyAreNotDuplicates() {
      // spring-petclinic-microservices-config does this; Spring merges them.
      assertThat(
              yaml("""
                   management.security.enabled: false
                   management:
                     endpoints:
                       web: {}
                   """)
                  .problems())
          .isEmpty();
    }
  }

  @Nested
  class Documents {

    @Test
    void everyDocumentInOrderAndNullDocumentsSkipped() {
      ConfigFile file =
          yaml(
              """
              a: 1
              ---
              # a document holding only comments
              ---
              b: 2
              ---
              ~
              --- ''
              ---
              c: 3
              ...
              ---
              """);
      assertThat(file.problems()).isEmpty();
      assertThat(file.documents()).hasSize(3);
      assertThat(keys(file.documents().get(1))).containsExactly("b");
      assertThat(at(file.documents().get(2))).isEqualTo("10:1");
    }

    @Test
    void emptyAndCommentOnlyTextHasNoDocuments() {
      for (String text : List.of("", "\n", "# only a comment\n", "# no newline", "---\n")) {
        ConfigFile file = yaml(text);
        assertThat(file.problems()).as(text).isEmpty();
        assertThat(file.documents()).as(text).isEmpty();
        assertThat(file.parsed()).isTrue();
      }
    }

    @Test
    void noTrailingNewline() {
      MapNode doc = single(yaml("a:\n  b: last"));
      assertThat(value(doc, "a", "b")).isEqualTo("last");
      assertThat(at(scalar(doc, "a", "b"))).isEqualTo("2:6");
    }

    @Test
    void crlfAndCrLineEndingsCountLines() {
      MapNode crlf = single(yaml("a: 1\r\nb:\r\n  c: 2\r\n"));
      assertThat(at(scalar(crlf, "b", "c"))).isEqualTo("3:6");
      assertThat(value(crlf, "b", "c")).isEqualTo("2");
      MapNode cr = single(yaml("a: 1\rb:\r  c: 2\r"));
      assertThat(at(scalar(cr, "b", "c"))).isEqualTo("3:6");
    }

    @Test
    void complexKeysReadAsJavaPrintsThem() {
      MapNode doc = single(yaml("? [a, b]\n: 1\n{x: 1}: 2\n"));
      assertThat(keys(doc)).containsExactly("[a, b]", "{x=1}");
    }

    @Test
    void aliasesShareTheAnchoredNodeAndItsPosition() {
      MapNode doc = single(yaml("pool: &size 10\nother: *size\nlist: &l [1, 2]\ncopy: *l\n"));
      assertThat(value(doc, "other")).isEqualTo("10");
      assertThat(at(scalar(doc, "other"))).isEqualTo("1:7");
      assertThat(at(node(doc, "copy"))).isEqualTo("3:7");
    }
  }

  @Nested
  class Errors {

    @Test
    void fuzzerFoundTagCrashIsAProblemNotAnException() {
      // snakeyaml-engine 3.2 throws IllegalArgumentException here (TOOLCHAIN.md section 4).
      assertUnparseable(yaml("!%e"), "invalid YAML: ", "1:1");
      assertUnparseable(yaml("a: 1\nb: !%e x\n"), "invalid YAML: ", "2:6");
    }

    @Test
    void syntaxErrorNamesTheLine() {
      ConfigFile file = yaml("a: [1, 2\nb: 2\n");
      assertUnparseable(file, "invalid YAML: ", "2:2");
      assertThat(file.problems().get(0).message()).contains("started at line 1");
    }

    @Test
    void tabIndentation() {
      assertUnparseable(yaml("a:\n\tb: 1\n"), "invalid YAML: ", "2:1");
    }

    @Test
    void undefinedAlias() {
      assertUnparseable(yaml("a: *nowhere\n"), "nowhere", "1:4");
    }

    @Test
    void errorInALaterDocumentDropsTheWholeFile() {
      ConfigFile file = yaml("a: 1\n---\nb: [\n");
      assertThat(file.parsed()).isFalse();
      assertThat(file.documents()).isEmpty();
    }

    @Test
    void duplicatesAreNotReportedForAnUnparseableFile() {
      ConfigFile file = yaml("a: 1\na: 2\n---\nb: *x\n");
      assertThat(file.problems())
          .extracting(LoadProblem::kind)
          .containsOnly(LoadProblem.Kind.UNPARSEABLE);
    }
  }

  @Nested
  class EmbeddedText {

    @Test
    void offsetsShiftEveryPositionIntoTheEmbeddingFile() {
      ConfigFile file =
          ConfigLoader.loadText(
              "spring:\n  datasource:\n    url: x\n    url: y\n",
              "deploy/cm.yaml",
              ConfigFile.Format.YAML,
              10,
              4,
              Limits.DEFAULT);
      MapNode doc = (MapNode) file.documents().get(0);
      assertThat(at(scalar(doc, "spring", "datasource", "url"))).isEqualTo("14:14");
      assertThat(at(doc)).isEqualTo("11:5");
      assertThat(file.problems())
          .extracting(LoadProblem::message, p -> p.position().toString())
          .containsExactly(tuple("duplicate key 'url' (first at line 13)", "deploy/cm.yaml:14:9"));
    }

    @Test
    void offsetsShiftErrors() {
      ConfigFile file =
          ConfigLoader.loadText("a: [\n", "cm.yaml", ConfigFile.Format.YAML, 20, 6, Limits.DEFAULT);
      assertThat(file.problems().get(0).position().line()).isGreaterThan(20);
      assertThat(file.problems().get(0).position().column()).isGreaterThan(6);
    }

    @Test
    void errorMessagesNeverQuoteTheInput() {
      for (String text :
          List.of(
              "password: \"\\uKq9x50Zp\"\n",
              "password: \"\\UKq9x50Zp\"\n",
              "password: [Kq9x51Zp, {x: Kq9x52Zp\n",
              "url: jdbc:postgresql://app:Kq9x53Zp@db/x\n  bad: [\n",
              "password: 'Kq9x54Zp\n")) {
        ConfigFile file =
            ConfigLoader.loadText(text, "a.yaml", ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
        assertThat(file.problems()).as(text).isNotEmpty();
        assertThat(file.problems().get(0).message()).as(text).doesNotContain("Kq9x");
      }
      // The parser's own quoting of tokens stays: it is no input.
      ConfigFile flow =
          ConfigLoader.loadText(
              "a: {b: 1\n", "a.yaml", ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
      assertThat(flow.problems().get(0).message()).contains("',' or '}'");
    }

    @Test
    void leadingByteOrderMarkCharacterIsIgnored() {
      assertThat(at(single(yaml("\uFEFFa: 1\n")).entries().get(0).key())).isEqualTo("1:1");
    }
  }

  @Nested
  class Json {

    private ConfigFile json(String text) {
      return ConfigLoader.loadText(text, "app.json", ConfigFile.Format.JSON, 0, 0, Limits.DEFAULT);
    }

    @Test
    void jsonIsReadAsYamlWithTabsAndPositions() {
      ConfigFile file =
          json(
              "{\n\t\"pool\": {\"max\": 10, \"on\": true, \"x\": null, \"s\": \"010\"},\n\t\"l\": [1.5]\n}");
      assertThat(file.format()).isEqualTo(ConfigFile.Format.JSON);
      MapNode doc = single(file);
      assertThat(value(doc, "pool", "max")).isEqualTo("10");
      assertThat(value(doc, "pool", "on")).isEqualTo("true");
      assertThat(scalar(doc, "pool", "x").isNull()).isTrue();
      assertThat(value(doc, "pool", "s")).isEqualTo("010");
      assertThat(value(doc, "l", "0")).isEqualTo("1.5");
      assertThat(at(scalar(doc, "pool", "max"))).isEqualTo("2:18");
    }

    @Test
    void invalidJsonSaysJson() {
      assertUnparseable(json("{\"a\": [1, }"), "invalid JSON: ", "1:11");
    }

    @Test
    void duplicateJsonKeysAreReported() {
      assertThat(json("{\"a\": 1, \"a\": 2}").problems())
          .extracting(LoadProblem::kind)
          .containsExactly(LoadProblem.Kind.DUPLICATE_KEY);
    }
  }
}
