package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.EnvFromSource;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.HttpProbe;
import dev.poolguard.core.model.workload.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one entry of a pod template's {@code containers}. */
final class ContainerReader {

  private ContainerReader() {}

  static Container read(Fields c) {
    Optional<ScalarNode> name = c.scalar("name");
    if (name.isEmpty()) {
      c.notes().add(c.position(), c.context() + " has no name");
    }
    return new Container(
        name.map(ScalarNode::value).orElse(""),
        env(c),
        envFrom(c),
        args(c, "command"),
        args(c, "args"),
        mounts(c),
        name.map(ScalarNode::position).orElse(c.position()),
        c.map("livenessProbe")
            .flatMap(p -> p.map("httpGet"))
            .flatMap(h -> h.scalar("path"))
            .map(path -> new HttpProbe(path.value(), path.position())));
  }

  private static List<EnvVar> env(Fields c) {
    List<EnvVar> out = new ArrayList<>();
    for (Fields e : c.mapList("env")) {
      Optional<ScalarNode> name = e.scalar("name");
      if (name.isEmpty()) {
        e.notes().add(e.position(), e.context() + " has no name; ignored");
        continue;
      }
      source(e, name.get())
          .ifPresent(s -> out.add(new EnvVar(name.get().value(), s, name.get().position())));
    }
    return out;
  }

  private static Optional<EnvSource> source(Fields e, ScalarNode name) {
    Optional<ScalarNode> value = e.scalar("value");
    Optional<Fields> from = e.map("valueFrom");
    if (value.isPresent() && !value.get().value().isEmpty()) {
      if (from.isPresent()) {
        // The API server rejects both; the kubelet would use the value.
        e.notes()
            .add(
                from.get().position(),
                "env " + name.value() + " has both value and valueFrom; Kubernetes rejects it");
      }
      return Optional.of(new EnvSource.Literal(value.get().value(), value.get().position()));
    }
    if (from.isEmpty()) {
      SourcePosition at = value.map(ScalarNode::position).orElse(name.position());
      return Optional.of(new EnvSource.Literal("", at));
    }
    return valueFrom(from.get(), name.value());
  }

  private static Optional<EnvSource> valueFrom(Fields from, String var) {
    Optional<Fields> cm = from.map("configMapKeyRef");
    if (cm.isPresent()) {
      return keyRef(cm.get(), var, true);
    }
    Optional<Fields> secret = from.map("secretKeyRef");
    if (secret.isPresent()) {
      return keyRef(secret.get(), var, false);
    }
    Optional<Fields> field = from.map("fieldRef");
    if (field.isPresent()) {
      String path = field.get().text("fieldPath").orElse("");
      return Optional.of(new EnvSource.FieldRef(path, field.get().position()));
    }
    Optional<Fields> resource = from.map("resourceFieldRef");
    if (resource.isPresent()) {
      String name = resource.get().text("resource").orElse("");
      return Optional.of(new EnvSource.ResourceFieldRef(name, resource.get().position()));
    }
    if (!from.node().entries().isEmpty()) {
      String kind = from.node().entries().get(0).key().value();
      return Optional.of(new EnvSource.Other(kind, from.position()));
    }
    from.notes().add(from.position(), "env " + var + " has an empty valueFrom; ignored");
    return Optional.empty();
  }

  private static Optional<EnvSource> keyRef(Fields ref, String var, boolean configMap) {
    Optional<String> name = ref.text("name");
    Optional<String> key = ref.text("key");
    if (name.isEmpty() || key.isEmpty()) {
      ref.notes()
          .add(
              ref.position(), "env " + var + ": " + ref.context() + " needs name and key; ignored");
      return Optional.empty();
    }
    boolean optional = ref.flag("optional");
    return Optional.of(
        configMap
            ? new EnvSource.ConfigMapKey(name.get(), key.get(), optional, ref.position())
            : new EnvSource.SecretKey(name.get(), key.get(), optional, ref.position()));
  }

  private static List<EnvFromSource> envFrom(Fields c) {
    List<EnvFromSource> out = new ArrayList<>();
    for (Fields e : c.mapList("envFrom")) {
      String prefix = e.text("prefix").orElse("");
      Optional<Fields> cm = e.map("configMapRef");
      Optional<Fields> secret = e.map("secretRef");
      Optional<Fields> ref = cm.isPresent() ? cm : secret;
      Optional<String> name = ref.flatMap(r -> r.text("name"));
      if (name.isEmpty()) {
        e.notes()
            .add(
                e.position(),
                e.context() + " needs configMapRef or secretRef with a name; ignored");
        continue;
      }
      EnvFromSource.Source source =
          cm.isPresent() ? EnvFromSource.Source.CONFIG_MAP : EnvFromSource.Source.SECRET;
      out.add(
          new EnvFromSource(source, name.get(), ref.get().flag("optional"), prefix, e.position()));
    }
    return out;
  }

  private static List<Arg> args(Fields c, String key) {
    List<Arg> out = new ArrayList<>();
    for (ConfigNode item : c.list(key)) {
      if (item instanceof ScalarNode s) {
        out.add(new Arg(s.value(), s.position()));
      } else {
        c.notes()
            .add(
                item.position(),
                c.context()
                    + "."
                    + key
                    + " item is "
                    + Fields.shape(item)
                    + ", expected a string; ignored");
      }
    }
    return out;
  }

  private static List<VolumeMount> mounts(Fields c) {
    List<VolumeMount> out = new ArrayList<>();
    for (Fields m : c.mapList("volumeMounts")) {
      Optional<String> name = m.text("name");
      Optional<String> path = m.text("mountPath");
      if (name.isEmpty() || path.isEmpty()) {
        m.notes().add(m.position(), m.context() + " needs name and mountPath; ignored");
        continue;
      }
      out.add(
          new VolumeMount(
              name.get(), path.get(), m.text("subPath").filter(s -> !s.isEmpty()), m.position()));
    }
    return out;
  }
}
