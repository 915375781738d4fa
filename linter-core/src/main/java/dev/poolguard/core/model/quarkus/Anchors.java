package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Optional;

/** Where a datasource's settings belong: the first key that writes under a prefix. */
final class Anchors {

  private Anchors() {}

  /**
   * The key position of the first target (most specific first) that a file writes, the main file
   * (the first) searched first; else {@code fallback}.
   */
  static SourcePosition find(
      List<ConfigFile> files, List<String> targets, SourcePosition fallback) {
    for (String target : targets) {
      for (ConfigFile file : files) {
        boolean flat = file.format() == ConfigFile.Format.PROPERTIES;
        for (ConfigNode document : file.documents()) {
          Optional<SourcePosition> found = keyPosition(document, "", target, flat);
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    return fallback;
  }

  private static Optional<SourcePosition> keyPosition(
      ConfigNode node, String path, String target, boolean flat) {
    if (!(node instanceof MapNode map)) {
      return Optional.empty();
    }
    for (MapNode.Entry entry : map.entries()) {
      if (!flat && Documents.isNullKey(entry.key())) {
        continue;
      }
      String key = entry.key().value();
      String segment = !flat && key.indexOf('.') >= 0 ? "\"" + key + "\"" : key;
      String written = path.isEmpty() ? segment : path + "." + segment;
      boolean profileOnly = written.startsWith("%") && written.indexOf('.') < 0;
      String base = PropertyNames.canonical(PropertyNames.profiled(written).base());
      if (!profileOnly && (base.equals(target) || base.startsWith(target + "."))) {
        return Optional.of(entry.key().position());
      }
      if (!flat && (profileOnly || target.startsWith(base + "."))) {
        Optional<SourcePosition> inner = keyPosition(entry.value(), written, target, false);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
