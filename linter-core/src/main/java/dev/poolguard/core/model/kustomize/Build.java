package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One render: kustomizations read recursively, in Kustomize's order of steps. */
final class Build {

  private static final Pattern REMOTE =
      Pattern.compile(
          "^(https?://|git@|ssh://|git::|github\\.com/|gitlab\\.com/|bitbucket\\.org/).*|.*\\?ref=.*|.*\\.git(//.*)?$");

  /** Why an overlay cannot be rendered, and where. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;
    private final boolean reported;

    Failure(String message, SourcePosition position) {
      this(message, position, false);
    }

    Failure(String message, SourcePosition position, boolean reported) {
      super(message);
      this.position = position;
      this.reported = reported;
    }

    /** True when the cause is a file that does not parse, which is a finding already. */
    boolean reported() {
      return reported;
    }

    Optional<SourcePosition> position() {
      return Optional.ofNullable(position);
    }
  }

  private final Kustomize.Inputs inputs;
  private final Set<Path> read = new TreeSet<>();
  private final List<String> notes = new ArrayList<>();
  private final Deque<Path> stack = new ArrayDeque<>();
  private int objects;

  Build(Kustomize.Inputs inputs) {
    this.inputs = inputs;
  }

  Set<Path> inputs() {
    return Set.copyOf(read);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  List<ConfigNode> top(Path dir) throws Failure {
    List<Resource> resources = new ArrayList<>();
    target(dir, resources, null);
    Transforms.finish(resources);
    SourcePosition overlay =
        SourcePosition.startOf(inputs.display(Kustomize.fileIn(dir).orElseThrow()));
    for (Resource r : resources) {
      if (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) {
        r.anchor(overlay);
      }
    }
    return resources.stream().map(r -> (ConfigNode) r.doc).toList();
  }

  /** A path beside a kustomization: inside the boundary, else refused. */
  Path local(Path dir, String relative, SourcePosition from) throws Failure {
    Path path = dir.resolve(relative).normalize();
    Optional<String> refusal = inputs.refusal(path);
    if (refusal.isPresent()) {
      throw new Failure(relative + ": " + refusal.get(), from);
    }
    read.add(path);
    return path;
  }

  /** Applies the kustomization of {@code dir} to {@code resources} (empty for a plain base). */
  private void target(Path dir, List<Resource> resources, SourcePosition from) throws Failure {
    Path file =
        Kustomize.fileIn(dir)
            .orElseThrow(
                () -> new Failure(inputs.display(dir) + " has no kustomization.yaml", from));
    if (stack.contains(dir)) {
      throw new Failure(
          "cycle: " + inputs.display(dir) + " includes itself through its resources", from);
    }
    if (stack.size() >= Kustomize.MAX_DEPTH) {
      throw new Failure("bases nested deeper than " + Kustomize.MAX_DEPTH, from);
    }
    stack.push(dir);
    read.add(file);
    ConfigFile loaded = inputs.load(file);
    if (!loaded.parsed()
        || loaded.documents().isEmpty()
        || !(loaded.documents().get(0) instanceof MapNode k)) {
      String why =
          loaded.problems().stream().map(LoadProblem::message).findFirst().orElse("not a mapping");
      throw new Failure(inputs.display(file) + ": " + why, from, !loaded.parsed());
    }
    unapplied(k);
    List<ScalarNode> entries = new ArrayList<>(Nodes.scalars(k, "bases"));
    entries.addAll(Nodes.scalars(k, "resources"));
    for (ScalarNode entry : entries) {
      resource(dir, entry, resources);
    }
    for (ScalarNode component : Nodes.scalars(k, "components")) {
      if (remote(component)) {
        continue;
      }
      target(local(dir, component.value(), component.position()), resources, component.position());
    }
    new Generators(inputs, dir).run(k, resources, this);
    Patches patches = new Patches(inputs, dir, this);
    for (ConfigNode p : Nodes.items(k, "patchesStrategicMerge")) {
      patches.strategic(p, Optional.empty(), resources);
    }
    for (ConfigNode p : Nodes.items(k, "patches")) {
      if (p instanceof MapNode patch) {
        patches.patch(patch, resources);
      }
    }
    k.get("namespace")
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .filter(n -> !n.isNull())
        .ifPresent(n -> Transforms.namespace(resources, n));
    String prefix = k.text("namePrefix").orElse("");
    String suffix = k.text("nameSuffix").orElse("");
    if (!prefix.isEmpty() || !suffix.isEmpty()) {
      Transforms.rename(resources, prefix, suffix);
    }
    k.map("commonLabels").ifPresent(l -> Transforms.labels(resources, l));
    for (ConfigNode p : Nodes.items(k, "patchesJson6902")) {
      if (p instanceof MapNode patch) {
        patches.patch(patch, resources);
      }
    }
    for (ConfigNode r : Nodes.items(k, "replicas")) {
      if (r instanceof MapNode replica) {
        Transforms.replicas(resources, replica);
      }
    }
    for (ConfigNode i : Nodes.items(k, "images")) {
      if (i instanceof MapNode image) {
        Transforms.images(resources, image);
      }
    }
    stack.pop();
  }

  /** The kustomization fields this build applies; any other is named in a note, not ignored. */
  private static final Set<String> APPLIED =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "bases",
          "resources",
          "components",
          "configMapGenerator",
          "secretGenerator",
          "generatorOptions",
          "patches",
          "patchesStrategicMerge",
          "patchesJson6902",
          "namespace",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "replicas",
          "images");

  private void unapplied(MapNode k) {
    for (MapNode.Entry e : k.entries()) {
      String field = e.key().value();
      if (!APPLIED.contains(field)) {
        notes.add(
            e.key().position()
                + ": kustomization field "
                + field
                + " is not applied by poolguard; the overlay is rendered without it (compare with"
                + " kubectl kustomize if it changes a workload)");
      }
    }
  }

  private boolean remote(ScalarNode entry) {
    if (REMOTE.matcher(entry.value()).matches()) {
      notes.add(
          entry.position()
              + ": remote resource "
              + entry.value()
              + " is not fetched; the overlay is rendered without it");
      return true;
    }
    return false;
  }

  private void resource(Path dir, ScalarNode entry, List<Resource> resources) throws Failure {
    if (remote(entry)) {
      return;
    }
    Path path = local(dir, entry.value(), entry.position());
    if (Files.isDirectory(path)) {
      List<Resource> base = new ArrayList<>();
      target(path, base, entry.position());
      add(resources, base, entry.position());
    } else if (Files.isRegularFile(path)) {
      ConfigFile file = inputs.load(path);
      if (!file.parsed()) {
        throw new Failure(
            file.problems().get(0).message(), file.problems().get(0).position(), true);
      }
      List<Resource> docs = new ArrayList<>();
      for (ConfigNode doc : file.documents()) {
        if (doc instanceof MapNode m && m.text("kind").filter("List"::equals).isPresent()) {
          Nodes.items(m, "items").stream()
              .filter(MapNode.class::isInstance)
              .forEach(i -> docs.add(new Resource((MapNode) i, false)));
        } else if (doc instanceof MapNode m) {
          docs.add(new Resource(m, false));
        }
      }
      add(resources, docs, entry.position());
    } else {
      throw new Failure("resource " + entry.value() + " does not exist", entry.position());
    }
  }

  private void add(List<Resource> into, List<Resource> more, SourcePosition at) throws Failure {
    objects += more.size();
    if (objects > Kustomize.MAX_RESOURCES) {
      throw new Failure("more than " + Kustomize.MAX_RESOURCES + " objects", at);
    }
    into.addAll(more);
  }

  /** Patch text written inline in a kustomization, loaded with the kustomization's positions. */
  ConfigFile inline(ScalarNode text, Path kustomizationDir) {
    SourcePosition at = text.position();
    int indent = 0;
    int lineOffset = at.line() - 1;
    Optional<String> source = Kustomize.fileIn(kustomizationDir).flatMap(inputs::text);
    if (source.isPresent()) {
      List<String> lines = source.get().lines().toList();
      String first = at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
      String rest = at.column() <= first.length() ? first.substring(at.column() - 1) : "";
      if (rest.startsWith("|") || rest.startsWith(">")) {
        lineOffset = at.line();
        for (int i = at.line(); i < lines.size(); i++) {
          if (!lines.get(i).isBlank()) {
            indent = lines.get(i).length() - lines.get(i).stripLeading().length();
            break;
          }
        }
      }
    }
    return ConfigLoader.loadText(
        text.value(), at.path(), ConfigFile.Format.YAML, lineOffset, indent, Limits.DEFAULT);
  }

  static boolean isList(ConfigFile file) {
    return file.documents().size() == 1 && file.documents().get(0) instanceof ListNode;
  }
}
