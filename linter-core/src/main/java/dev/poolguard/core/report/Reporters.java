package dev.poolguard.core.report;

import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.result.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The built-in output formats. */
public final class Reporters {

  private static final List<Reporter> ALL =
      Stream.of(
              new TextReporter(),
              new JsonReporter(),
              new SarifReporter(),
              new JunitReporter(),
              new CheckstyleReporter(),
              new MarkdownReporter(),
              new HtmlReporter(),
              new GithubReporter(),
              new GitlabReporter())
          .<Reporter>map(Masked::new)
          .toList();

  private Reporters() {}

  public static List<Reporter> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(Reporter::format).toList();
  }

  public static Optional<Reporter> find(String name) {
    return ALL.stream().filter(r -> r.format().equals(name)).findFirst();
  }

  /**
   * A format whose output passes {@link SafeOutput} last: the run's secret values are masked in
   * whatever escaped form the format wrote them, and nothing unencodable is left.
   */
  private record Masked(Reporter inner) implements Reporter {

    @Override
    public String format() {
      return inner.format();
    }

    @Override
    public String fileName() {
      return inner.fileName();
    }

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
      StringWriter buffer = new StringWriter();
      inner.write(result, options, buffer);
      Redaction redaction = result.model().redaction();
      if (result.baseline().isPresent()) {
        redaction = redaction.and(result.baseline().get().redaction());
      }
      out.write(SafeOutput.finish(buffer.toString(), redaction));
      out.flush();
    }
  }
}
