package dev.poolguard.cli;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.GitHead;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.engine.LintRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command that reads configuration shares. */
final class CommonOptions {

  @Parameters(
      paramLabel = "PATH",
      description =
          "Files and folders to lint (default: .); - reads Kubernetes manifests from stdin.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "poolguard.yaml to use (default: found beside the first PATH or above it).")
  Path config;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      split = ",",
      description = "What-if: the active profiles for every service, overriding all other sources.")
  List<String> profiles;

  @Option(
      names = {"-v", "--verbose"},
      description = "List what was read, what was skipped, and why (on stderr).")
  boolean verbose;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  @Option(
      names = "--staged",
      description =
          "Lint the git index (what the next commit records) instead of the work tree, against"
              + " HEAD unless --baseline, baseline: in poolguard.yaml or --no-baseline says"
              + " otherwise (the first commit has no baseline).")
  boolean staged;

  @Option(
      names = "--allow-outside-paths",
      description =
          "Let paths in poolguard.yaml, imports and symlinks lead outside the repository and the"
              + " linted paths (never into .git).")
  boolean allowOutsidePaths;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "N",
      description = "Larger config files are a finding, not read (default: 10485760, or limits:).")
  Long maxFileBytes;

  @Option(
      names = "--max-files",
      paramLabel = "N",
      description = "More config files under the paths is exit 2 (default: 20000, or limits:).")
  Integer maxFiles;

  @Option(
      names = "--max-total-bytes",
      paramLabel = "N",
      description =
          "More bytes of config files under the paths, or in a git baseline, is exit 2 (default:"
              + " 536870912, or limits:).")
  Long maxTotalBytes;

  @Option(
      names = "--max-yaml-depth",
      paramLabel = "N",
      description = "Deeper YAML nesting is a finding (default: 200, at most 1000, or limits:).")
  Integer maxYamlDepth;

  @Option(
      names = "--max-aliases",
      paramLabel = "N",
      description = "More YAML aliases in one document is a finding (default: 100, or limits:).")
  Integer maxAliases;

  /** The limits given as flags; they beat {@code limits:} in poolguard.yaml. */
  /** A linter of {@code rules} with this run's limits and path boundary. */
  dev.poolguard.core.engine.Linter linter(dev.poolguard.core.engine.RuleSet rules) {
    return new dev.poolguard.core.engine.Linter(rules)
        .withLimits(limits())
        .allowingOutsidePaths(allowOutsidePaths);
  }

  Limits.Overrides limits() {
    return new Limits.Overrides(
        maxFileBytes == null
            ? OptionalLong.empty()
            : OptionalLong.of(atLeast(1, maxFileBytes, "--max-file-bytes")),
        optional(maxFiles, 1, "--max-files"),
        optional(maxYamlDepth, 1, "--max-yaml-depth"),
        optional(maxAliases, 0, "--max-aliases"),
        maxTotalBytes == null
            ? OptionalLong.empty()
            : OptionalLong.of(atLeast(1, maxTotalBytes, "--max-total-bytes")));
  }

  private static OptionalInt optional(Integer value, int min, String flag) {
    return value == null ? OptionalInt.empty() : OptionalInt.of((int) atLeast(min, value, flag));
  }

  private static long atLeast(long min, long value, String flag) {
    if (value < min) {
      throw new LintException(flag + " must be at least " + min + ", not " + value);
    }
    return value;
  }

  LintRequest request(Path workingDirectory) {
    revisionGivenAsPath(workingDirectory);
    LintRequest request =
        new LintRequest(
                paths,
                Optional.ofNullable(config),
                Optional.ofNullable(profiles).map(p -> List.copyOf(new ArrayList<>(p))),
                workingDirectory)
            .withStaged(staged);
    if (paths.stream().anyMatch(p -> p.toString().equals("-"))) {
      try {
        // '-' reads Kubernetes manifests from standard input: helm template . | poolguard lint -
        long max = maxFileBytes != null ? maxFileBytes : Limits.DEFAULT.maxFileBytes();
        byte[] bytes = System.in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > max) {
          throw new LintException(
              "standard input is over the limit of " + max + " bytes (limits.maxFileBytes)");
        }
        request = request.withStdin(new String(bytes, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new LintException("cannot read standard input: " + e.getMessage(), e);
      }
    }
    return request;
  }

  /**
   * A PATH that does not exist but names a git revision ({@code poolguard diff HEAD}) is almost
   * certainly meant as the baseline: say so instead of "no such file".
   */
  private void revisionGivenAsPath(Path workingDirectory) {
    for (Path p : paths) {
      String text = p.toString();
      if (text.equals("-") || Files.exists(workingDirectory.resolve(p))) {
        continue;
      }
      if (GitHead.of(workingDirectory).isPresent() && looksLikeRevision(text)) {
        throw new LintException(
            "cannot read "
                + text
                + ": no such file or directory; to compare with the git revision "
                + text
                + ", did you mean `-b "
                + text
                + "`?");
      }
    }
  }

  private static boolean looksLikeRevision(String text) {
    return text.matches("(HEAD|FETCH_HEAD|ORIG_HEAD)([~^][0-9]*)*")
        || text.matches("[0-9a-f]{7,40}")
        || text.matches("(origin|upstream)/[A-Za-z0-9._/-]+")
        || text.matches("[A-Za-z0-9._-]+[~^][0-9]*")
        || text.matches("v?[0-9]+(\\.[0-9]+)+");
  }

  static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
