package dev.poolguard.core.testing;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.SuppressionOptions;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a fixture tree and matches its findings against the {@code # expect:} markers written in it,
 * both ways: a missing finding and an unexpected one are both mismatches.
 *
 * <p>Marker grammar: {@code # expect: rule-id[, rule-id…] ["message fragment"]} at the end of the
 * offending YAML line, or alone on the line above it (in {@code .properties} only on the line
 * above, since a {@code #} inside a properties or PgBouncer .ini line is part of the value).
 *
 * <p>Waivers are judged against {@link #DEFAULT_TODAY}, never the clock. A fixture may change its
 * run with a {@code fixture.options} file of {@code key=value} lines: {@code today=YYYY-MM-DD}, and
 * {@code inlineIgnores=false} for a strict run ({@code --no-inline-ignores}).
 */
public final class FixtureRunner {

  private static final Pattern MARKER =
      Pattern.compile(
          "#\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)(?:\\s+\"([^\"]*)\")?\\s*$");

  /** The day fixtures judge waivers against, so that they never depend on the wall clock. */
  public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 1);

  /** The file that holds a fixture's run options. */
  public static final String OPTIONS_FILE = "fixture.options";

  private FixtureRunner() {}

  /** One expected finding: file, line, rule, and optionally a fragment of the message. */
  public record Expectation(String path, int line, String ruleId, Optional<String> fragment) {
    @Override
    public String toString() {
      return path + ":" + line + " " + ruleId + fragment.map(f -> " \"" + f + "\"").orElse("");
    }
  }

  /** The findings of a fixture run and every mismatch with its markers. */
  public record Outcome(LintResult result, List<Expectation> expected, List<String> mismatches) {
    public boolean matches() {
      return mismatches.isEmpty();
    }

    /** A report of the mismatches and of everything that was reported, for a failing test. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      mismatches.forEach(m -> out.append(m).append('\n'));
      out.append("reported:\n");
      result.active().forEach(f -> out.append("  ").append(f.line()).append('\n'));
      return out.toString();
    }
  }

  /** Lints {@code fixture} (display paths relative to it) and matches the markers. */
  public static Outcome run(Path fixture, Linter linter) {
    LintResult result =
        linter.lint(
            LintRequest.of(fixture, List.of(Path.of("."))).withSuppression(options(fixture)));
    List<Expectation> expected = expectations(fixture);
    List<Finding> unmatched = new ArrayList<>(result.active());
    List<String> mismatches = new ArrayList<>();
    for (Expectation e : expected) {
      Optional<Finding> hit =
          unmatched.stream()
              .filter(f -> f.position().path().equals(e.path()) && f.position().line() == e.line())
              .filter(f -> f.ruleId().equals(e.ruleId()))
              .filter(f -> e.fragment().map(fr -> f.message().contains(fr)).orElse(true))
              .findFirst();
      if (hit.isPresent()) {
        unmatched.remove(hit.get());
      } else {
        mismatches.add("missing: " + e);
      }
    }
    unmatched.forEach(f -> mismatches.add("unexpected: " + f.line()));
    return new Outcome(result, expected, mismatches);
  }

  /** The run options of {@code fixture}: {@code fixture.options}, else the defaults. */
  public static SuppressionOptions options(Path fixture) {
    Path file = fixture.resolve(OPTIONS_FILE);
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String key : p.stringPropertyNames()) {
      if (!key.equals("today") && !key.equals("inlineIgnores")) {
        throw new IllegalArgumentException(file + ": unknown option " + key);
      }
    }
    return new SuppressionOptions(
        Boolean.parseBoolean(p.getProperty("inlineIgnores", "true")),
        LocalDate.parse(p.getProperty("today", DEFAULT_TODAY.toString())));
  }

  /** Every marker in every file of the fixture. */
  public static List<Expectation> expectations(Path fixture) {
    List<Expectation> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String display = fixture.relativize(file).toString().replace('\\', '/');
        all.addAll(
            markers(
                display,
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList(),
                display.endsWith(".properties") || display.endsWith(".ini")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  static List<Expectation> markers(String path, List<String> lines, boolean properties) {
    List<Expectation> out = new ArrayList<>();
    List<Matcher> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line);
      boolean found = m.find();
      boolean alone = found && line.substring(0, m.start()).isBlank();
      if (alone) {
        pending.add(m);
        continue;
      }
      int lineNumber = i + 1;
      for (Matcher p : pending) {
        out.addAll(expand(path, lineNumber, p));
      }
      pending.clear();
      if (found && !properties) {
        out.addAll(expand(path, lineNumber, m));
      }
    }
    return out;
  }

  private static List<Expectation> expand(String path, int line, Matcher m) {
    Optional<String> fragment = Optional.ofNullable(m.group(2));
    return Arrays.stream(m.group(1).split(","))
        .map(String::strip)
        .map(id -> new Expectation(path, line, id, fragment))
        .toList();
  }
}
