package dev.poolguard.cli;

import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.text.Escapes;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard error as a user sees it: every line (messages, {@code -v} notes, {@code --debug} stack
 * traces) passes the run's redaction and has its control characters neutralised, because each can
 * quote configuration. The redaction grows once a command has read its inputs.
 */
final class SafeErr extends Writer {

  private final Writer out;
  private final StringBuilder line = new StringBuilder();
  private Redaction redaction = Redaction.none();

  SafeErr(Writer out) {
    this.out = out;
  }

  /** From now on, also mask the secret values {@code seen} knows. */
  synchronized void knowing(Redaction seen) {
    redaction = redaction.and(seen);
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        out.write(safe(line.toString()));
        out.write('\n');
        line.setLength(0);
      } else {
        line.append(c);
      }
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (line.length() > 0) {
      out.write(safe(line.toString()));
      line.setLength(0);
    }
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    out.close();
  }

  private String safe(String text) {
    String t = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    return Escapes.terminal(redaction.scrub(t));
  }
}
