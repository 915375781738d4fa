package dev.poolguard.oracle.micronaut;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.SystemPropertiesPropertySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A real Micronaut application context over a folder of classpath config files, with the
 * environment variables and system properties of a case as property sources of the same names,
 * orders and conventions Micronaut gives the real ones; the values micronaut-sql binds onto each
 * datasource's {@code HikariConfig}.
 */
final class RealMicronaut {

  static final Map<String, ToLongFunction<HikariConfig>> KEYS =
      Map.of(
          "maximum-pool-size", HikariConfig::getMaximumPoolSize,
          "minimum-idle", HikariConfig::getMinimumIdle,
          "connection-timeout", HikariConfig::getConnectionTimeout,
          "idle-timeout", HikariConfig::getIdleTimeout,
          "max-lifetime", HikariConfig::getMaxLifetime);

  private RealMicronaut() {}

  /** Every datasource's bound values that differ from a fresh HikariConfig's, as "name/key". */
  static Map<String, String> values(
      Path resources, List<String> environments, Map<String, String> env, Map<String, String> sys) {
    HikariConfig fresh = new HikariConfig();
    Map<String, String> out = new TreeMap<>();
    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {resources.toUri().toURL()}, RealMicronaut.class.getClassLoader());
        ApplicationContext context =
            ApplicationContext.builder()
                .classLoader(loader)
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .environments(environments.toArray(String[]::new))
                .propertySources(
                    new Environment(env),
                    PropertySource.of(
                        SystemPropertiesPropertySource.NAME,
                        new LinkedHashMap<String, Object>(sys),
                        SystemPropertiesPropertySource.POSITION))
                .start()) {
      for (DatasourceConfiguration c : context.getBeansOfType(DatasourceConfiguration.class)) {
        KEYS.forEach(
            (key, getter) -> {
              long value = getter.applyAsLong(c);
              if (value != getter.applyAsLong(fresh)) {
                out.put(c.getName() + "/" + key, Long.toString(value));
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The process environment as Micronaut's EnvironmentPropertySource presents it. */
  private static final class Environment extends MapPropertySource {

    Environment(Map<String, String> variables) {
      super(EnvironmentPropertySource.NAME, new LinkedHashMap<String, Object>(variables));
    }

    @Override
    public int getOrder() {
      return EnvironmentPropertySource.POSITION;
    }

    @Override
    public PropertyConvention getConvention() {
      return PropertyConvention.ENVIRONMENT_VARIABLE;
    }
  }
}
