package dev.poolguard.core.report;

import java.util.List;
import java.util.Optional;

/** The built-in output formats. */
public final class Reporters {

  private static final List<Reporter> ALL =
      List.of(
          new TextReporter(),
          new JsonReporter(),
          new SarifReporter(),
          new JunitReporter(),
          new CheckstyleReporter(),
          new MarkdownReporter(),
          new HtmlReporter());

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
}
