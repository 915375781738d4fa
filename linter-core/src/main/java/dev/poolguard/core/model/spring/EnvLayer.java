package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Environment variables as Spring's {@code SystemEnvironmentPropertySource} reads them: {@code
 * SPRING_DATASOURCE_URL} is {@code spring.datasource.url}; placeholders find a variable by its
 * exact name or the name with dots and dashes as underscores, in either case. Under the HikariCP
 * prefix the documented and legacy forms bind as Spring's Binder does; what binds to nothing or
 * breaks binding is reported, not applied.
 */
final class EnvLayer implements Layer {

  private static final String HIKARI_ENV_PREFIX = "SPRING_DATASOURCE_HIKARI_";

  private final List<ExternalSetting> variables;
  private final List<Property> hikari = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /** A variable that looks like a pool setting but does not bind as intended. */
  record Finding(
      Diagnostic.Kind kind,
      ExternalSetting variable,
      String message,
      Optional<String> suggestion) {}

  EnvLayer(List<ExternalSetting> variables) {
    this.variables = List.copyOf(variables);
    bindHikari();
  }

  List<Finding> findings() {
    return findings;
  }

  @Override
  public Optional<Property> get(String uniformName) {
    Property found = null;
    for (ExternalSetting v : variables) {
      String mapped = v.name().toLowerCase(Locale.ROOT).replace('_', '.');
      if (SpringNames.uniform(mapped).equals(uniformName)) {
        found = property(mapped, v);
      }
    }
    return Optional.ofNullable(found);
  }

  @Override
  public Optional<Property> getExact(String name) {
    for (String candidate : candidates(name)) {
      for (ExternalSetting v : variables) {
        if (v.name().equals(candidate)) {
          return Optional.of(property(name, v));
        }
      }
    }
    return SpringNames.isValidPropertyName(name)
        ? get(SpringNames.uniform(name))
        : Optional.empty();
  }

  @Override
  public Optional<Property> written(String name) {
    return getExact(name);
  }

  @Override
  public List<Property> under(String uniformPrefix) {
    if (uniformPrefix.equals(SpringNames.uniform(SpringResolver.HIKARI_PREFIX))) {
      return hikari;
    }
    List<Property> out = new ArrayList<>();
    for (ExternalSetting v : variables) {
      String mapped = v.name().toLowerCase(Locale.ROOT).replace('_', '.');
      if (SpringNames.uniform(mapped).startsWith(uniformPrefix + ".")) {
        out.add(property(mapped, v));
      }
    }
    return out;
  }

  /** The names SystemEnvironmentPropertySource tries for a placeholder name. */
  private static List<String> candidates(String name) {
    List<String> names = new ArrayList<>();
    for (String n :
        List.of(
            name,
            name.replace('.', '_'),
            name.replace('-', '_'),
            name.replace('.', '_').replace('-', '_'))) {
      names.add(n);
      names.add(n.toUpperCase(Locale.ROOT));
    }
    return names;
  }

  private void bindHikari() {
    List<String> candidates = new ArrayList<>();
    for (HikariProperty p : HikariProperties.all()) {
      candidates.add(SpringResolver.HIKARI_PREFIX + "." + p.key());
    }
    for (ExternalSetting v : variables) {
      // A name with dots (spring.datasource.hikari.maximum-pool-size, from env or envFrom) binds
      // like a property-file key: Spring's DefaultPropertyMapper also reads the environment.
      if (!v.name().toUpperCase(Locale.ROOT).replace('.', '_').startsWith(HIKARI_ENV_PREFIX)) {
        continue;
      }
      Optional<SpringNames.EnvBinding> binding = SpringNames.boundProperty(v.name(), candidates);
      if (binding.isEmpty()) {
        String rest = v.name().substring(HIKARI_ENV_PREFIX.length());
        Optional<String> suggestion =
            HikariProperties.closest(rest, 1).stream()
                .findFirst()
                .map(k -> SpringNames.envName(SpringResolver.HIKARI_PREFIX + "." + k));
        findings.add(
            new Finding(
                Diagnostic.Kind.ENV_BINDS_NOTHING,
                v,
                v.name() + " binds to no HikariCP property, so Spring ignores it",
                suggestion));
        continue;
      }
      SpringNames.EnvBinding b = binding.get();
      String key = b.property().substring(SpringResolver.HIKARI_PREFIX.length() + 1);
      if (b.legacy() && SpringNames.isLegacyHazard(key)) {
        findings.add(
            new Finding(
                Diagnostic.Kind.ENV_LEGACY_HAZARD,
                v,
                v.name()
                    + " is read as the nested property connection."
                    + key.substring("connection-".length()).replace('-', '.')
                    + ": binding it calls getConnection(), which starts the pool before the other"
                    + " settings are bound, so this value never reaches the pool (the model leaves"
                    + " it out); startup then fails if a setting HikariCP seals at start (pool-name,"
                    + " auto-commit, …) is bound after it, or if the database is unreachable"
                    + " (spring-boot issue 51363)",
                Optional.of(SpringNames.envName(b.property()))));
        continue;
      }
      String name = b.property() + b.mapKey().map(k -> "." + k).orElse("");
      hikari.add(property(name, v));
    }
  }

  private static Property property(String name, ExternalSetting v) {
    Origin o = v.origin();
    ScalarNode node = new ScalarNode(v.text().orElse(""), o.text(), false, o.position());
    return new Property(name, node, o.kind(), v.name(), v.unknown());
  }
}
