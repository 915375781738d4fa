package dev.poolguard.core.model.spring;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a datasource the application defines itself exists, as its switch property says. */
final class ExtraDataSources {

  private ExtraDataSources() {}

  /**
   * Why the datasource is switched off, as Spring Boot's {@code @ConditionalOnProperty} decides
   * ({@code OnPropertyCondition}): a missing property is off unless {@code matchIfMissing}; a set
   * one is on when it equals {@code havingValue} ignoring case, or without {@code havingValue} when
   * it is not {@code false}. A value not known before deployment counts as on.
   */
  static Optional<DataSource.Inert> switchedOff(ExtraDataSource extra, PropertyLookup lookup) {
    if (extra.enabledBy().isEmpty()) {
      return Optional.empty();
    }
    String property = extra.enabledBy().get();
    Optional<Property> top = lookup.top(property);
    if (top.isEmpty()) {
      return extra.matchIfMissing()
          ? Optional.empty()
          : Optional.of(
              new DataSource.Inert(
                  property
                      + " is not set, so the application does not create the "
                      + extra.name()
                      + " datasource (enabledBy in poolguard.yaml; matchIfMissing is false)",
                  extra.declaredAt(),
                  true));
    }
    Value value = lookup.value(top.get(), List.of());
    if (!value.isKnown()) {
      return Optional.empty();
    }
    String text = value.text().strip();
    boolean on =
        extra
            .havingValue()
            .map(h -> h.equalsIgnoreCase(text))
            .orElse(!text.toLowerCase(Locale.ROOT).equals("false"));
    if (on) {
      return Optional.empty();
    }
    return Optional.of(
        new DataSource.Inert(
            property
                + " is "
                + (text.isEmpty() ? "empty" : text)
                + extra.havingValue().map(h -> ", not " + h).orElse("")
                + ", so the application does not create the "
                + extra.name()
                + " datasource (enabledBy in poolguard.yaml)",
            value.origin().position(),
            true));
  }
}
