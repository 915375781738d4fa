package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.Strategy;
import dev.poolguard.core.model.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A docker-compose project: its files merged in {@code -f} order as Compose merges them, each
 * service's {@code extends} applied, variables interpolated from the project's {@code .env}, and
 * every value kept with the file and line that set it.
 *
 * @param files the display paths of its files, in merge order
 * @param services its services in order of first declaration
 * @param notes what could not be followed ({@code file:line:col: message})
 */
public record ComposeProject(List<String> files, List<Service> services, List<String> notes) {

  /** {@code extends} chains deeper than this are not followed (Compose refuses cycles). */
  private static final int MAX_EXTENDS_DEPTH = 10;

  public ComposeProject {
    files = List.copyOf(files);
    services = List.copyOf(services);
    notes = List.copyOf(notes);
  }

  /** What reading a project needs from the run: its files, through the run's boundary. */
  public interface Inputs {
    /** A compose file named by {@code extends: file}, parsed. */
    Optional<ConfigFile> load(Path file);

    /** The text of an {@code env_file} or {@code .env}, when it may be read and exists. */
    Optional<String> text(Path file);

    /** How reports name {@code file}. */
    String display(Path file);

    /** The files of a mounted folder, for the option files a database reads from it. */
    List<Path> list(Path folder);
  }

  /**
   * A bind mount of a file or folder of the tree into the container.
   *
   * @param source the host path, absolute
   * @param target the path inside the container
   * @param position where the mount is written
   */
  public record Mount(Path source, String target, SourcePosition position) {}

  /**
   * One service with the files merged.
   *
   * @param name the service name (also its host name on the project's network)
   * @param position where it is declared
   * @param image {@code image}, when set
   * @param buildContext the {@code build} context folder, when it is a folder of the tree
   * @param environment {@code env_file} variables, then {@code environment}, one entry per name
   * @param entrypoint {@code entrypoint} (empty: the image's)
   * @param command {@code command} (empty: the image's)
   * @param replicas {@code deploy.replicas} or {@code scale}, 1 when absent
   * @param mounts bind mounts of tree paths
   * @param hostnames other names it is reached by ({@code hostname}, {@code container_name},
   *     network aliases)
   * @param profiles its {@code profiles}
   * @param dependsOn the services it {@code depends_on}
   */
  public record Service(
      String name,
      SourcePosition position,
      Optional<String> image,
      Optional<Path> buildContext,
      List<EnvVar> environment,
      List<Arg> entrypoint,
      List<Arg> command,
      Count replicas,
      List<Mount> mounts,
      List<String> hostnames,
      List<String> profiles,
      List<String> dependsOn) {

    public Service {
      Objects.requireNonNull(name, "name");
      environment = List.copyOf(environment);
      entrypoint = List.copyOf(entrypoint);
      command = List.copyOf(command);
      mounts = List.copyOf(mounts);
      hostnames = List.copyOf(hostnames);
      profiles = List.copyOf(profiles);
      dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The service as a workload: its containers replaced all at once on {@code up} (no surge),
     * {@code entrypoint} and {@code command} as a container's command and args; its namespace is
     * {@code project} (the project's first file), so that services of one name in two projects stay
     * apart.
     */
    public Workload workload(String project) {
      Container container =
          new Container(name, environment, List.of(), entrypoint, command, List.of(), position);
      return new Workload(
          Workload.Kind.COMPOSE_SERVICE,
          name,
          project,
          replicas,
          new Strategy(Strategy.Type.RECREATE, Optional.empty(), Optional.empty(), position),
          List.of(container),
          List.of(),
          position);
    }

    /** Every name the service is reached by on the project network. */
    public List<String> names() {
      List<String> all = new ArrayList<>(List.of(name));
      hostnames.stream().filter(h -> !all.contains(h)).forEach(all::add);
      return all;
    }
  }

  /**
   * Reads the project made of {@code stack} (the files of {@code docker compose -f a -f b}, in
   * order); paths in every file resolve against the first file's folder, as Compose's do.
   */
  public static ComposeProject read(List<ConfigFile> stack, List<Path> paths, Inputs inputs) {
    Path dir = paths.get(0).toAbsolutePath().normalize().getParent();
    List<String> notes = new ArrayList<>();
    Map<String, String> variables = new HashMap<>();
    inputs
        .text(dir.resolve(".env"))
        .ifPresent(
            t ->
                EnvFiles.parse(t, inputs.display(dir.resolve(".env")))
                    .forEach(l -> variables.put(l.name(), l.value())));
    Interpolation interpolation = new Interpolation(variables);
    Map<String, Draft> merged = new LinkedHashMap<>();
    for (ConfigFile file : stack) {
      ServiceReader reader = new ServiceReader(dir, interpolation, notes);
      Map<String, Draft> drafts = drafts(file, reader, notes);
      for (Draft d : drafts.values()) {
        Draft resolved = extended(d, drafts, inputs, interpolation, notes, 0);
        merged.merge(d.name(), resolved, (a, b) -> a.mergedWith(b).at(a.position()));
      }
    }
    List<Service> services = new ArrayList<>();
    for (Draft d : merged.values()) {
      services.add(service(d, inputs, notes));
    }
    return new ComposeProject(
        stack.stream().map(ConfigFile::displayPath).toList(), services, notes);
  }

  /** The services of one file, as written; {@code include:} is noted, not followed. */
  private static Map<String, Draft> drafts(
      ConfigFile file, ServiceReader reader, List<String> notes) {
    Map<String, Draft> out = new LinkedHashMap<>();
    for (ConfigNode doc : file.documents()) {
      if (!(doc instanceof MapNode top)) {
        continue;
      }
      top.get("include")
          .ifPresent(
              i ->
                  notes.add(
                      file.displayPath()
                          + ": compose include: is not followed; list the included files in"
                          + " poolguard.yaml compose: to read them"));
      Optional<MapNode> services = top.map("services");
      if (services.isEmpty()) {
        continue;
      }
      for (MapNode.Entry e : services.get().entries()) {
        if (e.value() instanceof MapNode service) {
          String name = e.key().value();
          out.put(name, reader.read(name, e.key().position(), service));
        }
      }
    }
    return out;
  }

  /** {@code d} with the service it {@code extends} merged under it, followed to a bounded depth. */
  private static Draft extended(
      Draft d,
      Map<String, Draft> sameFile,
      Inputs inputs,
      Interpolation interpolation,
      List<String> notes,
      int depth) {
    if (d.extendsRef().isEmpty()) {
      return d;
    }
    Draft.Extends ref = d.extendsRef().get();
    if (depth >= MAX_EXTENDS_DEPTH) {
      notes.add(
          ref.position() + ": compose extends: deeper than 10 levels (a cycle?): not followed");
      return d;
    }
    Map<String, Draft> scope = sameFile;
    if (ref.file().isPresent()) {
      Optional<ConfigFile> other = inputs.load(ref.file().get());
      if (other.isEmpty()) {
        notes.add(
            ref.position()
                + ": compose extends: "
                + inputs.display(ref.file().get())
                + " cannot be read: not followed");
        return d;
      }
      Path otherDir = ref.file().get().toAbsolutePath().normalize().getParent();
      scope = drafts(other.get(), new ServiceReader(otherDir, interpolation, notes), notes);
    }
    Draft base = scope.get(ref.service());
    if (base == null) {
      notes.add(
          ref.position() + ": compose extends: no service " + ref.service() + ": not followed");
      return d;
    }
    Draft resolvedBase = extended(base, scope, inputs, interpolation, notes, depth + 1);
    return resolvedBase.mergedWith(d).at(d.position());
  }

  private static Service service(Draft d, Inputs inputs, List<String> notes) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    for (Draft.EnvFile f : d.envFiles()) {
      Optional<String> text = inputs.text(f.path());
      if (text.isEmpty()) {
        if (f.required()) {
          notes.add(
              f.position()
                  + ": compose env_file "
                  + inputs.display(f.path())
                  + " cannot be read: its variables are not known");
        }
        continue;
      }
      for (EnvFiles.Line line : EnvFiles.parse(text.get(), inputs.display(f.path()))) {
        env.put(
            line.name(),
            new EnvVar(
                line.name(),
                new EnvSource.Literal(line.value(), line.position()),
                line.position()));
      }
    }
    for (Draft.Env e : d.environment().values()) {
      EnvSource source =
          e.value().isPresent()
              ? new EnvSource.Literal(e.value().get(), e.position())
              : new EnvSource.Other(e.why(), e.position());
      env.remove(e.name());
      env.put(e.name(), new EnvVar(e.name(), source, e.position()));
    }
    return new Service(
        d.name(),
        d.position(),
        d.image(),
        d.buildContext(),
        List.copyOf(env.values()),
        d.entrypoint().orElse(List.of()),
        d.command().orElse(List.of()),
        d.replicas().orElse(new Count(1, d.position(), true)),
        List.copyOf(d.mounts().values()),
        d.hostnames(),
        d.profiles(),
        d.dependsOn());
  }
}
