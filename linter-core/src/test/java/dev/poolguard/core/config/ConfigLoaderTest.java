package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.assertUnparseable;
import static dev.poolguard.core.config.Trees.at;
import static dev.poolguard.core.config.Trees.entry;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files on disk: size, encodings, binary content, line endings, unreadable paths. */
class ConfigLoaderTest {

  @TempDir Path dir;

  private ConfigFile load(String name, byte[] bytes) throws IOException {
    return load(name, bytes, Limits.DEFAULT);
  }

  private ConfigFile load(String name, byte[] bytes, Limits limits) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return ConfigLoader.load(file, "config/" + name, limits);
  }

  private static byte[] bytes(String text, Charset charset, int... prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b : prefix) {
      out.write(b);
    }
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  @Test
  void formatFollowsTheFileName() {
    assertThat(ConfigLoader.formatOf(Path.of("application.yml"))).contains(ConfigFile.Format.YAML);
    assertThat(ConfigLoader.formatOf(Path.of("a/B.YAML"))).contains(ConfigFile.Format.YAML);
    assertThat(ConfigLoader.formatOf(Path.of("app.properties")))
        .contains(ConfigFile.Format.PROPERTIES);
    assertThat(ConfigLoader.formatOf(Path.of("app.json"))).contains(ConfigFile.Format.JSON);
    assertThat(ConfigLoader.formatOf(Path.of("pom.xml"))).isEmpty();
  }

  @Test
  void displayPathAndFormatAreKept() throws IOException {
    ConfigFile file = load("app.json", bytes("{\"a\": 1}", StandardCharsets.UTF_8));
    assertThat(file.displayPath()).isEqualTo("config/app.json");
    assertThat(file.format()).isEqualTo(ConfigFile.Format.JSON);
    assertThat(single(file).entries().get(0).key().position().path()).isEqualTo("config/app.json");
  }

  @Nested
  class Encodings {

    @Test
    void utf8ByteOrderMarkIsStripped() throws IOException {
      for (String name : new String[] {"app.yml", "app.properties", "app.json"}) {
        String text =
            name.endsWith(".json") ? "{\"a\": \"é\"}" : name.endsWith(".yml") ? "a: é\n" : "a=é\n";
        MapNode doc = single(load(name, bytes(text, StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF)));
        assertThat(value(doc, "a")).as(name).isEqualTo("é");
        assertThat(at(entry(doc, "a").key()))
            .as(name)
            .isEqualTo(name.endsWith(".json") ? "1:2" : "1:1");
      }
    }

    @Test
    void utf16WithByteOrderMarks() throws IOException {
      String yaml = "pool:\n  max: 10 # é\n";
      MapNode le = single(load("le.yml", bytes(yaml, StandardCharsets.UTF_16LE, 0xFF, 0xFE)));
      MapNode be = single(load("be.yml", bytes(yaml, StandardCharsets.UTF_16BE, 0xFE, 0xFF)));
      for (MapNode doc : new MapNode[] {le, be}) {
        assertThat(value(doc, "pool", "max")).isEqualTo("10");
        assertThat(at(Trees.scalar(doc, "pool", "max"))).isEqualTo("2:8");
      }
      MapNode props =
          single(load("le.properties", bytes("a=é\n", StandardCharsets.UTF_16LE, 0xFF, 0xFE)));
      assertThat(value(props, "a")).isEqualTo("é");
    }

    @Test
    void invalidUtf8InYamlNamesTheLineOfTheFirstBadByte() throws IOException {
      byte[] bytes = bytes("a: 1\nb: 2\nc: caf\u00e9\n", StandardCharsets.ISO_8859_1);
      assertUnparseable(
          load("app.yml", bytes), "not valid UTF-8: byte 0xE9 at line 3, column 7", "3:7");
      assertUnparseable(
          load("app.json", bytes("{\r\n\"a\": \"\u00ff\"}", StandardCharsets.ISO_8859_1)),
          "at line 2",
          "2:7");
    }

    @Test
    void truncatedUtf8SequenceAtTheEnd() throws IOException {
      byte[] bytes = {'a', ':', ' ', (byte) 0xC3};
      assertUnparseable(load("app.yml", bytes), "byte 0xC3 at line 1, column 4", "1:4");
    }

    @Test
    void propertiesAreUtf8WhenValidElseIso88591() throws IOException {
      assertThat(value(single(load("u.properties", bytes("a=é\n", StandardCharsets.UTF_8))), "a"))
          .isEqualTo("é");
      ConfigFile latin1 =
          load("i.properties", bytes("b=1\na=\u00e9\u00d7\n", StandardCharsets.ISO_8859_1));
      assertThat(latin1.parsed()).isTrue();
      assertThat(value(latin1.documents().get(0), "a")).isEqualTo("é×");
      // Not a finding: a note for --verbose, naming the file, line and column.
      assertThat(latin1.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(LoadProblem.Kind.READ_AS_LATIN1);
                assertThat(p.position().toString()).endsWith("i.properties:2:3");
                assertThat(p.message())
                    .isEqualTo(
                        "not valid UTF-8: byte 0xE9 at line 2, column 3; read as ISO-8859-1, as"
                            + " Spring Boot reads .properties");
              });
    }

    @Test
    void unpairedUtf16IsUnparseable() throws IOException {
      byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'a', 0, ':', 0, ' ', 0, 0x00, (byte) 0xD8, '\n', 0};
      assertUnparseable(load("app.yml", bytes), "not valid UTF-16LE", "1:4");
    }
  }

  @Nested
  class Content {

    @ParameterizedTest
    @ValueSource(strings = {"app.yml", "app.properties", "app.json"})
    void nulBytesMakeABinaryFile(String name) throws IOException {
      byte[] bytes = {'a', '=', '1', '\n', 'b', 0, 'c'};
      assertUnparseable(load(name, bytes), "binary file (NUL byte at line 2)", "2:2");
    }

    @Test
    void nulInUtf16IsBinaryToo() throws IOException {
      byte[] bytes = bytes("a: 1\n\0", StandardCharsets.UTF_16BE, 0xFE, 0xFF);
      assertUnparseable(load("app.yml", bytes), "binary file", "2:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.yml", "app.properties", "app.json"})
    void emptyFilesHaveNoDocumentsAndNoProblems(String name) throws IOException {
      ConfigFile file = load(name, new byte[0]);
      assertThat(file.problems()).isEmpty();
      assertThat(file.documents()).isEmpty();
      assertThat(file.parsed()).isTrue();
    }

    @Test
    void commentOnlyFiles() throws IOException {
      assertThat(load("app.yml", bytes("# nothing\n# here", StandardCharsets.UTF_8)).documents())
          .isEmpty();
      assertThat(
              load("app.properties", bytes("# nothing\n! here", StandardCharsets.UTF_8))
                  .documents())
          .isEmpty();
    }

    @Test
    void lineEndingsGiveTheRightLines() throws IOException {
      for (String eol : new String[] {"\n", "\r\n", "\r"}) {
        String yaml = "a: 1" + eol + eol + "b:" + eol + "  c: x";
        assertThat(
                at(
                    Trees.scalar(
                        single(load("app.yml", bytes(yaml, StandardCharsets.UTF_8))), "b", "c")))
            .isEqualTo("4:6");
        String props = "a=1" + eol + eol + "b=x\\" + eol + "  y";
        MapNode doc = single(load("app.properties", bytes(props, StandardCharsets.UTF_8)));
        assertThat(value(doc, "b")).isEqualTo("xy");
        assertThat(at(entry(doc, "b").value())).isEqualTo("3:3");
      }
    }

    @Test
    void crlfBeforeAnInvalidByteCountsOnce() throws IOException {
      byte[] bytes = bytes("a: 1\r\n\r\nb: \u00e9", StandardCharsets.ISO_8859_1);
      assertUnparseable(load("app.yml", bytes), "at line 3", "3:4");
    }
  }

  @Nested
  class SizeLimit {

    @Test
    void aFileOverTheSizeLimitIsNotRead() throws IOException {
      ConfigFile file = load("big.yml", new byte[101], new Limits(100, 10, 200, 100));
      assertUnparseable(
          file, "file is 101 bytes, over the limit of 100 bytes (limits.maxFileBytes)", "1:1");
      assertThat(file.displayPath()).isEqualTo("config/big.yml");
    }

    @Test
    void aFileAtTheSizeLimitIsRead() throws IOException {
      byte[] bytes = bytes("a: 1\n", StandardCharsets.UTF_8);
      assertThat(load("ok.yml", bytes, new Limits(bytes.length, 10, 200, 100)).problems())
          .isEmpty();
    }
  }

  @Nested
  class Unreadable {

    @Test
    void missingFile() {
      ConfigFile file = ConfigLoader.load(dir.resolve("gone.yml"), "gone.yml", Limits.DEFAULT);
      assertUnparseable(file, "cannot be read: no such file", "1:1");
      assertThat(file.problems().get(0).position().path()).isEqualTo("gone.yml");
    }

    @Test
    void directoryIsNotARegularFile() throws IOException {
      Path sub = Files.createDirectory(dir.resolve("conf.yml"));
      assertUnparseable(
          ConfigLoader.load(sub, "conf.yml", Limits.DEFAULT),
          "cannot be read: not a regular file",
          "1:1");
    }
  }
}
