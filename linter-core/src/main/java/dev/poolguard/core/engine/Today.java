package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The day waivers are judged against: {@code --today}, else {@code SOURCE_DATE_EPOCH} (seconds
 * since 1970, the reproducible-builds convention), else the UTC date of {@code clock}.
 */
public final class Today {

  private Today() {}

  /**
   * @param flag the value of {@code --today} (YYYY-MM-DD), when given
   * @param environment the process environment, for {@code SOURCE_DATE_EPOCH}
   * @throws LintException when the flag or the variable cannot be read
   */
  public static LocalDate resolve(
      Optional<String> flag, Map<String, String> environment, Clock clock) {
    if (flag.isPresent()) {
      try {
        return LocalDate.parse(flag.get().strip(), DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw new LintException(
            "--today must be a date as YYYY-MM-DD, found '" + flag.get() + "'", e);
      }
    }
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return LocalDate.ofInstant(
            Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
      } catch (NumberFormatException | java.time.DateTimeException e) {
        throw new LintException(
            "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, found '" + epoch + "'", e);
      }
    }
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
