package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What decides whether a service's pool metrics reach a monitoring system: its build's dependencies
 * and the effective framework settings that expose or switch off metrics ({@code
 * management.endpoints.web.exposure.include}, {@code quarkus.datasource.metrics.enabled}, ...).
 *
 * @param build the build file beside the service's config, when there is one
 * @param settings the metrics settings the service's configuration gives, by property name
 */
public record Observability(Optional<BuildFile> build, SortedMap<String, Setting> settings) {

  /** Nothing known: no build file, no metrics setting. */
  public static final Observability UNKNOWN = new Observability(Optional.empty(), new TreeMap<>());

  public Observability {
    Objects.requireNonNull(build, "build");
    settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
  }

  /**
   * An effective setting.
   *
   * @param text its effective text, placeholders resolved
   * @param position where it is set
   */
  public record Setting(String text, SourcePosition position) {

    public Setting {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(position, "position");
    }

    /** Whether it switches something off: its text is {@code false}, in any case. */
    public boolean isFalse() {
      return text.strip().equalsIgnoreCase("false");
    }
  }

  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** Whether setting {@code name} is given and {@code false}. */
  public boolean isFalse(String name) {
    return setting(name).map(Setting::isFalse).orElse(false);
  }

  /** The same settings, with the build file found beside the service. */
  public Observability withBuild(Optional<BuildFile> file) {
    return new Observability(file, settings);
  }
}
