package dev.poolguard.core.baseline;

import dev.poolguard.core.model.Value;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the baseline and the current effective model: a pool setting, a whole
 * datasource or a whole service that was added, removed or changed.
 *
 * <p>A setting is <em>configured</em> when something sets it (state SET or UNKNOWN) and not when
 * the library default applies. A setting that becomes configured is ADDED, one that stops being
 * configured is REMOVED (then {@link #current()} holds the default that now applies, so a rule can
 * say "the default 30000 applies"), and one configured on both sides with another effect, or a
 * default that itself changed, is CHANGED.
 *
 * @param kind added, removed or changed
 * @param service the service name
 * @param profile the service's active profiles as one label (the current ones when it exists now)
 * @param baselineProfile the baseline's profile label; differs from {@code profile} only when a
 *     service is matched across a change of its active profiles
 * @param dataSource the datasource name; empty for a change of a whole service
 * @param key the canonical setting key; empty for a change of a whole service or datasource
 * @param current the current value of a setting, when the current model has one
 * @param baseline the baseline value of a setting, when the baseline has one
 */
public record Change(
    Kind kind,
    String service,
    String profile,
    String baselineProfile,
    String dataSource,
    String key,
    Optional<Value> current,
    Optional<Value> baseline)
    implements Comparable<Change> {

  private static final Comparator<Change> ORDER =
      Comparator.comparing(Change::service)
          .thenComparing(Change::profile)
          .thenComparing(Change::dataSource)
          .thenComparing(Change::key)
          .thenComparing(Change::kind)
          .thenComparing(Change::baselineProfile);

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(baselineProfile, "baselineProfile");
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(baseline, "baseline");
    if (dataSource.isEmpty() && !key.isEmpty()) {
      throw new IllegalArgumentException("a setting change needs its datasource");
    }
  }

  /** What happened to the subject. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** What the change is about. */
  public enum Scope {
    SERVICE,
    DATASOURCE,
    SETTING
  }

  public Scope scope() {
    if (!key.isEmpty()) {
      return Scope.SETTING;
    }
    return dataSource.isEmpty() ? Scope.SERVICE : Scope.DATASOURCE;
  }

  /** A setting the baseline configured is gone and the library default applies instead. */
  public boolean removedToDefault() {
    return kind == Kind.REMOVED && current.map(Value::isDefault).orElse(false);
  }

  /** Whether the service is compared across a change of its active profiles. */
  public boolean profilesChanged() {
    return !profile.equals(baselineProfile);
  }

  @Override
  public int compareTo(Change other) {
    return ORDER.compare(this, other);
  }
}
