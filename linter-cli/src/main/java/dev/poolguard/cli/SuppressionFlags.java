package dev.poolguard.cli;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.engine.Today;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code lint} options for suppressions: strict runs and the day waivers are judged against. */
final class SuppressionFlags {

  @Option(
      names = "--no-inline-ignores",
      description = "Report findings even where a '# poolguard:ignore' comment suppresses them.")
  boolean noInlineIgnores;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description =
          "The day (YYYY-MM-DD) waivers are judged against (default: SOURCE_DATE_EPOCH, else"
              + " today's UTC date).")
  String today;

  LintRequest apply(LintRequest request, Map<String, String> environment) {
    return request.withSuppression(
        new SuppressionOptions(
            !noInlineIgnores,
            Today.resolve(Optional.ofNullable(today), environment, Clock.systemUTC())));
  }
}
