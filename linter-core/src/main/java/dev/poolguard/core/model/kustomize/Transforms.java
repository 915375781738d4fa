package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in transformers after the patches: namespace, name prefix and suffix, common labels,
 * replica counts, images; and, once the build is done, hash suffixes and the references that follow
 * renamed ConfigMaps, Secrets and workloads.
 */
final class Transforms {

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "APIService",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration");
  private static final Set<String> SCALABLE =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  private Transforms() {}

  static void namespace(List<Resource> resources, ScalarNode namespace) {
    for (Resource r : resources) {
      if (!CLUSTER_SCOPED.contains(r.kind())) {
        r.doc = Nodes.edit(r.doc, List.of("metadata"), m -> Nodes.with(m, "namespace", namespace));
      }
    }
  }

  static void rename(List<Resource> resources, String prefix, String suffix) {
    for (Resource r : resources) {
      if (!r.kind().equals("Namespace") && !r.kind().equals("CustomResourceDefinition")) {
        r.rename(prefix + r.name() + suffix);
      }
    }
  }

  static void labels(List<Resource> resources, MapNode labels) {
    for (Resource r : resources) {
      r.doc = addLabels(r.doc, List.of("metadata", "labels"), labels);
      if (WORKLOADS.contains(r.kind())) {
        r.doc = addLabels(r.doc, List.of("spec", "selector", "matchLabels"), labels);
        r.doc = addLabels(r.doc, List.of("spec", "template", "metadata", "labels"), labels);
      } else if (r.kind().equals("Service")) {
        r.doc = addLabels(r.doc, List.of("spec", "selector"), labels);
      }
    }
  }

  private static MapNode addLabels(MapNode doc, List<String> path, MapNode labels) {
    return Nodes.edit(
        doc,
        path,
        m -> {
          MapNode out = m;
          for (MapNode.Entry e : labels.entries()) {
            out = Nodes.with(out, e.key().value(), e.value());
          }
          return out;
        });
  }

  static void replicas(List<Resource> resources, MapNode replica) {
    String name = replica.text("name").orElse("");
    replica
        .get("count")
        .ifPresent(
            count -> {
              for (Resource r : resources) {
                if (SCALABLE.contains(r.kind()) && r.named(name)) {
                  r.doc = Nodes.edit(r.doc, List.of("spec"), s -> Nodes.with(s, "replicas", count));
                }
              }
            });
  }

  static void images(List<Resource> resources, MapNode image) {
    String name = image.text("name").orElse("");
    for (Resource r : resources) {
      r.doc =
          Nodes.editExisting(
              r.doc, List.of("spec", "template", "spec"), spec -> podImages(spec, name, image));
      r.doc =
          Nodes.editExisting(
              r.doc,
              List.of("spec", "jobTemplate", "spec", "template", "spec"),
              spec -> podImages(spec, name, image));
    }
  }

  private static ConfigNode podImages(ConfigNode spec, String name, MapNode image) {
    if (!(spec instanceof MapNode pod)) {
      return spec;
    }
    MapNode out = pod;
    for (String list : List.of("containers", "initContainers")) {
      out =
          Nodes.editExisting(
              out, List.of(list), l -> Nodes.eachItem(l, c -> container(c, name, image)));
    }
    return out;
  }

  private static ConfigNode container(ConfigNode c, String name, MapNode image) {
    if (!(c instanceof MapNode m) || !(m.get("image").orElse(null) instanceof ScalarNode old)) {
      return c;
    }
    String ref = old.value();
    int at = ref.indexOf('@');
    int colon = ref.lastIndexOf(':');
    int slash = ref.lastIndexOf('/');
    int end = at >= 0 ? at : (colon > slash ? colon : ref.length());
    String repo = ref.substring(0, end);
    if (!repo.equals(name)) {
      return c;
    }
    String newRef =
        image.text("newName").orElse(repo)
            + image
                .text("digest")
                .map(d -> "@" + d)
                .or(() -> image.text("newTag").map(t -> ":" + t))
                .orElse(ref.substring(end));
    var position = image.get("newTag").or(() -> image.get("newName")).or(() -> image.get("digest"));
    return Nodes.with(
        m,
        "image",
        Nodes.scalar(newRef, position.map(ConfigNode::position).orElse(old.position())));
  }

  /** Hash suffixes, then every reference to a renamed object follows it. */
  static void finish(List<Resource> resources) {
    for (Resource r : resources) {
      if (r.hashed) {
        r.rename(r.name() + "-" + Hashes.suffix(r));
      }
    }
    Map<String, Map<String, String>> renamed = new java.util.HashMap<>();
    for (Resource r : resources) {
      for (String old : r.names) {
        renamed.computeIfAbsent(r.kind(), k -> new java.util.HashMap<>()).put(old, r.name());
      }
    }
    for (Resource r : resources) {
      r.doc = (MapNode) references(r.doc, renamed, "");
    }
  }

  private static ConfigNode references(
      ConfigNode node, Map<String, Map<String, String>> renamed, String parent) {
    if (node instanceof ListNode l) {
      return new ListNode(
          l.items().stream().map(i -> references(i, renamed, parent)).toList(), l.position());
    }
    if (!(node instanceof MapNode m)) {
      return node;
    }
    String kind =
        switch (parent) {
          case "configMapRef", "configMapKeyRef", "configMap" -> "ConfigMap";
          case "secretRef", "secretKeyRef", "secret" -> "Secret";
          case "scaleTargetRef" -> m.text("kind").orElse("");
          default -> "";
        };
    MapNode out = m;
    for (MapNode.Entry e : m.entries()) {
      String key = e.key().value();
      if (!kind.isEmpty()
          && (key.equals("name") || key.equals("secretName"))
          && e.value() instanceof ScalarNode s) {
        String to = renamed.getOrDefault(kind, Map.of()).get(s.value());
        if (to != null && !to.equals(s.value())) {
          out = Nodes.with(out, key, Nodes.scalar(to, s.position()));
        }
      } else if (!key.equals("metadata") || parent.equals("template")) {
        out = Nodes.with(out, key, references(e.value(), renamed, key));
      }
    }
    return out;
  }
}
