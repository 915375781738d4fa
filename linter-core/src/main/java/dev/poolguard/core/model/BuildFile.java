package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dependencies a service's build file declares ({@code pom.xml}, with the parents it inherits
 * from inside the repository, or {@code build.gradle[.kts]}), with the line of each: what decides
 * which libraries run beside the pool, for example whether its metrics reach a monitoring system.
 *
 * @param path the build file, as shown to users
 * @param dependenciesAt where a dependency is added: the {@code <dependencies>} or {@code
 *     dependencies {} line, else the start of the file
 * @param declared every dependency declared, in file order (a Gradle version-catalog alias {@code
 *     libs.micrometer.registry.prometheus} as artifact {@code micrometer-registry-prometheus}, group
 *     unknown)
 */
public record BuildFile(String path, SourcePosition dependenciesAt, List<Dependency> declared) {

  public BuildFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(dependenciesAt, "dependenciesAt");
    declared = List.copyOf(declared);
  }

  /**
   * One declared dependency.
   *
   * @param group the group id; empty when the build names it through a catalog alias
   * @param artifact the artifact id
   * @param position where it is declared
   */
  public record Dependency(String group, String artifact, SourcePosition position) {

    public Dependency {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(position, "position");
    }
  }

  /** The first dependency with this artifact id, whatever its group. */
  public Optional<Dependency> find(String artifact) {
    return declared.stream().filter(d -> d.artifact().equals(artifact)).findFirst();
  }

  /** The first dependency whose artifact id starts with {@code prefix}. */
  public Optional<Dependency> findStartingWith(String prefix) {
    return declared.stream().filter(d -> d.artifact().startsWith(prefix)).findFirst();
  }
}
