package dev.poolguard.core.report;

import dev.poolguard.core.LintException;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.text.Suggestions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Choosing, rendering and writing reports the same way from the command line and the Maven plugin:
 * the formats a comma-separated list names, the text of one report, where its file goes, and
 * writing several files so that a refused target leaves every file as it was.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * The formats {@code commaSeparated} names, in order, each once; empty when it names none.
   *
   * @throws IllegalArgumentException naming an unknown format, the closest known one and the list
   */
  public static List<Reporter> chosen(String commaSeparated) {
    List<Reporter> chosen = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names(commaSeparated))) {
      Optional<Reporter> reporter = Reporters.find(name);
      if (reporter.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown format '"
                + name
                + "'"
                + Suggestions.didYouMean(name, Reporters.names())
                + "; formats: "
                + String.join(", ", Reporters.names()));
      }
      chosen.add(reporter.get());
    }
    return chosen;
  }

  /** The non-blank names of a comma-separated list, stripped. */
  public static List<String> names(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The whole text of one report. */
  public static String render(Reporter reporter, LintResult result, ReportOptions options) {
    StringWriter buffer = new StringWriter();
    try {
      reporter.write(result, options, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toString();
  }

  /**
   * Where {@code reporter}'s file goes: inside {@code output} under the format's file name when
   * {@code output} is a folder (it exists as one, or {@code intoFolder}), else {@code output}.
   */
  public static Path target(Path output, Reporter reporter, boolean intoFolder) {
    if (intoFolder || Files.isDirectory(output)) {
      return output.resolve(reporter.fileName());
    }
    return output;
  }

  /**
   * Writes every file atomically after checking every target: a target that is refused (a link, an
   * input of the run, a folder) means nothing was written.
   *
   * @param texts each target with its text, in writing order
   * @param inputs the files the run read, which a report must never overwrite
   * @throws LintException naming the target that was refused or could not be written
   */
  public static void writeAll(Map<Path, String> texts, Collection<Path> inputs) {
    for (Path target : texts.keySet()) {
      try {
        AtomicFiles.refuseUnsafe(target, inputs);
      } catch (IOException e) {
        throw cannotWrite(target, e);
      }
    }
    for (Map.Entry<Path, String> e : new LinkedHashMap<>(texts).entrySet()) {
      try {
        AtomicFiles.write(e.getKey(), e.getValue(), inputs);
      } catch (IOException x) {
        throw cannotWrite(e.getKey(), x);
      }
    }
  }

  private static LintException cannotWrite(Path target, IOException e) {
    return new LintException("cannot write " + target + ": " + e.getMessage(), e);
  }
}
