package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads ConfigMaps (data with positions) and Secrets (key names only). */
final class DataReader {

  private static final int DEFAULT_STEP = 2;

  private DataReader() {}

  static ConfigMap configMap(Fields doc, ObjectMeta meta, Optional<List<String>> lines) {
    List<ConfigMap.Entry> entries = new ArrayList<>();
    Optional<MapNode.Entry> dataKey =
        doc.node().entries().stream()
            .filter(e -> e.key().value().equals("data"))
            .reduce((a, b) -> b);
    Optional<Fields> data = doc.map("data");
    if (data.isPresent() && dataKey.isPresent()) {
      for (MapNode.Entry e : data.get().node().entries()) {
        ConfigNode value = e.value();
        if (!(value instanceof ScalarNode scalar)) {
          doc.notes()
              .add(
                  value.position(),
                  doc.context()
                      + " data."
                      + e.key().value()
                      + " is "
                      + Fields.shape(value)
                      + ", expected a string; ignored");
          continue;
        }
        int step = e.key().position().column() - dataKey.get().key().position().column();
        ContentStart.Result start =
            ContentStart.of(e.key(), scalar, step > 0 ? step : DEFAULT_STEP, lines);
        entries.add(
            new ConfigMap.Entry(
                e.key().value(), scalar, e.key().position(), start.start(), start.block()));
      }
    }
    return new ConfigMap(meta.name(), meta.namespace(), entries, meta.position());
  }

  /** The Secret's keys; its values are skipped here and never copied anywhere. */
  static Secret secret(Fields doc, ObjectMeta meta) {
    Map<String, Secret.Key> keys = new LinkedHashMap<>();
    for (String field : List.of("data", "stringData")) {
      doc.map(field)
          .ifPresent(
              m ->
                  m.node()
                      .entries()
                      .forEach(
                          e ->
                              keys.putIfAbsent(
                                  e.key().value(),
                                  new Secret.Key(e.key().value(), e.key().position()))));
    }
    return new Secret(meta.name(), meta.namespace(), List.copyOf(keys.values()), meta.position());
  }
}
