package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out the effective Agroal pool settings of a Quarkus service from its config files and its
 * deployment's environment variables and system properties, as SmallRye Config would: source
 * ordinals, the active profile and its parents, {@code %profile.} names, YAML sections, property
 * expressions and environment-variable names.
 */
public final class QuarkusResolver {

  private static final String PROFILE = "quarkus.profile";
  private static final String PARENT = "quarkus.config.profile.parent";
  private static final String DEFAULT_PROFILE = "prod";
  private static final int MAX_PARENT_LEVELS = 8;

  private final QuarkusInput input;
  private final List<Prop> props = new ArrayList<>();

  private QuarkusResolver(QuarkusInput input) {
    this.input = input;
    int rank = 0;
    for (ConfigFile file : input.files()) {
      props.addAll(Documents.props(file, rank++));
    }
    // SmallRye ordinals: environment variables 300 and system properties 400 beat every file.
    int order = 0;
    for (ExternalSetting s : input.external()) {
      if (s.origin().kind() == Origin.Kind.ENV) {
        props.add(external(s, rank, order++, true));
      } else if (s.origin().kind() == Origin.Kind.SYSTEM_PROPERTY) {
        props.add(external(s, rank + 1, order++, false));
      }
    }
  }

  /** The service's effective configuration: one service, with the profile it runs with. */
  public static List<Service> resolve(QuarkusInput input) {
    return List.of(new QuarkusResolver(input).service());
  }

  /** The property view of the profile the service runs with, parents included. */
  static Lookup effective(QuarkusInput input) {
    QuarkusResolver resolver = new QuarkusResolver(input);
    return new Lookup(resolver.props, resolver.profiles().chain());
  }

  private static Prop external(ExternalSetting s, int rank, int order, boolean env) {
    PropertyNames.Profiled profiled =
        env ? new PropertyNames.Profiled(List.of(), s.name()) : PropertyNames.profiled(s.name());
    return new Prop(
        s.name(),
        profiled.profiles(),
        env ? s.name() : PropertyNames.canonical(profiled.base()),
        env ? PropertyNames.envForm(s.name()) : "",
        s.text().orElse(""),
        s.unknown(),
        s.origin(),
        rank,
        order);
  }

  // ---- profiles --------------------------------------------------------------------------

  /** The active profiles in activation order, the lookup order with parents, and why. */
  private record Profiles(List<String> active, List<String> chain, String source) {}

  private Profiles profiles() {
    List<String> active;
    String source;
    // quarkus.profile itself is read without a profile: from -D, env, then the files.
    Lookup plain = new Lookup(props, List.of());
    Optional<Lookup.Resolution> configured = plain.find(PROFILE);
    Optional<String> configuredText =
        configured
            .map(r -> plain.value(r.winner(), List.of()))
            .filter(Value::isKnown)
            .map(Value::text)
            .filter(t -> !t.isBlank());
    if (input.profileOverride().isPresent()) {
      active = split(input.profileOverride().get());
      source = "--profile";
    } else if (configuredText.isPresent()) {
      active = split(configuredText.get());
      source = describe(configured.get().winner().origin());
    } else if (!input.configuredProfiles().isEmpty()) {
      active = List.of(input.configuredProfiles().get(0));
      source = "profiles in poolguard.yaml";
    } else {
      active = List.of(DEFAULT_PROFILE);
      source = "default (a packaged application runs the prod profile)";
    }
    if (active.isEmpty()) {
      active = List.of(DEFAULT_PROFILE);
    }
    List<String> chain = chain(active);
    if (chain.size() > active.size()) {
      source +=
          "; parent profiles " + String.join(", ", chain.subList(active.size(), chain.size()));
    }
    return new Profiles(active, chain, source);
  }

  /**
   * The active profiles, the last listed first (SmallRye: "the last listed profile has priority"),
   * then their parents level by level ({@code quarkus.config.profile.parent}, itself profile-aware,
   * so {@code %kubernetes.quarkus.config.profile.parent=prod} applies to {@code kubernetes}).
   */
  private List<String> chain(List<String> active) {
    List<String> chain = new ArrayList<>();
    for (int i = active.size() - 1; i >= 0; i--) {
      if (!chain.contains(active.get(i))) {
        chain.add(active.get(i));
      }
    }
    Lookup first = new Lookup(props, chain);
    List<String> frontier = first.text(PARENT).map(QuarkusResolver::split).orElse(List.of());
    for (int level = 0; level < MAX_PARENT_LEVELS && !frontier.isEmpty(); level++) {
      List<String> next = new ArrayList<>();
      for (String parent : frontier) {
        if (chain.contains(parent)) {
          continue;
        }
        chain.add(parent);
        first
            .profiledOnly(PARENT, parent)
            .map(p -> first.value(p, List.of()))
            .filter(Value::isKnown)
            .ifPresent(v -> next.addAll(split(v.text())));
      }
      frontier = next;
    }
    return chain;
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String describe(Origin origin) {
    String where = origin.position().path() + ":" + origin.position().line();
    return switch (origin.kind()) {
      case ENV -> "env " + origin.property() + " at " + where;
      case SYSTEM_PROPERTY -> "-D" + origin.property() + " at " + where;
      default -> origin.property() + " at " + where;
    };
  }

  // ---- service ---------------------------------------------------------------------------

  private Service service() {
    Profiles profiles = profiles();
    Lookup lookup = new Lookup(props, profiles.chain());
    List<String> files = new ArrayList<>();
    for (ConfigFile file : input.files()) {
      Optional<String> only = Documents.fileProfile(file.displayPath());
      if (only.isEmpty() || profiles.chain().contains(only.get())) {
        files.add(file.displayPath());
      }
    }
    List<DataSource> dataSources = new ArrayList<>();
    for (String name : dataSourceNames(lookup)) {
      dataSources.add(dataSource(name, lookup));
    }
    return new Service(
            input.name(),
            Framework.QUARKUS,
            profiles.active(),
            profiles.source(),
            files,
            dataSources,
            serviceAnchor())
        .withObservability(new Observability(Optional.empty(), metricsSettings(lookup)));
  }

  /** The settings that decide whether Agroal's metrics are published (all default to off or on). */
  private static final List<String> METRICS_SETTINGS =
      List.of(
          "quarkus.datasource.metrics.enabled",
          "quarkus.datasource.jdbc.enable-metrics",
          "quarkus.micrometer.enabled",
          "quarkus.micrometer.export.prometheus.enabled",
          "quarkus.datasource.health.enabled",
          "quarkus.smallrye-health.root-path",
          "quarkus.http.non-application-root-path");

  private static SortedMap<String, Observability.Setting> metricsSettings(Lookup lookup) {
    SortedMap<String, Observability.Setting> out = new TreeMap<>();
    for (String name : METRICS_SETTINGS) {
      lookup
          .find(name)
          .ifPresent(
              r ->
                  lookup
                      .text(name)
                      .ifPresent(
                          text ->
                              out.put(
                                  name,
                                  new Observability.Setting(
                                      text, r.winner().origin().position()))));
    }
    return out;
  }

  private SourcePosition serviceAnchor() {
    return input.files().isEmpty()
        ? SourcePosition.startOf(input.name())
        : SourcePosition.startOf(input.files().get(0).displayPath());
  }

  /** Every datasource a key declares in the active profiles, sorted by name. */
  private Set<String> dataSourceNames(Lookup lookup) {
    Set<String> names = new TreeSet<>();
    for (Prop p : props) {
      if (p.isEnv()) {
        EnvNames.dataSource(p.written(), lookup.chain()).ifPresent(names::add);
      } else if (p.visibleIn(lookup.chain())) {
        DataSourceNames.parse(p.base())
            .filter(DataSourceNames.Key::declares)
            .map(DataSourceNames.Key::dataSource)
            .ifPresent(names::add);
      }
    }
    return names;
  }

  private DataSource dataSource(String name, Lookup lookup) {
    String root = DataSourceNames.root(name, false);
    String jdbc = root + ".jdbc";
    String prefix = DataSourceNames.root(name, true) + ".jdbc";
    SourcePosition anchor =
        Anchors.find(input.files(), List.of(jdbc, root, DataSourceNames.ROOT), serviceAnchor());
    TreeMap<String, PoolSetting> settings = new TreeMap<>();
    for (String key : settingKeys(name, jdbc, lookup)) {
      lookup
          .find(jdbc + "." + key)
          .ifPresent(
              r ->
                  settings.put(
                      key,
                      new PoolSetting(
                          key,
                          r.winner().written(),
                          lookup.value(
                              r.winner(), r.overridden().stream().map(Prop::origin).toList()),
                          AgroalProperties.exact(key).isPresent())));
    }
    for (String key : AgroalProperties.DEFAULTED_POOL_KEYS) {
      if (!settings.containsKey(key)) {
        String property = prefix + "." + key;
        settings.put(
            key,
            new PoolSetting(
                key,
                property,
                Value.defaultValue(
                    AgroalProperties.defaultText(key).orElseThrow(),
                    new Origin(Origin.Kind.DEFAULT, anchor, property, "")),
                true));
      }
    }
    return new DataSource(
        name,
        PoolKind.AGROAL,
        prefix,
        List.copyOf(settings.values()),
        inert(jdbc, lookup),
        anchor,
        0);
  }

  /**
   * Keys after {@code jdbc.} that some source states for this datasource in the active profiles.
   */
  private Set<String> settingKeys(String name, String jdbc, Lookup lookup) {
    Set<String> keys = new TreeSet<>();
    for (Prop p : props) {
      if (p.isEnv()) {
        EnvNames.mapKey(p, jdbc, lookup.chain()).ifPresent(keys::add);
      } else if (p.visibleIn(lookup.chain())) {
        DataSourceNames.parse(p.base())
            .filter(k -> k.dataSource().equals(name))
            .flatMap(DataSourceNames.Key::jdbcKey)
            .ifPresent(keys::add);
      }
    }
    // An environment variable binds only to a name Quarkus looks up: the catalogue's.
    for (AgroalProperty property : AgroalProperties.all()) {
      if (property.type() != AgroalProperty.Type.MAP
          && lookup.find(jdbc + "." + property.key()).isPresent()) {
        keys.add(property.key());
      }
    }
    return keys;
  }

  /**
   * {@code quarkus.datasource[."name"].jdbc=false}: Quarkus creates no JDBC datasource, so no
   * Agroal pool ({@code DataSourceJdbcBuildTimeConfig#enabled}, "If we create a JDBC datasource for
   * this datasource"). SmallRye reads any text it does not recognise as true as false.
   */
  private static Optional<DataSource.Inert> inert(String jdbc, Lookup lookup) {
    Optional<Lookup.Resolution> enabled = lookup.find(jdbc);
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    Value value = lookup.value(enabled.get().winner(), List.of());
    if (!value.isKnown() || value.text().isBlank() || AgroalProperties.isTrue(value.text())) {
      return Optional.empty();
    }
    return Optional.of(
        new DataSource.Inert(
            enabled.get().winner().written()
                + " is "
                + value.text().strip().toLowerCase(Locale.ROOT)
                + ", so Quarkus creates no JDBC datasource and its Agroal pool settings do not apply",
            value.origin().position()));
  }
}
