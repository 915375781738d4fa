package dev.poolguard.core.model.micronaut;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the effective HikariCP pools of a Micronaut service as Micronaut 4's {@code
 * DefaultEnvironment} and micronaut-sql's {@code DatasourceConfiguration} would: the active
 * environments, their files' precedence, environment variables under every name Micronaut derives,
 * placeholders, and one pool per {@code datasources.<name>}.
 */
public final class MicronautResolver {

  private static final Pattern FILE =
      Pattern.compile("application(?:-(.+))?\\.(yml|yaml|properties)");
  private static final String ENVIRONMENTS_PROPERTY = "micronaut.environments";
  private static final String ENVIRONMENTS_ENV = "MICRONAUT_ENVIRONMENTS";
  private static final String DEDUCTION_PROPERTY = "micronaut.env.deduction";
  private static final String DEDUCTION_ENV = "MICRONAUT_ENV_DEDUCTION";

  private final MicronautInput input;

  private MicronautResolver(MicronautInput input) {
    this.input = input;
  }

  /** The service's effective configuration, with the environments it runs with. */
  public static Service resolve(MicronautInput input) {
    return new MicronautResolver(input).service();
  }

  private record Environments(List<String> active, String source) {}

  /**
   * The active environments, in priority order (the last wins): those deduced from where the
   * service runs ({@code k8s} and {@code cloud} in a Kubernetes pod, unless deduction is off), then
   * the specified ones ({@code -Dmicronaut.environments}, then {@code MICRONAUT_ENVIRONMENTS}).
   * Micronaut reads neither from its config files.
   */
  private Environments environments() {
    if (input.profileOverride().isPresent()) {
      return new Environments(input.profileOverride().get(), "--profile");
    }
    List<String> specified = new ArrayList<>();
    List<String> from = new ArrayList<>();
    external(input.systemProperties(), ENVIRONMENTS_PROPERTY)
        .ifPresent(
            s -> {
              specified.addAll(split(s.text().orElse("")));
              from.add("-D" + ENVIRONMENTS_PROPERTY + " at " + where(s));
            });
    external(input.environment(), ENVIRONMENTS_ENV)
        .ifPresent(
            s -> {
              specified.addAll(split(s.text().orElse("")));
              from.add("env " + ENVIRONMENTS_ENV + " at " + where(s));
            });
    if (specified.isEmpty() && !input.configuredProfiles().isEmpty()) {
      specified.addAll(input.configuredProfiles());
      from.add("profiles in poolguard.yaml");
    }
    LinkedHashSet<String> active = new LinkedHashSet<>();
    if (input.onKubernetes() && deduces()) {
      active.add("k8s");
      active.add("cloud");
      from.add(0, "k8s and cloud deduced: it runs in a Kubernetes pod");
    }
    specified.forEach(active::remove);
    active.addAll(specified);
    String source = from.isEmpty() ? "none (no environment is specified)" : String.join("; ", from);
    return new Environments(List.copyOf(active), source);
  }

  /** Environment deduction: on unless MICRONAUT_ENV_DEDUCTION (first) or -D says false. */
  private boolean deduces() {
    Optional<ExternalSetting> env = external(input.environment(), DEDUCTION_ENV);
    if (env.isPresent() && !env.get().text().orElse("").isEmpty()) {
      return Boolean.parseBoolean(env.get().text().orElse(""));
    }
    Optional<ExternalSetting> property = external(input.systemProperties(), DEDUCTION_PROPERTY);
    if (property.isPresent() && !property.get().text().orElse("").isEmpty()) {
      return Boolean.parseBoolean(property.get().text().orElse(""));
    }
    return true;
  }

  private static Optional<ExternalSetting> external(List<ExternalSetting> settings, String name) {
    Optional<ExternalSetting> found = Optional.empty();
    for (ExternalSetting s : settings) {
      if (s.name().equals(name) && s.text().isPresent()) {
        found = Optional.of(s);
      }
    }
    return found;
  }

  private static String where(ExternalSetting s) {
    return s.origin().position().path() + ":" + s.origin().position().line();
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Service service() {
    Environments environments = environments();
    List<ConfigFile> files = files(environments.active());
    Sources sources = new Sources();
    files.forEach(sources::addFile);
    sources.addExternal(input.environment());
    sources.addExternal(input.systemProperties());
    sources.addExternal(input.arguments());
    String name = input.name();
    if (!input.nameFixed()) {
      List<Entry> appName = sources.chain("micronaut.application.name");
      if (!appName.isEmpty()) {
        String text = sources.value(appName.get(0), List.of()).text().strip();
        if (!text.isEmpty()) {
          name = text;
        }
      }
    }
    SourcePosition anchor =
        files.isEmpty()
            ? SourcePosition.startOf(input.name())
            : SourcePosition.startOf(files.get(0).displayPath());
    List<DataSource> dataSources = new ArrayList<>();
    Pools pools = new Pools(sources, files, anchor, input.hikariMajor());
    for (String dataSource : pools.names()) {
      dataSources.add(pools.of(dataSource));
    }
    return new Service(
        name,
        Framework.MICRONAUT,
        environments.active(),
        environments.source() + ignoredInFiles(sources),
        files.stream().map(ConfigFile::displayPath).toList(),
        dataSources,
        anchor);
  }

  /** micronaut.environments written in a config file: Micronaut never reads it there. */
  private static String ignoredInFiles(Sources sources) {
    for (Entry e : sources.chain(ENVIRONMENTS_PROPERTY)) {
      if (!e.isEnv() && e.origin().kind() == dev.poolguard.core.model.Origin.Kind.FILE) {
        return " ("
            + ENVIRONMENTS_PROPERTY
            + " at "
            + e.origin().position().path()
            + ":"
            + e.origin().position().line()
            + " is not read: Micronaut takes it only from -D or "
            + ENVIRONMENTS_ENV
            + ")";
      }
    }
    return "";
  }

  /**
   * The files Micronaut reads, lowest first: {@code application.properties} then {@code .yml} (at
   * one order the YAML file wins: so the real Micronaut 4.10 behaves in the oracle), then each
   * active environment's files in priority order.
   */
  private List<ConfigFile> files(List<String> active) {
    List<ConfigFile> out = new ArrayList<>();
    for (int level = -1; level < active.size(); level++) {
      Optional<String> environment = level < 0 ? Optional.empty() : Optional.of(active.get(level));
      for (boolean properties : List.of(true, false)) {
        for (ConfigFile file : input.files()) {
          Matcher m = FILE.matcher(fileName(file));
          if (m.matches()
              && Optional.ofNullable(m.group(1)).equals(environment)
              && m.group(2).equals("properties") == properties) {
            out.add(file);
          }
        }
      }
    }
    return out;
  }

  private static String fileName(ConfigFile file) {
    String path = file.displayPath();
    return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /** Whether a file name is one Micronaut reads as configuration. */
  public static boolean isConfigName(String fileName) {
    return FILE.matcher(fileName).matches();
  }
}
