package dev.poolguard.core.report;

import dev.poolguard.core.result.LintResult;
import java.io.IOException;
import java.io.Writer;

/** Renders a lint result in one output format. */
public interface Reporter {

  /** The format's name on the command line ({@code text}, {@code sarif}). */
  String format();

  /** The file name used when several formats are written into one folder. */
  String fileName();

  void write(LintResult result, ReportOptions options, Writer out) throws IOException;
}
