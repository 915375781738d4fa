package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902}: a patch from a file
 * or written inline, applied to the objects its {@code target} selects or, for a strategic merge
 * patch without one, to the object of its own kind and name.
 */
final class Patches {

  private final Kustomize.Inputs inputs;
  private final Path dir;
  private final Build build;

  Patches(Kustomize.Inputs inputs, Path dir, Build build) {
    this.inputs = inputs;
    this.dir = dir;
    this.build = build;
  }

  /** An entry of {@code patches} or {@code patchesJson6902}. */
  void patch(MapNode entry, List<Resource> resources) throws Build.Failure {
    Optional<MapNode> target = entry.map("target");
    ConfigFile content = content(entry, entry.position());
    if (Build.isList(content)) {
      if (target.isEmpty()) {
        throw new Build.Failure("a JSON 6902 patch needs a target", entry.position());
      }
      ListNode ops = (ListNode) content.documents().get(0);
      int matched = 0;
      for (Resource r : resources) {
        if (selects(target.get(), r)) {
          matched++;
          for (ConfigNode op : ops.items()) {
            if (op instanceof MapNode o) {
              try {
                r.doc = (MapNode) JsonPatch.apply(r.doc, o);
              } catch (JsonPatch.Failure | ClassCastException e) {
                throw new Build.Failure(
                    "JSON patch on " + r.kind() + " " + r.name() + ": " + e.getMessage(),
                    o.position());
              }
            }
          }
        }
      }
      return;
    }
    for (ConfigNode doc : content.documents()) {
      smp(doc, target, resources, entry.position());
    }
  }

  /** An entry of {@code patchesStrategicMerge}: a path or the patch itself. */
  void strategic(ConfigNode entry, Optional<MapNode> target, List<Resource> resources)
      throws Build.Failure {
    if (!(entry instanceof ScalarNode s)) {
      return;
    }
    ConfigFile content =
        s.value().contains("\n") || s.value().contains(": ")
            ? build.inline(s, dir)
            : load(build.local(dir, s.value(), s.position()), s.position());
    for (ConfigNode doc : content.documents()) {
      smp(doc, target, resources, s.position());
    }
  }

  private ConfigFile content(MapNode entry, SourcePosition at) throws Build.Failure {
    Optional<ScalarNode> inline =
        entry.get("patch").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
    if (inline.isPresent()) {
      ConfigFile file = build.inline(inline.get(), dir);
      if (!file.parsed()) {
        throw new Build.Failure(
            file.problems().get(0).message(), file.problems().get(0).position());
      }
      return file;
    }
    ScalarNode path =
        entry
            .get("path")
            .filter(ScalarNode.class::isInstance)
            .map(ScalarNode.class::cast)
            .orElseThrow(() -> new Build.Failure("patch without path or patch", at));
    return load(build.local(dir, path.value(), path.position()), path.position());
  }

  private ConfigFile load(Path file, SourcePosition from) throws Build.Failure {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new Build.Failure("patch " + inputs.display(file) + " does not exist", from);
    }
    ConfigFile loaded = inputs.load(file);
    if (!loaded.parsed()) {
      throw new Build.Failure(
          loaded.problems().get(0).message(), loaded.problems().get(0).position(), true);
    }
    return loaded;
  }

  private void smp(
      ConfigNode doc, Optional<MapNode> target, List<Resource> resources, SourcePosition at)
      throws Build.Failure {
    if (!(doc instanceof MapNode patch)) {
      return;
    }
    boolean any = false;
    for (Resource r : List.copyOf(resources)) {
      boolean hit =
          target.isPresent()
              ? selects(target.get(), r)
              : r.kind().equals(patch.text("kind").orElse(""))
                  && r.named(Nodes.text(patch, "metadata", "name").orElse(""))
                  && Nodes.text(patch, "metadata", "namespace")
                      .map(n -> n.equals(r.namespace()))
                      .orElse(true);
      if (hit) {
        any = true;
        MapNode body =
            target.isPresent()
                ? Nodes.without(patch, "metadata")
                : Nodes.without(Nodes.without(patch, "metadata"), "kind");
        Optional<MapNode> patched = StrategicMerge.apply(r.doc, body);
        if (patched.isEmpty()) {
          resources.remove(r);
        } else {
          r.doc = patched.get();
        }
      }
    }
    if (!any && target.isEmpty()) {
      throw new Build.Failure(
          "patch for "
              + patch.text("kind").orElse("?")
              + " "
              + Nodes.text(patch, "metadata", "name").orElse("?")
              + " matches no resource",
          patch.position());
    }
  }

  private static boolean selects(MapNode target, Resource r) throws Build.Failure {
    String apiVersion = r.apiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    if (!matches(target, "group", group)
        || !matches(target, "version", version)
        || !matches(target, "kind", r.kind())
        || !matches(target, "namespace", r.namespace())) {
      return false;
    }
    Optional<String> name = target.text("name");
    if (name.isPresent() && r.names.stream().noneMatch(n -> regex(name.get(), n))) {
      return false;
    }
    Optional<String> labels = target.text("labelSelector");
    if (labels.isPresent()) {
      for (String term : labels.get().split(",")) {
        String[] kv = term.split("!?=", 2);
        boolean negate = term.contains("!=");
        Optional<String> value = Nodes.text(r.doc, "metadata", "labels", kv[0].strip());
        boolean equal =
            kv.length == 2 ? value.filter(kv[1].strip()::equals).isPresent() : value.isPresent();
        if (equal == negate) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matches(MapNode target, String field, String actual) {
    return target.text(field).map(want -> want.isEmpty() || regex(want, actual)).orElse(true);
  }

  private static boolean regex(String pattern, String actual) {
    try {
      return Pattern.compile("^(?:" + pattern + ")$").matcher(actual).matches();
    } catch (PatternSyntaxException e) {
      return pattern.equals(actual);
    }
  }
}
