package dev.poolguard.core.model.micronaut;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HikariCP pools of micronaut-sql's {@code DatasourceConfiguration}:
 * {@code @EachProperty("datasources")} makes one {@code HikariConfig} per name under {@code
 * datasources}, bound by its setters' hyphenated names ({@code
 * datasources.default.maximum-pool-size}); HikariCP's own defaults apply (micronaut-sql sets none),
 * and {@code datasources.<name>.enabled: false} makes no DataSource ({@code
 * JdbcDataSourceEnabled}).
 */
final class Pools {

  static final String ROOT = "datasources";

  /** Keys of micronaut-sql and Micronaut Data beside the HikariCP setters: not unknown. */
  private static final Set<String> MICRONAUT_KEYS =
      Set.of(
          "url",
          "username",
          "password",
          "driver-class-name",
          "dialect",
          "schema-generate",
          "schema",
          "packages",
          "enabled",
          "automatic-validation-query",
          "validation-query",
          "jndi-name",
          "name",
          "db-type",
          "transaction-per-operation",
          "allow-connection-per-operation");

  private final Sources sources;
  private final List<ConfigFile> files;
  private final SourcePosition serviceAnchor;
  private final int hikariMajor;

  Pools(Sources sources, List<ConfigFile> files, SourcePosition serviceAnchor, int hikariMajor) {
    this.sources = sources;
    this.files = files;
    this.serviceAnchor = serviceAnchor;
    this.hikariMajor = hikariMajor;
  }

  /**
   * Every datasource name, as {@code getPropertyEntries("datasources")} finds them: the element
   * after {@code datasources.} of each catalogued name (for a variable, of its all-dots name).
   */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (Entry e : sources.all()) {
      String n = e.catalogued();
      if (n.startsWith(ROOT + ".")) {
        String rest = n.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        if (!name.isEmpty() && dot > 0) {
          names.add(name);
        }
      }
    }
    return names;
  }

  DataSource of(String name) {
    String prefix = ROOT + "." + name;
    SourcePosition anchor = anchor(name);
    Map<String, PoolSetting> settings = new TreeMap<>();
    for (HikariProperty p : HikariProperties.all()) {
      if (p.type() == HikariProperty.Type.MAP) {
        continue;
      }
      List<Entry> chain = sources.chain(prefix + "." + p.key());
      if (!chain.isEmpty()) {
        List<Origin> overridden =
            chain.subList(1, chain.size()).stream().map(Entry::origin).toList();
        settings.put(
            p.key(),
            new PoolSetting(
                p.key(),
                chain.get(0).origin().property(),
                sources.value(chain.get(0), overridden),
                true));
      }
    }
    unknownKeys(prefix, settings);
    addDefaults(settings, prefix, anchor);
    return new DataSource(
        name,
        PoolKind.HIKARI,
        prefix,
        List.copyOf(settings.values()),
        disabled(prefix),
        anchor,
        hikariMajor);
  }

  /**
   * Keys under the datasource that bind to nothing: neither a HikariCP setter nor a key of
   * micronaut-sql (an environment variable that derives no such name, such as {@code
   * DATASOURCES_DEFAULT_MAXIMUMPOOLSIZE}).
   */
  private void unknownKeys(String prefix, Map<String, PoolSetting> settings) {
    for (Entry e : sources.all()) {
      if (!e.catalogued().startsWith(prefix + ".")) {
        continue;
      }
      String rest = e.catalogued().substring(prefix.length() + 1);
      if (binds(prefix, e, rest)) {
        continue;
      }
      String key = rest;
      if (!settings.containsKey(key)) {
        settings.put(
            key, new PoolSetting(key, e.origin().property(), sources.value(e, List.of()), false));
      }
    }
  }

  private static boolean binds(String prefix, Entry e, String rest) {
    if (!e.isEnv()) {
      String first = rest.split("[.\\[]", 2)[0];
      return MICRONAUT_KEYS.contains(first)
          || HikariProperties.find(first).filter(p -> p.key().equals(first)).isPresent()
          || first.equals("data-source-properties")
          || first.equals("health-check-properties");
    }
    for (HikariProperty p : HikariProperties.all()) {
      if (e.provides(prefix + "." + p.key())
          || (p.type() == HikariProperty.Type.MAP
              && e.origin()
                  .property()
                  .toLowerCase(Locale.ROOT)
                  .startsWith(
                      prefix.replace('.', '_').replace('-', '_')
                          + "_"
                          + p.key().replace('-', '_')
                          + "_"))) {
        return true;
      }
    }
    return MICRONAUT_KEYS.stream().anyMatch(k -> e.provides(prefix + "." + k));
  }

  /** HikariCP's defaults for the settings nothing sets; minimum-idle follows the maximum. */
  private void addDefaults(
      Map<String, PoolSetting> settings, String prefix, SourcePosition anchor) {
    for (String key : HikariBehaviour.KEYS) {
      if (settings.containsKey(key)) {
        continue;
      }
      Optional<String> text = HikariProperties.defaultText(key, hikariMajor);
      if (key.equals(HikariBehaviour.MINIMUM_IDLE)) {
        text =
            Optional.ofNullable(settings.get(HikariBehaviour.MAXIMUM_POOL_SIZE))
                .map(PoolSetting::value)
                .filter(Value::isKnown)
                .map(Value::text)
                .or(
                    () ->
                        HikariProperties.defaultText(
                            HikariBehaviour.MAXIMUM_POOL_SIZE, hikariMajor));
      }
      String property = prefix + "." + key;
      text.ifPresent(
          t ->
              settings.put(
                  key,
                  new PoolSetting(
                      key,
                      property,
                      Value.defaultValue(t, new Origin(Origin.Kind.DEFAULT, anchor, property, "")),
                      true)));
    }
  }

  /**
   * {@code datasources.<name>.enabled}: anything but true (ignoring case) creates no DataSource.
   */
  private Optional<DataSource.Inert> disabled(String prefix) {
    List<Entry> chain = sources.chain(prefix + ".enabled");
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    Value v = sources.value(chain.get(0), List.of());
    if (!v.isKnown() || v.text().strip().equalsIgnoreCase("true")) {
      return Optional.empty();
    }
    return Optional.of(
        new DataSource.Inert(
            chain.get(0).origin().property()
                + " is "
                + v.text().strip()
                + ", so Micronaut creates no DataSource for it",
            v.origin().position(),
            true));
  }

  /**
   * The datasource's key in the first file that has it, else {@code datasources}, else the file.
   */
  private SourcePosition anchor(String name) {
    for (List<String> path : List.of(List.of(ROOT, name), List.of(ROOT))) {
      for (ConfigFile file : files) {
        for (ConfigNode doc : file.documents()) {
          Optional<SourcePosition> found = find(doc, path);
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    return serviceAnchor;
  }

  private static Optional<SourcePosition> find(ConfigNode node, List<String> path) {
    if (!(node instanceof MapNode map)) {
      return Optional.empty();
    }
    String wanted = String.join(".", path);
    for (MapNode.Entry entry : map.entries()) {
      String key = MicronautNames.hyphenate(entry.key().value());
      if (key.equals(wanted) || key.startsWith(wanted + ".")) {
        return Optional.of(entry.key().position());
      }
      if (wanted.startsWith(key + ".")) {
        Optional<SourcePosition> inner =
            find(entry.value(), List.of(wanted.substring(key.length() + 1)));
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
