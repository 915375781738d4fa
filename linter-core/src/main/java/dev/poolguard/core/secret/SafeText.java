package dev.poolguard.core.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.text.Escapes;
import dev.poolguard.core.text.JsonOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The last step of every output, a report or a snapshot: a secret value the run read is masked in
 * whatever form the output wrote it (as is, JSON-, XML- or Markdown-escaped, neutralised for a
 * terminal), and text that no charset can encode (a lone surrogate) becomes U+FFFD, so no output
 * fails to be written.
 */
public final class SafeText {

  private static final List<UnaryOperator<String>> SHARED_FORMS =
      List.of(
          UnaryOperator.identity(),
          SafeText::json,
          Escapes::xml,
          Escapes::markdown,
          Escapes::terminal,
          Escapes::terminalLine);

  private SafeText() {}

  /** {@code rendered} with {@code knownValues} masked in every shared encoding. */
  public static String finish(String rendered, List<String> knownValues) {
    return finish(rendered, knownValues, List.of());
  }

  /**
   * As {@link #finish(String, List)}, also masking the forms {@code moreForms} make of each value
   * (a format's own escaping).
   */
  public static String finish(
      String rendered, List<String> knownValues, List<UnaryOperator<String>> moreForms) {
    String out = rendered;
    if (!knownValues.isEmpty()) {
      List<String> forms = new ArrayList<>();
      for (String v : knownValues) {
        for (UnaryOperator<String> form : SHARED_FORMS) {
          forms.add(form.apply(v));
        }
        for (UnaryOperator<String> form : moreForms) {
          forms.add(form.apply(v));
        }
      }
      out = KnownSecrets.of(forms).replace(out);
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
