package dev.poolguard.oracle;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The real Spring Boot: starts an empty application over a {@link SpringRun} (Boot's own config
 * data processing, profiles, relaxed binding) and binds {@code spring.datasource.hikari} onto a
 * {@code HikariConfig} the way Boot's {@code DataSourceConfiguration.Hikari} does through
 * {@code @ConfigurationProperties}, then lets HikariCP validate it.
 */
final class RealSpring {

  static final String PREFIX = "spring.datasource.hikari";

  private RealSpring() {}

  /** An application without beans: only its environment matters. */
  @Configuration(proxyBeanMethods = false)
  static class Empty {}

  static PoolAnswer run(SpringRun run) {
    SpringApplication app = new SpringApplication(Empty.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    app.setResourceLoader(new DefaultResourceLoader(new ResourcesOnly(run.classpathRoot())));
    app.setEnvironment(environment(run));
    app.setAdditionalProfiles(run.additionalProfiles().toArray(String[]::new));
    run.containerRoot().ifPresent(root -> app.setDefaultProperties(searchLocations(root)));
    List<String> args = run.args().stream().map(a -> relocate(a, run.containerRoot())).toList();
    ConfigurableApplicationContext context;
    try {
      context = app.run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      return PoolAnswer.fails("start: " + rootMessage(e), List.of());
    }
    try (context) {
      ConfigurableEnvironment env = context.getEnvironment();
      List<String> profiles = List.of(env.getActiveProfiles());
      HikariConfig config = new HikariConfig();
      try {
        Binder.get(env).bind(PREFIX, Bindable.ofInstance(config));
      } catch (RuntimeException e) {
        return PoolAnswer.fails("bind: " + rootMessage(e), profiles);
      }
      config.setJdbcUrl("jdbc:oracle-test:none");
      try {
        config.validate();
      } catch (RuntimeException e) {
        return PoolAnswer.fails("validate: " + rootMessage(e), profiles);
      }
      return PoolAnswer.starts(profiles, read(config));
    }
  }

  static Map<String, Long> read(HikariConfig c) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("maximum-pool-size", (long) c.getMaximumPoolSize());
    values.put("minimum-idle", (long) c.getMinimumIdle());
    values.put("connection-timeout", c.getConnectionTimeout());
    values.put("validation-timeout", c.getValidationTimeout());
    values.put("idle-timeout", c.getIdleTimeout());
    values.put("max-lifetime", c.getMaxLifetime());
    values.put("keepalive-time", c.getKeepaliveTime());
    values.put("leak-detection-threshold", c.getLeakDetectionThreshold());
    return values;
  }

  /**
   * Boot's default search locations ({@code ConfigDataEnvironment.DEFAULT_SEARCH_LOCATIONS}) with
   * {@code ./} as the container's working directory: a default property, so that {@code
   * spring.config.location} from the environment, {@code -D} or an argument replaces them, as in
   * Boot.
   */
  private static Map<String, Object> searchLocations(Path root) {
    String dir = root.toAbsolutePath() + SpringRun.WORKING_DIR + "/";
    return Map.of(
        "spring.config.location",
        "optional:classpath:/;optional:classpath:/config/,optional:file:"
            + dir
            + ";optional:file:"
            + dir
            + "config/;optional:file:"
            + dir
            + "config/*/");
  }

  private static final Pattern ABSOLUTE_LOCATION =
      Pattern.compile("(^|[,;=])((?:optional:)?)(?:file:)?(/[^,;]*)");

  /** Absolute file locations in a {@code spring.config.*location} setting point into the root. */
  static String relocate(String setting, Optional<Path> root) {
    String lower = setting.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    if (root.isEmpty() || !lower.contains("spring.config.") || !lower.contains("location")) {
      return setting;
    }
    Matcher m = ABSOLUTE_LOCATION.matcher(setting);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(
              m.group(1) + m.group(2) + "file:" + root.get().toAbsolutePath() + m.group(3)));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static StandardEnvironment environment(SpringRun run) {
    StandardEnvironment env = new StandardEnvironment();
    // The name matters: Boot maps relaxed env names only for the "systemEnvironment" source.
    env.getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                relocated(run.env(), run.containerRoot())));
    env.getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                relocated(run.systemProperties(), run.containerRoot())));
    return env;
  }

  private static Map<String, Object> relocated(Map<String, String> values, Optional<Path> root) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, relocate(k + "=" + v, root).substring(k.length() + 1)));
    return out;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * A class loader whose classpath resources outside packages are the fixture's files only, while
   * classes and {@code META-INF} (Boot's factories) come from the test classpath.
   */
  static final class ResourcesOnly extends ClassLoader {
    private final Path root;

    ResourcesOnly(Path root) {
      super(RealSpring.class.getClassLoader());
      this.root = root;
    }

    @Override
    public URL getResource(String name) {
      Path file = root.resolve(name).normalize();
      if (file.startsWith(root) && Files.isRegularFile(file)) {
        try {
          return file.toUri().toURL();
        } catch (MalformedURLException e) {
          throw new UncheckedIOException(e);
        }
      }
      return isUserResource(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      URL own = getResource(name);
      if (isUserResource(name)) {
        return own == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(own));
      }
      return super.getResources(name);
    }

    private static boolean isUserResource(String name) {
      return !name.startsWith("META-INF/")
          && !name.startsWith("org/")
          && !name.startsWith("com/")
          && !name.startsWith("java/")
          && !name.endsWith(".class");
    }
  }
}
