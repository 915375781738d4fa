package dev.poolguard.core.model.compose;

import dev.poolguard.core.model.pooler.IniPoolers;
import dev.poolguard.core.model.pooler.PgBouncerIni;
import dev.poolguard.core.model.pooler.PgBouncerVersion;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.Arg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The compose services that run PgBouncer: a PgBouncer image ({@code edoburu/pgbouncer}, {@code
 * bitnami/pgbouncer}, any image whose repository is named {@code pgbouncer}) or a mounted {@code
 * pgbouncer.ini}. Their settings come from the mounted pgbouncer.ini, else from the environment as
 * the image's entrypoint writes it into one.
 */
public final class ComposePgBouncers {

  /** Where each image reads a pgbouncer.ini that is there before its entrypoint writes one. */
  private static final Map<Flavour, String> CONFIG_PATH =
      Map.of(
          Flavour.EDOBURU, "/etc/pgbouncer/pgbouncer.ini",
          Flavour.BITNAMI, "/bitnami/pgbouncer/conf/pgbouncer.ini",
          Flavour.OTHER, "/etc/pgbouncer/pgbouncer.ini");

  private ComposePgBouncers() {}

  private enum Flavour {
    EDOBURU,
    BITNAMI,
    OTHER
  }

  /** Whether {@code s} runs PgBouncer, by its image or a mounted pgbouncer.ini. */
  public static boolean isPgBouncer(ComposeProject.Service s) {
    return flavour(s).isPresent() || s.mounts().stream().anyMatch(ComposePgBouncers::iniMount);
  }

  /**
   * The PgBouncer of {@code s}, when poolguard knows its settings: a mounted pgbouncer.ini (read
   * through {@code files}), or the environment of an edoburu or bitnami image.
   */
  public static Optional<ComposePgBouncer> of(ComposeProject.Service s, PostgresConf.Files files) {
    if (!isPgBouncer(s)) {
      return Optional.empty();
    }
    Flavour flavour = flavour(s).orElse(Flavour.OTHER);
    Optional<ComposeProject.Mount> mount = iniMountOf(s, flavour);
    String image = s.image().orElse("");
    Pooler pooler;
    List<ComposePgBouncer.Backend> backends = new ArrayList<>();
    List<Path> read = new ArrayList<>();
    if (mount.isPresent()) {
      Path file = mount.get().source();
      PgBouncerIni ini = PgBouncerIni.load(file, files, Optional.of(mount.get().position()));
      read.addAll(ini.files());
      pooler = IniPoolers.of(ini, files.display(file));
      for (PgBouncerIni.Entry e : ini.databases()) {
        Optional.ofNullable(IniPoolers.pairs(e.value()).get("host"))
            .ifPresent(
                h ->
                    backends.add(
                        new ComposePgBouncer.Backend(h, e.position(), files.display(file))));
      }
    } else if (flavour == Flavour.OTHER) {
      return Optional.empty();
    } else {
      ImageEnvironments.Written w =
          flavour == Flavour.EDOBURU
              ? ImageEnvironments.edoburu(s.environment(), s.position())
              : ImageEnvironments.bitnami(s.environment(), s.position());
      backends.addAll(w.backends());
      pooler = byVariables(IniPoolers.of(w.ini(), "compose service " + s.name()), w.variables());
    }
    return Optional.of(
        new ComposePgBouncer(
            s.name(), s.position(), s.names(), image, composed(pooler, s, image), backends, read));
  }

  /** The pooler as a compose service: its name, replicas as instances, the image tag's version. */
  private static Pooler composed(Pooler read, ComposeProject.Service s, String image) {
    Map<String, Pooler.Setting> settings = new LinkedHashMap<>(read.settings());
    settings.put(
        Pooler.INSTANCES,
        new Pooler.Setting(
            Pooler.INSTANCES,
            String.valueOf(Math.max(1, s.replicas().value())),
            s.replicas().position(),
            s.replicas().defaulted()
                ? Optional.of(
                    "one container: compose service " + s.name() + " sets no deploy.replicas")
                : Optional.empty()));
    PgBouncerVersion.ofImage(image)
        .ifPresent(
            v ->
                settings.put(
                    Pooler.VERSION,
                    new Pooler.Setting(
                        Pooler.VERSION,
                        v,
                        s.position(),
                        Optional.of("the tag of image " + image + " (" + s.position() + ")"))));
    return new Pooler(
        Pooler.Kind.COMPOSE, s.name(), s.position(), settings, read.databases(), read.problems());
  }

  /** Defaults said as what the entrypoint does: it writes no key whose variable is unset. */
  private static Pooler byVariables(Pooler pooler, Map<String, String> variables) {
    Map<String, Pooler.Setting> settings = new LinkedHashMap<>(pooler.settings());
    for (Map.Entry<String, String> v : variables.entrySet()) {
      Pooler.Setting s = settings.get(v.getKey());
      if (s != null && s.by().isPresent()) {
        settings.put(
            v.getKey(),
            new Pooler.Setting(
                s.name(),
                s.value(),
                s.position(),
                Optional.of(
                    "PgBouncer's default ("
                        + v.getValue()
                        + " is not set, so the image's entrypoint writes no "
                        + v.getKey()
                        + ")")));
      }
    }
    return new Pooler(
        pooler.kind(),
        pooler.name(),
        pooler.position(),
        settings,
        pooler.databases(),
        pooler.problems());
  }

  private static Optional<Flavour> flavour(ComposeProject.Service s) {
    String image = s.image().orElse("").toLowerCase(Locale.ROOT);
    int digest = image.indexOf('@');
    if (digest >= 0) {
      image = image.substring(0, digest);
    }
    int colon = image.lastIndexOf(':');
    if (colon > image.lastIndexOf('/')) {
      image = image.substring(0, colon);
    }
    if (image.equals("edoburu/pgbouncer") || image.endsWith("/edoburu/pgbouncer")) {
      return Optional.of(Flavour.EDOBURU);
    }
    if (image.matches("(.*/)?bitnami(legacy)?/pgbouncer")) {
      return Optional.of(Flavour.BITNAMI);
    }
    return image.substring(image.lastIndexOf('/') + 1).equals("pgbouncer")
        ? Optional.of(Flavour.OTHER)
        : Optional.empty();
  }

  private static boolean iniMount(ComposeProject.Mount m) {
    return m.target().endsWith("/pgbouncer.ini")
        || m.source().getFileName() != null
            && m.source().getFileName().toString().equals("pgbouncer.ini");
  }

  /**
   * The mounted file PgBouncer reads: the one its command line names, else the one at the image's
   * config path (through a mounted file or folder), else a file mounted as pgbouncer.ini; only a
   * file of the tree counts.
   */
  private static Optional<ComposeProject.Mount> iniMountOf(
      ComposeProject.Service s, Flavour flavour) {
    List<String> targets = new ArrayList<>();
    List<Arg> args = new ArrayList<>(s.entrypoint());
    args.addAll(s.command());
    for (int i = args.size() - 1; i >= 0; i--) {
      if (args.get(i).text().endsWith(".ini")) {
        targets.add(args.get(i).text());
        break;
      }
    }
    targets.add(CONFIG_PATH.get(flavour));
    s.mounts().stream().filter(ComposePgBouncers::iniMount).forEach(m -> targets.add(m.target()));
    for (String target : targets) {
      Optional<ComposeProject.Mount> best = Optional.empty();
      for (ComposeProject.Mount m : s.mounts()) {
        String t =
            m.target().endsWith("/")
                ? m.target().substring(0, m.target().length() - 1)
                : m.target();
        if ((target.equals(t) || target.startsWith(t + "/"))
            && (best.isEmpty() || t.length() > best.get().target().length())) {
          best = Optional.of(m);
        }
      }
      if (best.isPresent()) {
        String t = best.get().target().replaceAll("/+$", "");
        Path file =
            target.equals(t)
                ? best.get().source()
                : best.get().source().resolve(target.substring(t.length() + 1));
        if (Files.isRegularFile(file)) {
          return Optional.of(new ComposeProject.Mount(file, target, best.get().position()));
        }
      }
    }
    return Optional.empty();
  }
}
