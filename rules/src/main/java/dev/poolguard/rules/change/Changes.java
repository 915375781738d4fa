package dev.poolguard.rules.change;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Setting changes against the baseline, with the service and datasource they belong to. */
final class Changes {

  private Changes() {}

  /** A setting change of a current datasource. */
  record SettingChange(
      Change change, Service service, DataSource dataSource, BaselineView baseline) {

    Value current() {
      return change.current().orElseThrow();
    }

    Value old() {
      return change.baseline().orElseThrow();
    }

    String property() {
      return dataSource.prefix() + "." + change.key();
    }

    /** "40 at src/main/resources/application-prod.yml:7 in HEAD" */
    String oldDescribed() {
      Origin o = old().origin();
      return old().text()
          + (o.isDefault() ? " (default)" : " at " + o.describe())
          + " in "
          + baseline.label();
    }

    Violation violation(String message) {
      List<Related> related = new ArrayList<>();
      Origin o = old().origin();
      if (!o.isDefault()) {
        related.add(
            new Related(
                o.position(), "baseline value " + old().text() + " (" + baseline.label() + ")"));
      }
      Origin at = current().origin();
      List<Origin> via = current().via();
      if (!via.isEmpty() && at.text().equals(o.text()) && at.property().equals(o.property())) {
        // The line holding the placeholder is unchanged: the change came through its source.
        related.add(new Related(at.position(), "placeholder " + at.text() + " resolved from here"));
        at = via.get(via.size() - 1);
      }
      return Violation.at(at.position(), message)
          .withService(service.name(), service.profileLabel())
          .withSubject(dataSource.name() + "/" + change.key())
          .withRelated(related);
    }
  }

  /** Setting changes of {@code kind} on any key, with both values present. */
  static List<SettingChange> ofAnyKey(LintContext context, Change.Kind kind) {
    return of(context, kind, null);
  }

  /**
   * Setting changes of {@code kind} on one of {@code keys} (any key when null), with both values
   * present.
   */
  static List<SettingChange> of(LintContext context, Change.Kind kind, List<String> keys) {
    List<SettingChange> out = new ArrayList<>();
    if (context.baseline().isEmpty()) {
      return out;
    }
    BaselineView baseline = context.baseline().get();
    for (Change c : baseline.changes()) {
      if (c.kind() != kind
          || c.scope() != Change.Scope.SETTING
          || (keys != null && !keys.contains(c.key()))) {
        continue;
      }
      if (c.current().isEmpty() || c.baseline().isEmpty()) {
        continue;
      }
      find(context, c)
          .ifPresent(p -> out.add(new SettingChange(c, p.service(), p.dataSource(), baseline)));
    }
    return out;
  }

  private record Found(Service service, DataSource dataSource) {}

  private static Optional<Found> find(LintContext context, Change c) {
    for (Service s : context.model().services()) {
      if (s.name().equals(c.service()) && s.profileLabel().equals(c.profile())) {
        for (DataSource ds : s.dataSources()) {
          if (ds.name().equals(c.dataSource())) {
            return Optional.of(new Found(s, ds));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A duration in milliseconds for comparison; 0 (wait forever) compares as the longest. */
  static OptionalLong timeoutMillis(Value v) {
    OptionalLong ms = v.asLong();
    if (ms.isPresent() && ms.getAsLong() == 0) {
      return OptionalLong.of(Long.MAX_VALUE);
    }
    return ms;
  }
}
