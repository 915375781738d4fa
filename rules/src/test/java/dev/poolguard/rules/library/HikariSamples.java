package dev.poolguard.rules.library;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.util.Credentials;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.hikari.HikariProperty;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Real Spring binding onto real HikariCP objects, and sample values for every property. */
final class HikariSamples {

  static final String PREFIX = "spring.datasource.hikari";

  private HikariSamples() {}

  /** A credentials provider HikariCP can create by class name. */
  public static final class TestCredentialsProvider implements HikariCredentialsProvider {
    @Override
    public Credentials getCredentials() {
      return Credentials.of("app", "secret");
    }
  }

  /** An exception override HikariCP can create by class name. */
  public static final class TestExceptionOverride implements SQLExceptionOverride {}

  /**
   * A text Spring can bind to the property that differs from its default; for a MAP property, the
   * value of its entry {@code foo}; empty for an OBJECT property.
   */
  static Optional<String> text(HikariProperty property) {
    String text =
        switch (property.key()) {
          case "connection-timeout" -> "31000";
          case "idle-timeout" -> "500000";
          case "initialization-fail-timeout" -> "2";
          case "keepalive-time" -> "60000";
          case "leak-detection-threshold" -> "3000";
          case "max-lifetime" -> "900000";
          case "validation-timeout" -> "4000";
          case "login-timeout" -> "5";
          case "maximum-pool-size" -> "7";
          case "minimum-idle" -> "3";
          case "catalog" -> "cat";
          case "connection-init-sql" -> "SELECT 1";
          case "connection-test-query" -> "SELECT 2";
          case "credentials-provider-class-name" -> TestCredentialsProvider.class.getName();
          case "data-source-class-name" -> "org.example.NoSuchDataSource";
          case "data-source-j-n-d-i" -> "java:comp/env/jdbc/orders";
          case "driver-class-name" -> FakeJdbcDriver.class.getName();
          case "exception-override-class-name" -> TestExceptionOverride.class.getName();
          case "jdbc-url" -> "jdbc:poolguard-fake:other";
          case "password" -> "secret";
          case "pool-name" -> "orders";
          case "schema" -> "app";
          case "transaction-isolation" -> "TRANSACTION_READ_COMMITTED";
          case "username" -> "app";
          case "data-source-properties", "health-check-properties" -> "bar";
          default -> null;
        };
    if (text == null && property.type() == HikariProperty.Type.BOOLEAN) {
      text = String.valueOf(!Boolean.parseBoolean(property.defaultText().orElseThrow()));
    }
    return Optional.ofNullable(text);
  }

  /** The sample text of a catalogue key. */
  static String textFor(String key) {
    return text(HikariProperties.find(key).orElseThrow()).orElseThrow();
  }

  /** The property name a sample binds: the key, or its entry {@code foo} for a MAP. */
  static String sampleKey(HikariProperty property) {
    return property.type() == HikariProperty.Type.MAP ? property.key() + ".foo" : property.key();
  }

  /**
   * What a config's getters return for every catalogue property that text can set (not OBJECT), by
   * key; maps as sorted copies.
   */
  static Map<String, Object> state(HikariConfig config) {
    Map<String, Object> state = new TreeMap<>();
    for (PropertyDescriptor p : writableProperties(config.getClass())) {
      String key = DataObjectPropertyName.toDashedForm(p.getName());
      Optional<HikariProperty> known = HikariProperties.find(key);
      if (known.isEmpty()
          || known.get().type() == HikariProperty.Type.OBJECT
          || p.getReadMethod() == null) {
        continue;
      }
      try {
        Object value = p.getReadMethod().invoke(config);
        state.put(key, value instanceof Properties map ? new TreeMap<>(map) : value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + key, e);
      }
    }
    return state;
  }

  /** The JavaBean properties of a type that have a setter. */
  static List<PropertyDescriptor> writableProperties(Class<?> type) {
    try {
      List<PropertyDescriptor> result = new ArrayList<>();
      for (PropertyDescriptor p :
          Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
        if (p.getWriteMethod() != null) {
          result.add(p);
        }
      }
      return result;
    } catch (IntrospectionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A binder over property files (relaxed names as written in a file). */
  static Binder files(Map<String, String> properties) {
    return binder(List.of(fileSource(properties)));
  }

  /** A binder over environment variables, mapped as Spring maps the system environment. */
  static Binder env(Map<String, String> variables) {
    return binder(List.of(envSource(variables)));
  }

  /** A binder over environment variables (higher precedence) and property files. */
  static Binder envAndFiles(Map<String, String> variables, Map<String, String> properties) {
    return binder(List.of(envSource(variables), fileSource(properties)));
  }

  /**
   * Binds {@code spring.datasource.hikari} onto the target, as Spring Boot's auto-configuration
   * does.
   */
  static <T> T bind(Binder binder, T target) {
    binder.bind(PREFIX, Bindable.ofInstance(target));
    return target;
  }

  static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static Binder binder(List<PropertySource<?>> sources) {
    return new Binder(ConfigurationPropertySources.from(sources));
  }

  private static PropertySource<?> fileSource(Map<String, String> properties) {
    return new MapPropertySource("application.properties", new HashMap<>(properties));
  }

  private static PropertySource<?> envSource(Map<String, String> variables) {
    // Spring maps env names (and tries the legacy form) only for a source with this name.
    return new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables));
  }
}
