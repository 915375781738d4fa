package dev.poolguard.core.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in an input: the file as shown to users (relative, forward slashes), 1-based line and
 * column.
 */
public record SourcePosition(String path, int line, int column)
    implements Comparable<SourcePosition> {

  private static final Comparator<SourcePosition> ORDER =
      Comparator.comparing(SourcePosition::path)
          .thenComparingInt(SourcePosition::line)
          .thenComparingInt(SourcePosition::column);

  public SourcePosition {
    Objects.requireNonNull(path, "path");
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  /** The start of a file, for problems that have no better place. */
  public static SourcePosition startOf(String path) {
    return new SourcePosition(path, 1, 1);
  }

  @Override
  public int compareTo(SourcePosition other) {
    return ORDER.compare(this, other);
  }

  /** {@code path:line:column}, the compiler-style form used in text output. */
  @Override
  public String toString() {
    return path + ":" + line + ":" + column;
  }
}
