package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code configMapGenerator} and {@code secretGenerator}: literals, files and env files become data
 * whose values point at the line that wrote them; {@code behavior: merge|replace} edits an object
 * the resources already hold.
 */
final class Generators {

  private final Kustomize.Inputs inputs;
  private final Path dir;

  Generators(Kustomize.Inputs inputs, Path dir) {
    this.inputs = inputs;
    this.dir = dir;
  }

  void run(MapNode kustomization, List<Resource> resources, Build build) throws Build.Failure {
    boolean hashDefault =
        !Nodes.text(kustomization, "generatorOptions", "disableNameSuffixHash")
            .filter("true"::equals)
            .isPresent();
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      for (ConfigNode item : Nodes.items(kustomization, field)) {
        if (item instanceof MapNode g) {
          generate(g, field.startsWith("secret"), hashDefault, resources, build);
        }
      }
    }
  }

  private void generate(
      MapNode g, boolean secret, boolean hashDefault, List<Resource> resources, Build build)
      throws Build.Failure {
    String kind = secret ? "Secret" : "ConfigMap";
    ScalarNode nameNode =
        g.get("name")
            .filter(ScalarNode.class::isInstance)
            .map(ScalarNode.class::cast)
            .orElseThrow(() -> new Build.Failure(kind + " generator without name", g.position()));
    List<MapNode.Entry> data = new ArrayList<>();
    for (ScalarNode literal : Nodes.scalars(g, "literals")) {
      int eq = literal.value().indexOf('=');
      if (eq <= 0) {
        throw new Build.Failure("a literal is not KEY=VALUE", literal.position());
      }
      put(
          data,
          literal.value().substring(0, eq),
          literal.value().substring(eq + 1),
          literal.position(),
          secret);
    }
    for (ScalarNode file : Nodes.scalars(g, "files")) {
      int eq = file.value().indexOf('=');
      String rel = eq > 0 ? file.value().substring(eq + 1) : file.value();
      Path path = build.local(dir, rel, file.position());
      String text = read(path, file);
      String key = eq > 0 ? file.value().substring(0, eq) : path.getFileName().toString();
      put(data, key, text, SourcePosition.startOf(inputs.display(path)), secret);
    }
    List<ScalarNode> envs = new ArrayList<>(Nodes.scalars(g, "envs"));
    g.get("env")
        .filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast)
        .ifPresent(envs::add);
    for (ScalarNode env : envs) {
      Path path = build.local(dir, env.value(), env.position());
      String[] lines = read(path, env).split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        int eq = line.indexOf('=');
        if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
          continue;
        }
        put(
            data,
            line.substring(0, eq),
            line.substring(eq + 1),
            new SourcePosition(inputs.display(path), i + 1, 1),
            secret);
      }
    }
    SourcePosition at = nameNode.position();
    MapNode meta = new MapNode(List.of(new MapNode.Entry(Nodes.scalar("name", at), nameNode)), at);
    Optional<String> namespace = g.text("namespace");
    if (namespace.isPresent()) {
      meta = Nodes.with(meta, "namespace", g.get("namespace").get());
    }
    MapNode doc =
        new MapNode(
            List.of(
                new MapNode.Entry(Nodes.scalar("apiVersion", at), Nodes.scalar("v1", at)),
                new MapNode.Entry(Nodes.scalar("kind", at), Nodes.scalar(kind, at)),
                new MapNode.Entry(Nodes.scalar("metadata", at), meta)),
            at);
    if (secret) {
      doc = Nodes.with(doc, "type", g.get("type").orElse(Nodes.scalar("Opaque", at)));
    }
    doc = Nodes.with(doc, "data", new MapNode(data, at));
    boolean hash =
        Nodes.text(g, "options", "disableNameSuffixHash")
            .map(v -> !v.equals("true"))
            .orElse(hashDefault);
    String behavior = g.text("behavior").orElse("create");
    Optional<Resource> existing =
        resources.stream()
            .filter(r -> r.kind().equals(kind) && r.named(nameNode.value()))
            .filter(r -> namespace.isEmpty() || namespace.get().equals(r.namespace()))
            .findFirst();
    switch (behavior) {
      case "create" -> {
        if (existing.isPresent()) {
          throw new Build.Failure(
              kind + " " + nameNode.value() + " is generated twice; use behavior: merge or replace",
              at);
        }
        resources.add(new Resource(doc, hash));
      }
      case "merge", "replace" -> {
        Resource r =
            existing.orElseThrow(
                () ->
                    new Build.Failure(
                        "behavior: "
                            + behavior
                            + " but no "
                            + kind
                            + " "
                            + nameNode.value()
                            + " to "
                            + behavior,
                        at));
        MapNode old = r.doc.map("data").orElse(new MapNode(List.of(), at));
        MapNode merged = old;
        if (behavior.equals("replace")) {
          merged = new MapNode(List.of(), old.position());
        }
        for (MapNode.Entry e : data) {
          merged = Nodes.with(merged, e.key().value(), e.value());
        }
        r.doc = Nodes.with(r.doc, "data", merged);
        r.hashed = r.hashed && hash;
      }
      default ->
          throw new Build.Failure(
              "unknown behavior '" + behavior + "'", g.get("behavior").get().position());
    }
  }

  private String read(Path path, ScalarNode from) throws Build.Failure {
    return inputs
        .text(path)
        .orElseThrow(
            () -> new Build.Failure("cannot read " + inputs.display(path), from.position()));
  }

  private static void put(
      List<MapNode.Entry> data, String key, String value, SourcePosition at, boolean secret) {
    String v =
        secret ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value;
    data.removeIf(e -> e.key().value().equals(key));
    data.add(new MapNode.Entry(Nodes.scalar(key, at), Nodes.scalar(v, at)));
  }
}
