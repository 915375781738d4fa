package dev.poolguard.core.report;

import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.secret.SafeText;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The last step of every report: a secret value the run read is masked in whatever form the format
 * wrote it, and text that no charset can encode (a lone surrogate) becomes U+FFFD, so no report
 * fails to be written. {@link SafeText} does the work for the shared encodings (as is, JSON-, XML-
 * or Markdown-escaped, neutralised for a terminal); a format with an escaping of its own adds it
 * here.
 */
public final class SafeOutput {

  /** Escapings of report formats beyond the shared ones: a GitHub workflow command's. */
  private static final List<UnaryOperator<String>> REPORT_FORMS =
      List.of(
          v -> GithubReporter.escapeData(GithubReporter.neutral(v)),
          v -> GithubReporter.escapeProperty(GithubReporter.neutral(v)));

  private SafeOutput() {}

  /** {@code rendered} with the known secrets of {@code redaction} masked in every encoding. */
  public static String finish(String rendered, Redaction redaction) {
    return SafeText.finish(rendered, redaction.knownValues(), REPORT_FORMS);
  }

  /** {@code text} with every lone surrogate replaced by U+FFFD. */
  public static String wellFormed(String text) {
    return SafeText.wellFormed(text);
  }
}
