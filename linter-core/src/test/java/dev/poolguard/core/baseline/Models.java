package dev.poolguard.core.baseline;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.util.List;
import java.util.Optional;

/** Hand-built models for the baseline tests. */
final class Models {

  static final String HIKARI = "spring.datasource.hikari";

  private Models() {}

  static SourcePosition at(String path, int line, int column) {
    return new SourcePosition(path, line, column);
  }

  static Origin file(String path, int line, String key, String text) {
    return new Origin(Origin.Kind.FILE, at(path, line, 5), HIKARI + "." + key, text);
  }

  static Origin defaultAt(String path) {
    return new Origin(Origin.Kind.DEFAULT, at(path, 2, 3), "", "");
  }

  /** A value set in {@code path} at {@code line}. */
  static PoolSetting set(String key, String text, String path, int line) {
    return new PoolSetting(
        key, HIKARI + "." + key, Value.set(text, file(path, line, key, text), List.of()), true);
  }

  static PoolSetting byDefault(String key, String text, String path) {
    return new PoolSetting(
        key, HIKARI + "." + key, Value.defaultValue(text, defaultAt(path)), true);
  }

  static DataSource hikari(String name, String path, PoolSetting... settings) {
    return new DataSource(
        name, PoolKind.HIKARI, HIKARI, List.of(settings), Optional.empty(), at(path, 2, 3), 7);
  }

  static Service spring(String name, List<String> profiles, String path, DataSource... sources) {
    return new Service(
        name,
        Framework.SPRING,
        profiles,
        "poolguard.yaml",
        List.of(path),
        List.of(sources),
        at(path, 1, 1));
  }

  static DeploymentModel model(Service... services) {
    return new DeploymentModel(List.of(services), List.of());
  }
}
