package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a pod template's {@code volumes}: ConfigMap, Secret and projected sources in detail. */
final class VolumeReader {

  private VolumeReader() {}

  static List<Volume> read(Fields podSpec) {
    List<Volume> out = new ArrayList<>();
    for (Fields v : podSpec.mapList("volumes")) {
      Optional<String> name = v.text("name");
      if (name.isEmpty()) {
        v.notes().add(v.position(), v.context() + " has no name; ignored");
        continue;
      }
      String type =
          v.node().entries().stream()
              .map(e -> e.key().value())
              .filter(k -> !k.equals("name"))
              .findFirst()
              .orElse("");
      List<Volume.Projection> projections = new ArrayList<>();
      v.map("configMap")
          .flatMap(m -> projection(m, Volume.Source.CONFIG_MAP, "name"))
          .ifPresent(projections::add);
      // A secret volume names its Secret with secretName; a projected secret source with name.
      v.map("secret")
          .flatMap(m -> projection(m, Volume.Source.SECRET, "secretName"))
          .ifPresent(projections::add);
      v.map("projected").ifPresent(p -> projections.addAll(projected(p)));
      out.add(new Volume(name.get(), type, projections, v.position()));
    }
    return out;
  }

  private static List<Volume.Projection> projected(Fields projected) {
    List<Volume.Projection> out = new ArrayList<>();
    for (Fields source : projected.mapList("sources")) {
      source
          .map("configMap")
          .flatMap(m -> projection(m, Volume.Source.CONFIG_MAP, "name"))
          .ifPresent(out::add);
      source
          .map("secret")
          .flatMap(m -> projection(m, Volume.Source.SECRET, "name"))
          .ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Volume.Projection> projection(
      Fields f, Volume.Source source, String nameKey) {
    Optional<String> name = f.text(nameKey);
    if (name.isEmpty()) {
      f.notes().add(f.position(), f.context() + " has no " + nameKey + "; ignored");
      return Optional.empty();
    }
    List<Volume.Item> items = new ArrayList<>();
    for (Fields item : f.mapList("items")) {
      Optional<String> key = item.text("key");
      Optional<String> path = item.text("path");
      if (key.isPresent() && path.isPresent()) {
        items.add(new Volume.Item(key.get(), path.get().strip()));
      } else {
        item.notes().add(item.position(), item.context() + " needs key and path; ignored");
      }
    }
    return Optional.of(
        new Volume.Projection(source, name.get(), items, f.flag("optional"), f.position()));
  }
}
