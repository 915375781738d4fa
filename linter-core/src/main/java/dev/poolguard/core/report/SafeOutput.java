package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step of every output: a secret value the run read is masked in whatever form the format
 * wrote it (as is, JSON-, XML- or Markdown-escaped, neutralised for a terminal, encoded for a
 * GitHub workflow command), and text that no charset can encode (a lone surrogate) becomes U+FFFD,
 * so no report fails to be written.
 */
public final class SafeOutput {

  private SafeOutput() {}

  /** {@code rendered} with the known secrets of {@code redaction} masked in every encoding. */
  public static String finish(String rendered, Redaction redaction) {
    List<String> values = redaction.knownValues();
    String out = rendered;
    if (!values.isEmpty()) {
      List<String> forms = new ArrayList<>();
      for (String v : values) {
        forms.add(v);
        forms.add(json(v));
        forms.add(Xml.escapeOnly(v));
        forms.add(MarkdownReporter.escape(v));
        forms.add(Terminal.neutral(v));
        forms.add(Terminal.oneLine(v));
        forms.add(GithubReporter.escapeData(GithubReporter.neutral(v)));
        forms.add(GithubReporter.escapeProperty(GithubReporter.neutral(v)));
      }
      out = Redaction.of(forms).replaceKnown(out);
    }
    return wellFormed(out);
  }

  /** {@code text} with every lone surrogate replaced by U+FFFD. */
  public static String wellFormed(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lone;
      if (Character.isHighSurrogate(c)) {
        lone = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (!lone) {
          if (s != null) {
            s.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        lone = Character.isLowSurrogate(c);
      }
      if (lone && s == null) {
        s = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (s != null) {
        s.append(lone ? '\uFFFD' : c);
      }
    }
    return s == null ? text : s.toString();
  }

  private static String json(String value) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JsonOutput.open(w)) {
      g.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String quoted = w.toString();
    return quoted.substring(1, quoted.length() - 1);
  }
}
