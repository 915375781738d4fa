package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Output cannot attack its reader: a pool name and a file name built to drive a terminal (escape
 * sequences, a C1 control, a bidirectional override), to hide the rest of a pull-request comment
 * ({@code <!--}), to inject markup or break a table or code span, and to make an encoder fail (a
 * lone surrogate) come out inert in every format.
 */
class HostileOutputTest {

  /** Clear the screen, an OSC 8 hyperlink, a CSI as one C1 byte, and a right-to-left override. */
  private static final String TERMINAL = "\u001b[2J\u001b]8;;https://evil.example\u0007x\u009b31m";

  private static final String BIDI = "\u202e";
  private static final String MARKUP = "<!-- <script>alert(1)</script> | ``x`` |";
  private static final String LONE = "\uD800";

  @TempDir static Path dir;

  private static Path tree;
  private static Path baseline;

  @BeforeAll
  static void plant() throws IOException {
    tree = dir.resolve("tree");
    baseline = dir.resolve("baseline");
    for (Path root : List.of(tree, baseline)) {
      Path resources = root.resolve("svc/src/main/resources");
      Files.createDirectories(resources);
      Files.writeString(
          root.resolve("svc/pom.xml"),
          "<project><artifactId>svc</artifactId><dependencies><dependency>"
              + "<artifactId>spring-boot-starter-data-jpa</artifactId>"
              + "</dependency></dependencies></project>\n");
      String poolName = root == tree ? "\\e[2J\\e]8;;https://evil.example\\ax\\x9b31m" : "old";
      // YAML double-quoted escapes plant the control characters; the rest is literal.
      Files.writeString(
          resources.resolve("application.yml"),
          "spring:\n"
              + "  application:\n"
              + "    name: \"svc"
              + (root == tree ? "\\u202e<!-- <script>" : "")
              + "\"\n"
              + "  datasource:\n"
              + "    hikari:\n"
              + "      pool-name: \""
              + poolName
              + " <!-- <script>alert(1)</script> | ``x`` | \\ud800\"\n"
              + "      maximum-pool-sise: 5\n");
    }
    // A file name that carries an escape sequence and a comment opener too.
    Files.writeString(
        tree.resolve("svc/src/main/resources/application-\u001b[31m<!--.yml"),
        "spring:\n  datasource:\n    hikari:\n      maximum-pool-sise: 6\n");
  }

  @Test
  void textOutputShowsControlCharactersAsVisibleEscapes() {
    for (List<String> args :
        List.of(
            List.of("lint", "--fail-on", "never", "-v"),
            List.of("model"),
            List.of("diff", "-b", baseline.toString()))) {
      CliRun run = CliRun.inProcess(tree, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + run.err()).isZero();
      String all = run.out() + run.err();
      assertInertForATerminal(args.toString(), all);
      assertThat(all).as(args.toString()).contains("\\u001b");
    }
  }

  @Test
  void markdownEscapesEverythingTakenFromInputs() {
    for (List<String> args :
        List.of(
            List.of("lint", "--fail-on", "never", "-f", "markdown", "-b", baseline.toString()),
            List.of("diff", "-f", "markdown", "-b", baseline.toString()))) {
      CliRun run = CliRun.inProcess(tree, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + run.err()).isZero();
      String md = run.out();
      assertInertForATerminal(args.toString(), md);
      // Outside code spans (where Markdown shows text literally) no markup from an input is left.
      String outsideCode = md.replaceAll("(`+)(?:(?!\\1).)*?\\1", "");
      assertThat(outsideCode)
          .as(args.toString())
          .doesNotContain("<!--")
          .doesNotContain("<script")
          .doesNotContain(MARKUP);
      assertThat(md).contains("&lt;!--");
      // Every table row keeps its columns: no pipe from an input opens a new cell.
      for (String line : md.lines().filter(l -> l.startsWith("| ")).toList()) {
        long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count();
        assertThat(cells).as(line).isEqualTo(7);
      }
    }
  }

  /**
   * GitHub workflow commands: every finding stays one {@code ::command} line, so neither a line
   * break nor a forged {@code ::} from an input starts another command, and nothing drives the log.
   */
  @Test
  void githubCommandsStayOneLineEachAndInert() {
    CliRun run =
        CliRun.inProcess(
            tree, "lint", "--fail-on", "never", "-f", "github", "-b", baseline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertInertForATerminal("github", run.out());
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty();
    assertThat(lines).allMatch(l -> l.matches("::(error|warning|notice) file=[^:]*::.*"));
    assertThat(run.out()).contains("\\u001b");
  }

  @Test
  void htmlAndXmlEscapeEverythingAndStayParseable() throws Exception {
    Path out = dir.resolve("reports");
    CliRun run =
        CliRun.inProcess(
            tree,
            "lint",
            "--fail-on",
            "never",
            "-b",
            baseline.toString(),
            "-f",
            "html,junit,checkstyle,json,sarif,gitlab",
            "-o",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(out.resolve("poolguard.html"));
    assertInertForATerminal("html", html);
    assertThat(html).doesNotContain("<script").doesNotContain("<!-- <");
    assertThat(html).contains("&lt;script&gt;");
    for (String xml : List.of("poolguard.junit.xml", "poolguard.checkstyle.xml")) {
      String text = Files.readString(out.resolve(xml));
      assertThatCode(
              () ->
                  DocumentBuilderFactory.newInstance()
                      .newDocumentBuilder()
                      .parse(new InputSource(new StringReader(text))))
          .as(xml)
          .doesNotThrowAnyException();
    }
    for (String json : List.of("poolguard.json", "poolguard.sarif", "poolguard.gitlab.json")) {
      String text = Files.readString(out.resolve(json));
      assertThatCode(() -> parseJson(text)).as(json).doesNotThrowAnyException();
      assertThat(text).doesNotContain("\u001b").doesNotContain(LONE);
    }
  }

  @Test
  void unencodableTextNeverFailsAReport() throws IOException {
    Path out = dir.resolve("every-format");
    CliRun run =
        CliRun.inProcess(
            tree,
            "lint",
            "--fail-on",
            "never",
            "-f",
            String.join(",", dev.poolguard.core.report.Reporters.names()),
            "-o",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.count()).isEqualTo(dev.poolguard.core.report.Reporters.names().size());
    }
    Path snapshot = dir.resolve("snapshot.json");
    CliRun snap = CliRun.inProcess(tree, "baseline", "-o", snapshot.toString(), "--force");
    assertThat(snap.exitCode()).as(snap.err()).isZero();
    for (String args : List.of("model", "model -f json", "diff -f json -b " + baseline)) {
      CliRun r = CliRun.inProcess(tree, args.split(" "));
      assertThat(r.exitCode()).as(args + r.err()).isZero();
      assertStrictUtf8(args, r.out());
    }
  }

  private static void parseJson(String text) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      while (p.nextToken() != null) {
        // reading every token is the check
      }
    }
  }

  private static void assertInertForATerminal(String what, String output) {
    assertThat(output)
        .as(what)
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .doesNotContain("\u009b")
        .doesNotContain(BIDI)
        .doesNotContain(LONE)
        .doesNotContain(TERMINAL);
    assertStrictUtf8(what, output);
  }

  /** Encodes strictly: a lone surrogate would throw here. */
  private static void assertStrictUtf8(String what, String output) {
    assertThatCode(
            () -> {
              ByteBuffer unused =
                  StandardCharsets.UTF_8
                      .newEncoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)
                      .encode(CharBuffer.wrap(output));
            })
        .as(what)
        .doesNotThrowAnyException();
  }
}
