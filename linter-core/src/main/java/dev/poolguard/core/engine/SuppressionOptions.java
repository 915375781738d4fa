package dev.poolguard.core.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a run treats suppressions.
 *
 * @param inlineIgnores false for {@code --no-inline-ignores}: {@code # poolguard:ignore} comments
 *     are disregarded (strict release runs); waivers still apply
 * @param today the day waivers are judged against (a waiver is valid through its expiry day)
 */
public record SuppressionOptions(boolean inlineIgnores, LocalDate today) {

  public SuppressionOptions {
    Objects.requireNonNull(today, "today");
  }

  /** Inline ignores honoured, waivers judged against today's UTC date. */
  public static SuppressionOptions defaults() {
    return new SuppressionOptions(true, LocalDate.now(Clock.systemUTC()));
  }
}
