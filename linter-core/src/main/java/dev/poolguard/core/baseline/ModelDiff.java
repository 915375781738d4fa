package dev.poolguard.core.baseline;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two effective models setting by setting: what a deployment of the current configuration
 * changes against the baseline.
 *
 * <p>Services are matched by name and active profiles, never by file, so a moved or renamed config
 * file still compares with its old self. Only effects count: a value that moved to another file or
 * line but binds the same is no change.
 */
public final class ModelDiff {

  private ModelDiff() {}

  /** Every change from {@code baseline} to {@code current}, sorted. */
  public static List<Change> between(DeploymentModel current, DeploymentModel baseline) {
    List<Change> changes = new ArrayList<>();
    Map<String, List<Service>> now = byName(current.services());
    Map<String, List<Service>> was = byName(baseline.services());
    TreeSet<String> names = new TreeSet<>(now.keySet());
    names.addAll(was.keySet());
    for (String name : names) {
      matchServices(now.getOrDefault(name, List.of()), was.getOrDefault(name, List.of()), changes);
    }
    changes.sort(null);
    return List.copyOf(changes);
  }

  /**
   * Pairs services of one name by profile label; when exactly one is left unpaired on each side,
   * its profiles changed and it is still compared, so a profile switch cannot hide a smaller pool.
   */
  private static void matchServices(List<Service> now, List<Service> was, List<Change> out) {
    List<Service> newOnes = new ArrayList<>(now);
    List<Service> oldOnes = new ArrayList<>(was);
    for (Service service : now) {
      Optional<Service> same =
          oldOnes.stream().filter(o -> o.profileLabel().equals(service.profileLabel())).findFirst();
      if (same.isPresent()) {
        oldOnes.remove(same.get());
        newOnes.remove(service);
        compareServices(service, same.get(), out);
      }
    }
    if (newOnes.size() == 1 && oldOnes.size() == 1) {
      compareServices(newOnes.get(0), oldOnes.get(0), out);
      return;
    }
    for (Service added : newOnes) {
      out.add(serviceChange(Change.Kind.ADDED, added, added));
    }
    for (Service removed : oldOnes) {
      out.add(serviceChange(Change.Kind.REMOVED, removed, removed));
    }
  }

  private static Change serviceChange(Change.Kind kind, Service now, Service was) {
    return new Change(
        kind,
        now.name(),
        now.profileLabel(),
        was.profileLabel(),
        "",
        "",
        Optional.empty(),
        Optional.empty());
  }

  private static void compareServices(Service now, Service was, List<Change> out) {
    if (!now.profileLabel().equals(was.profileLabel())) {
      out.add(serviceChange(Change.Kind.CHANGED, now, was));
    }
    Map<String, DataSource> nowSources = index(now.dataSources(), DataSource::name);
    Map<String, DataSource> wasSources = index(was.dataSources(), DataSource::name);
    TreeSet<String> names = new TreeSet<>(nowSources.keySet());
    names.addAll(wasSources.keySet());
    for (String name : names) {
      DataSource n = nowSources.get(name);
      DataSource w = wasSources.get(name);
      if (n != null && w != null) {
        compareSettings(now, was, n, w, out);
      } else {
        Change.Kind kind = n != null ? Change.Kind.ADDED : Change.Kind.REMOVED;
        out.add(
            new Change(
                kind,
                now.name(),
                now.profileLabel(),
                was.profileLabel(),
                name,
                "",
                Optional.empty(),
                Optional.empty()));
      }
    }
  }

  private static void compareSettings(
      Service now, Service was, DataSource n, DataSource w, List<Change> out) {
    Map<String, PoolSetting> nowSettings = index(n.settings(), PoolSetting::key);
    Map<String, PoolSetting> wasSettings = index(w.settings(), PoolSetting::key);
    TreeSet<String> keys = new TreeSet<>(nowSettings.keySet());
    keys.addAll(wasSettings.keySet());
    for (String key : keys) {
      Optional<PoolSetting> current = Optional.ofNullable(nowSettings.get(key));
      Optional<PoolSetting> baseline = Optional.ofNullable(wasSettings.get(key));
      kindOf(current, baseline)
          .ifPresent(
              kind ->
                  out.add(
                      new Change(
                          kind,
                          now.name(),
                          now.profileLabel(),
                          was.profileLabel(),
                          n.name(),
                          key,
                          current.map(PoolSetting::value),
                          baseline.map(PoolSetting::value))));
    }
  }

  static Optional<Change.Kind> kindOf(
      Optional<PoolSetting> current, Optional<PoolSetting> baseline) {
    boolean nowConfigured = current.map(ModelDiff::configured).orElse(false);
    boolean wasConfigured = baseline.map(ModelDiff::configured).orElse(false);
    if (nowConfigured && !wasConfigured) {
      return Optional.of(Change.Kind.ADDED);
    }
    if (!nowConfigured && wasConfigured) {
      return Optional.of(Change.Kind.REMOVED);
    }
    // Both configured, or both defaults (a default can change with the library's major version).
    if (current.isPresent() && baseline.isPresent() && !sameEffect(current.get(), baseline.get())) {
      return Optional.of(Change.Kind.CHANGED);
    }
    return Optional.empty();
  }

  private static boolean configured(PoolSetting setting) {
    return !setting.value().isDefault();
  }

  /**
   * Whether two values bind the same. Numbers compare as Spring binds them ({@code 0x28} is 40).
   * Texts compare as a snapshot records them: a snapshot keeps secrets only masked, so comparing
   * raw secrets (or URL passwords) would report every one as changed against a snapshot baseline; a
   * secret that changes only its text is therefore no change.
   */
  static boolean sameEffect(PoolSetting sa, PoolSetting sb) {
    Value a = sa.value();
    Value b = sb.value();
    if (a.state() != b.state() || !a.unknown().equals(b.unknown())) {
      return false;
    }
    if (Redaction.isSecret(sa, a.origin()) || Redaction.isSecret(sb, b.origin())) {
      return true;
    }
    OptionalLong x = a.asLong();
    OptionalLong y = b.asLong();
    if (x.isPresent() && y.isPresent()) {
      return x.getAsLong() == y.getAsLong();
    }
    return Redaction.redactText(a.text()).equals(Redaction.redactText(b.text()));
  }

  private static Map<String, List<Service>> byName(List<Service> services) {
    Map<String, List<Service>> out = new TreeMap<>();
    for (Service s : services) {
      out.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /** Indexes by name; the first of duplicates wins, as the model lists each name once. */
  private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
    Map<String, T> out = new TreeMap<>();
    for (T item : items) {
      out.putIfAbsent(name.apply(item), item);
    }
    return out;
  }
}
