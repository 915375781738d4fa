package dev.poolguard.core.model.spring;

import java.util.List;
import java.util.Optional;

/**
 * One property source in Spring's precedence order: a config document, or (for deployments) the
 * container's environment, system properties or arguments.
 */
interface Layer {

  /** The property whose uniform name is {@code uniformName}, the last one if stated twice. */
  Optional<Property> get(String uniformName);

  /** Every property whose uniform name starts with {@code uniformPrefix + "."}, in source order. */
  List<Property> under(String uniformPrefix);

  /**
   * The property a placeholder {@code ${name}} finds here: relaxed for a valid property name, as
   * written otherwise (see {@link SpringNames#isValidPropertyName}).
   */
  default Optional<Property> getExact(String name) {
    return SpringNames.isValidPropertyName(name) ? get(SpringNames.uniform(name)) : written(name);
  }

  /** The property written exactly as {@code name}, the last one if stated twice. */
  Optional<Property> written(String name);

  /** A layer over already flattened properties, such as one config document. */
  static Layer of(List<Property> properties) {
    return new DocumentLayer(List.copyOf(properties));
  }

  /** Properties from one document. */
  record DocumentLayer(List<Property> properties) implements Layer {

    @Override
    public Optional<Property> get(String uniformName) {
      Property found = null;
      for (Property p : properties) {
        if (p.uniform().equals(uniformName)) {
          found = p;
        }
      }
      return Optional.ofNullable(found);
    }

    /**
     * A valid name finds the property written exactly so, else the other spellings in Spring's
     * hash-set order ({@link HikariDataSource#hashSetBucket}), then as written.
     */
    @Override
    public Optional<Property> getExact(String name) {
      if (!SpringNames.isValidPropertyName(name)) {
        return written(name);
      }
      Optional<Property> exact = written(name);
      if (exact.isPresent()) {
        return exact;
      }
      String uniform = SpringNames.uniform(name);
      Property best = null;
      for (Property p : properties) {
        if (p.uniform().equals(uniform)
            && (best == null
                || HikariDataSource.hashSetBucket(p.name())
                    < HikariDataSource.hashSetBucket(best.name()))) {
          best = p;
        }
      }
      return Optional.ofNullable(best);
    }

    @Override
    public Optional<Property> written(String name) {
      Property found = null;
      for (Property p : properties) {
        if (p.name().equals(name)) {
          found = p;
        }
      }
      return Optional.ofNullable(found);
    }

    @Override
    public List<Property> under(String uniformPrefix) {
      String prefix = uniformPrefix + ".";
      return properties.stream().filter(p -> p.uniform().startsWith(prefix)).toList();
    }
  }
}
