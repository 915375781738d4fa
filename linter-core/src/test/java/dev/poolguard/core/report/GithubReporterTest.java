package dev.poolguard.core.report;

import static dev.poolguard.core.report.Samples.at;
import static dev.poolguard.core.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub workflow commands, read back the way the Actions runner parses them ({@code
 * ActionCommand.TryParseV2} in actions/runner): the command up to the first space, properties split
 * at commas and at the first {@code =}, the message after the second {@code ::}, each unescaped.
 */
class GithubReporterTest {

  /** One parsed workflow command. */
  record Command(String name, Map<String, String> properties, String message) {}

  static Command parse(String line) {
    assertThat(line).startsWith("::");
    int end = line.indexOf("::", 2);
    String info = line.substring(2, end);
    String message = line.substring(end + 2);
    int space = info.indexOf(' ');
    Map<String, String> properties = new LinkedHashMap<>();
    if (space >= 0) {
      for (String pair : info.substring(space + 1).split(",")) {
        int eq = pair.indexOf('=');
        properties.put(pair.substring(0, eq), unescapeProperty(pair.substring(eq + 1)));
      }
    }
    return new Command(
        space < 0 ? info : info.substring(0, space), properties, unescapeData(message));
  }

  // The runner's unescaping: %25 last, so "%250A" stays the literal text "%0A".
  static String unescapeData(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  static String unescapeProperty(String s) {
    return s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  static List<String> lines(LintResult result) throws IOException {
    String out = ReportFormatsTest.render(new GithubReporter(), result);
    assertThat(out).doesNotContain("\r");
    return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, count(out));
  }

  private static int count(String out) {
    return (int) out.chars().filter(c -> c == '\n').count();
  }

  @Test
  void escapesDataAndPropertiesAsActionsToolkitDoes() {
    assertThat(GithubReporter.escapeData("100%\r\nnext")).isEqualTo("100%25%0D%0Anext");
    assertThat(GithubReporter.escapeData("a:b,c")).isEqualTo("a:b,c");
    assertThat(GithubReporter.escapeData("%0A")).isEqualTo("%250A");
    assertThat(GithubReporter.escapeProperty("deploy/a,b:c%.yaml\n"))
        .isEqualTo("deploy/a%2Cb%3Ac%25.yaml%0A");
  }

  @Test
  void oneCommandPerCountingFindingSuppressedOnesLeftOut() throws IOException {
    List<String> lines = lines(Samples.mixed());

    assertThat(lines).hasSize(3);
    assertThat(lines).allMatch(l -> l.startsWith("::"));
    assertThat(lines.stream().map(l -> parse(l).name()))
        .containsExactly("error", "warning", "error");
    assertThat(String.join("\n", lines)).doesNotContain("payments").doesNotContain("hunter2");
  }

  @Test
  void propertiesNameFileLineColumnAndTitle() throws IOException {
    Command peak = parse(lines(Samples.mixed()).get(2));

    assertThat(peak.properties())
        .containsExactly(
            Map.entry("file", "deploy/orders.yaml"),
            Map.entry("line", "42"),
            Map.entry("col", "22"),
            Map.entry(
                "title", "Pool is smaller than the peak offered load [pool-below-peak-demand]"));
    assertThat(peak.message())
        .isEqualTo(
            "pool max 4 cannot carry the peak offered load of 6.0 connections per pod; needs ≥ 7"
                + "\n\nRaise maximum-pool-size to the suggested value.");
  }

  @Test
  void severitiesMapToErrorWarningAndNotice() {
    assertThat(GithubReporter.command(Severity.ERROR)).isEqualTo("error");
    assertThat(GithubReporter.command(Severity.WARNING)).isEqualTo("warning");
    assertThat(GithubReporter.command(Severity.NOTE)).isEqualTo("notice");
  }

  @Test
  void hostileTextStaysOnOneLineAndRoundTrips() throws IOException {
    String path = "deploy/a,b:c%d.yaml";
    String message = "line one\r\nline two: 50% of 40,\u001b[31m red\n::error::forged";
    Finding f =
        finding(
            Samples.UNUSED,
            Severity.NOTE,
            message,
            at(path, 7, 3),
            List.of(),
            "orders",
            null,
            "orders/idle");
    LintResult result = Samples.result(List.of(f), List.of(Samples.UNUSED), 1);

    List<String> lines = lines(result);

    assertThat(lines).hasSize(1);
    Command c = parse(lines.get(0));
    assertThat(c.name()).isEqualTo("notice");
    assertThat(c.properties()).containsEntry("file", path).containsEntry("line", "7");
    assertThat(c.message())
        .startsWith("line one\r\nline two: 50% of 40,\\u001b[31m red\n::error::forged\n\n");
  }

  @Test
  void sameInputGivesTheSameBytesAndNothingForACleanRun() throws IOException {
    assertThat(ReportFormatsTest.render(new GithubReporter(), Samples.mixed()))
        .isEqualTo(ReportFormatsTest.render(new GithubReporter(), Samples.mixed()));
    assertThat(
            ReportFormatsTest.render(new GithubReporter(), Samples.result(List.of(), List.of(), 0)))
        .isEmpty();
  }

  @Test
  void namesItsFormatAndFile() {
    assertThat(new GithubReporter().format()).isEqualTo("github");
    assertThat(new GithubReporter().fileName()).isEqualTo("poolguard.github.txt");
  }
}
