package dev.poolguard.cli;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.engine.Today;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code lint} options for suppressions and extra rules: strict runs, the waiver day, packs. */
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

  @Option(
      names = "--rules-jar",
      paramLabel = "JAR",
      description = "Load an extra rule pack (repeatable).")
  List<Path> rulesJars = new ArrayList<>();

  LintRequest apply(LintRequest request, Map<String, String> environment) {
    return request.withSuppression(
        new SuppressionOptions(
            !noInlineIgnores,
            Today.resolve(Optional.ofNullable(today), environment, Clock.systemUTC())));
  }

  /** The built-in rules and those of every {@code --rules-jar}, relative to {@code dir}. */
  RuleSet rules(Path dir) {
    return RuleSet.load(
        SuppressionFlags.class.getClassLoader(),
        rulesJars.stream().map(p -> dir.resolve(p).normalize()).toList());
  }
}
