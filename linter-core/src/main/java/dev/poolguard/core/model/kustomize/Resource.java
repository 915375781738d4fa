package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.MapNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a build: its document, every name it had (so that references and patches written
 * against an earlier name still find it) and whether a generator asked for a content hash suffix.
 */
final class Resource {
  MapNode doc;
  final Set<String> names = new TreeSet<>();
  boolean hashed;

  Resource(MapNode doc, boolean hashed) {
    this.doc = doc;
    this.hashed = hashed;
    names.add(name());
  }

  String kind() {
    return Nodes.text(doc, "kind").orElse("");
  }

  String apiVersion() {
    return Nodes.text(doc, "apiVersion").orElse("");
  }

  String name() {
    return Nodes.text(doc, "metadata", "name").orElse("");
  }

  String namespace() {
    return Nodes.text(doc, "metadata", "namespace").orElse("");
  }

  boolean named(String name) {
    return names.contains(name);
  }

  /**
   * Places the object's name at {@code at}: a rendered workload is named by the overlay that
   * renders it, so that {@code deployment:} and {@code init} name the overlay, not a base file.
   */
  void anchor(dev.poolguard.core.config.SourcePosition at) {
    MapNode meta = doc.map("metadata").orElseThrow();
    doc = Nodes.with(doc, "metadata", Nodes.with(meta, "name", Nodes.scalar(name(), at)));
  }

  void rename(String newName) {
    MapNode meta = doc.map("metadata").orElseThrow();
    var at = meta.get("name").orElseThrow().position();
    doc = Nodes.with(doc, "metadata", Nodes.with(meta, "name", Nodes.scalar(newName, at)));
    names.add(newName);
  }
}
