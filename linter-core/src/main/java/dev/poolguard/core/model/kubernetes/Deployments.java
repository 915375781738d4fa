package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.spring.ConfigNames;
import dev.poolguard.core.model.spring.ExternalSources;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Volume;
import dev.poolguard.core.model.workload.VolumeMount;
import dev.poolguard.core.model.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Turns a workload's application container into what a Spring application sees: environment, system
 * properties, arguments, {@code SPRING_APPLICATION_JSON}, and config files mounted from ConfigMaps
 * where Spring looks for them.
 */
public final class Deployments {

  private final Cluster cluster;
  private final Limits limits;
  private final List<String> notes;

  public Deployments(Cluster cluster, Limits limits, List<String> notes) {
    this.cluster = cluster;
    this.limits = limits;
    this.notes = notes;
  }

  /** What the deployment adds for one service, and what it mounts where Spring does not look. */
  public record Overrides(
      String container,
      ExternalSources sources,
      List<SpringFile> externalFiles,
      List<ConfigFile> embeddedFiles,
      List<Unread> unread,
      IntPredicate readsPackaged) {}

  /** A mounted config file with pool settings that Spring does not read. */
  public record Unread(SourcePosition position, String subject, String message) {}

  public Optional<Overrides> of(Workload workload, Optional<String> configuredContainer) {
    AppContainer app = Containers.app(workload, configuredContainer);
    if (app.container().isEmpty()) {
      notes.add(workload.position() + ": " + app.reason());
      return Optional.empty();
    }
    Container c = app.container().get();
    Environment env = Environment.of(c, cluster, workload.namespace());
    notes.addAll(env.notes());
    CommandLine cmd = CommandLineArgs.parse(c, env);
    notes.addAll(cmd.notes());
    List<ExternalSetting> systemProperties = new ArrayList<>();
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS")) {
      env.get(variable)
          .ifPresent(
              entry -> {
                CommandLine options = JvmOptions.parse(entry);
                notes.addAll(options.notes());
                options
                    .systemProperties()
                    .forEach(kv -> systemProperties.add(setting(kv, Origin.Kind.SYSTEM_PROPERTY)));
              });
    }
    // The command line comes after JAVA_TOOL_OPTIONS, so its -D options win.
    cmd.systemProperties()
        .forEach(kv -> systemProperties.add(setting(kv, Origin.Kind.SYSTEM_PROPERTY)));
    List<ExternalSetting> arguments = new ArrayList<>();
    cmd.springArgs().forEach(kv -> arguments.add(setting(kv, Origin.Kind.ARGUMENT)));
    List<ExternalSetting> environment = new ArrayList<>();
    for (EnvEntry e : env.entries().values()) {
      environment.add(
          new ExternalSetting(
              e.name(),
              e.isKnown() ? Optional.of(e.text()) : Optional.empty(),
              e.unknown(),
              e.origin()));
    }
    Optional<ConfigFile> json = applicationJson(arguments, systemProperties, env);
    SpringLocations locations = SpringLocations.of(arguments, systemProperties, env);
    List<SpringFile> external = new ArrayList<>();
    List<ConfigFile> embedded = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    Optional<List<String>> names = ConfigNames.of(arguments, systemProperties, environment);
    for (VolumeMount mount : c.volumeMounts()) {
      mounted(workload, mount, locations, names, external, embedded, unread);
    }
    json.ifPresent(embedded::add);
    return Optional.of(
        new Overrides(
            c.name(),
            new ExternalSources(arguments, json, systemProperties, environment, true),
            external,
            embedded,
            unread,
            locations::readsPackaged));
  }

  /**
   * The JSON that SpringApplicationJsonEnvironmentPostProcessor reads: {@code
   * spring.application.json} from the first source that has it (arguments, then system properties,
   * then the environment); the last of repeated {@code -D} options counts.
   */
  private Optional<ConfigFile> applicationJson(
      List<ExternalSetting> arguments, List<ExternalSetting> systemProperties, Environment env) {
    for (List<ExternalSetting> source : List.of(arguments, systemProperties)) {
      Optional<ExternalSetting> given =
          source.stream()
              .filter(s -> s.name().equals("spring.application.json"))
              .reduce((a, b) -> b);
      if (given.isPresent()) {
        SourcePosition at = given.get().origin().position();
        return given.get().text().map(text -> json(text, at));
      }
    }
    return env.get("SPRING_APPLICATION_JSON")
        .filter(EnvEntry::isKnown)
        .map(e -> json(e.text(), e.origin().position()));
  }

  private ConfigFile json(String text, SourcePosition at) {
    return ConfigLoader.loadText(
        text, at.path(), ConfigFile.Format.JSON, at.line() - 1, at.column() - 1, limits);
  }

  private static ExternalSetting setting(KeyValue kv, Origin.Kind kind) {
    Origin origin = new Origin(kind, kv.position(), kv.key(), kv.value());
    return new ExternalSetting(
        kv.key(),
        kv.unknown().isPresent() ? Optional.empty() : Optional.of(kv.value()),
        kv.unknown(),
        origin);
  }

  private void mounted(
      Workload workload,
      VolumeMount mount,
      SpringLocations locations,
      Optional<List<String>> names,
      List<SpringFile> external,
      List<ConfigFile> embedded,
      List<Unread> unread) {
    Optional<Volume> volume = workload.volume(mount.name());
    if (volume.isEmpty()) {
      return;
    }
    for (Volume.Projection projection : volume.get().projections()) {
      if (projection.source() != Volume.Source.CONFIG_MAP) {
        continue;
      }
      Optional<ConfigMap> map = cluster.configMap(workload.namespace(), projection.name());
      if (map.isEmpty()) {
        continue;
      }
      for (EmbeddedFile file : EmbeddedFiles.parse(map.get(), limits)) {
        Optional<Path> where = mountedPath(mount, projection, file.key());
        if (where.isEmpty()) {
          continue;
        }
        embedded.add(file.file());
        // Under spring.config.name a folder location holds <name>[-profile].* files instead.
        Optional<Integer> nameRank =
            names.isEmpty()
                ? Optional.of(0).filter(x -> file.applicationFile())
                : ConfigNames.rankOf(file.key(), names.get());
        OptionalInt rank = locations.rank(where.get(), nameRank.isPresent());
        if (rank.isPresent()) {
          external.add(
              names.isEmpty()
                  ? new SpringFile(file.file(), where.get(), rank.getAsInt())
                  : new SpringFile(
                      file.file(),
                      where.get(),
                      rank.getAsInt(),
                      names.get().get(nameRank.orElse(0)),
                      nameRank.orElse(0)));
        } else {
          poolSetting(file.file())
              .ifPresent(
                  pos ->
                      unread.add(
                          new Unread(
                              pos,
                              file.configMap() + "/" + file.key(),
                              "ConfigMap "
                                  + file.configMap()
                                  + " key "
                                  + file.key()
                                  + " is mounted at "
                                  + where.get()
                                  + ", where Spring Boot does not look for config files (./config/ or"
                                  + " ./config/*/ of the working directory, or a location named"
                                  + " by spring.config.location or"
                                  + " spring.config.additional-location)")));
        }
      }
    }
  }

  /** Where a ConfigMap key appears in the container, if the mount exposes it. */
  private static Optional<Path> mountedPath(
      VolumeMount mount, Volume.Projection projection, String key) {
    String fileName = key;
    if (!projection.items().isEmpty()) {
      Optional<Volume.Item> item =
          projection.items().stream().filter(i -> i.key().equals(key)).findFirst();
      if (item.isEmpty()) {
        return Optional.empty();
      }
      fileName = item.get().path();
    }
    if (mount.subPath().isPresent()) {
      return mount.subPath().get().equals(fileName)
          ? Optional.of(Path.of(mount.mountPath()))
          : Optional.empty();
    }
    return Optional.of(Path.of(mount.mountPath(), fileName));
  }

  /** The first HikariCP setting in a file, if it has one. */
  private static Optional<SourcePosition> poolSetting(ConfigFile file) {
    for (ConfigNode doc : file.documents()) {
      Optional<SourcePosition> found = find(doc, "");
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<SourcePosition> find(ConfigNode node, String prefix) {
    if (!(node instanceof MapNode map)) {
      return Optional.empty();
    }
    for (MapNode.Entry e : map.entries()) {
      String path = prefix.isEmpty() ? e.key().value() : prefix + "." + e.key().value();
      String lower = path.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      if (lower.startsWith("spring.datasource.hikari.")) {
        return Optional.of(e.key().position());
      }
      Optional<SourcePosition> inner = find(e.value(), path);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  public static Diagnostic unreadDiagnostic(Unread u, String service, String profile) {
    return new Diagnostic(
        Diagnostic.Kind.SETTINGS_NOT_READ,
        service,
        profile,
        u.position(),
        u.subject(),
        u.message(),
        Optional.empty());
  }
}
