package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the Spring resolver needs for one service.
 *
 * @param name the service name from {@code poolguard.yaml} or discovery
 * @param nameFixed true when {@code poolguard.yaml} named the service ({@code
 *     spring.application.name} does not rename it then)
 * @param files its config files with their locations
 * @param configuredProfiles {@code profiles:} from {@code poolguard.yaml}
 * @param profileOverride {@code --profile}: replaces every other source of active profiles
 * @param hikariMajor the HikariCP major version whose defaults apply
 * @param loader loads a file named by {@code spring.config.import}
 * @param external what the deployment sets above the config files
 * @param extra datasources the application defines itself, as poolguard.yaml declares them
 */
public record SpringInput(
    String name,
    boolean nameFixed,
    List<SpringFile> files,
    List<String> configuredProfiles,
    Optional<List<String>> profileOverride,
    int hikariMajor,
    Function<Path, Optional<ConfigFile>> loader,
    ExternalSources external,
    List<ExtraDataSource> extra) {

  public SpringInput {
    extra = List.copyOf(extra);
    Objects.requireNonNull(name, "name");
    files = List.copyOf(files);
    configuredProfiles = List.copyOf(configuredProfiles);
    Objects.requireNonNull(profileOverride, "profileOverride");
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(external, "external");
  }

  /** Input for a service without datasources of its own making. */
  public SpringInput(
      String name,
      boolean nameFixed,
      List<SpringFile> files,
      List<String> configuredProfiles,
      Optional<List<String>> profileOverride,
      int hikariMajor,
      Function<Path, Optional<ConfigFile>> loader,
      ExternalSources external) {
    this(
        name,
        nameFixed,
        files,
        configuredProfiles,
        profileOverride,
        hikariMajor,
        loader,
        external,
        List.of());
  }

  /** Input for a service known only from its config files. */
  public SpringInput(
      String name,
      boolean nameFixed,
      List<SpringFile> files,
      List<String> configuredProfiles,
      Optional<List<String>> profileOverride,
      int hikariMajor,
      Function<Path, Optional<ConfigFile>> loader) {
    this(
        name,
        nameFixed,
        files,
        configuredProfiles,
        profileOverride,
        hikariMajor,
        loader,
        ExternalSources.NONE);
  }
}
