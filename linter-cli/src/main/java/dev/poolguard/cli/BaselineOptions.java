package dev.poolguard.cli;

import dev.poolguard.core.engine.LintRequest;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that choose what a run compares with. */
final class BaselineOptions {

  @Option(
      names = {"-b", "--baseline"},
      paramLabel = "SPEC",
      description =
          "A folder, a snapshot file (.json), or a git revision (HEAD, origin/main); with"
              + " --staged the default is HEAD.")
  String baseline;

  @Option(
      names = "--no-baseline",
      description = "Ignore the baseline named in poolguard.yaml (and HEAD under --staged).")
  boolean noBaseline;

  LintRequest apply(LintRequest request) {
    return request.withBaseline(Optional.ofNullable(baseline), noBaseline);
  }
}
