package dev.poolguard.core.model.micronaut;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.ExternalSetting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Micronaut resolver needs for one service.
 *
 * @param name the service name from {@code poolguard.yaml} or discovery
 * @param nameFixed true when {@code poolguard.yaml} named the service ({@code
 *     micronaut.application.name} does not rename it then)
 * @param files its classpath config files ({@code application.yml}, {@code
 *     application-<env>.properties}, …); other names are not read
 * @param profileOverride {@code --profile}: the active environments, replacing every other source
 * @param configuredProfiles {@code profiles:} from {@code poolguard.yaml}, used when neither {@code
 *     -Dmicronaut.environments} nor {@code MICRONAUT_ENVIRONMENTS} names environments
 * @param arguments {@code --key=value} command-line arguments, in order
 * @param systemProperties {@code -Dkey=value}, in order
 * @param environment the container's environment variables
 * @param onKubernetes whether the service runs in a Kubernetes pod (Micronaut then deduces the
 *     {@code k8s} and {@code cloud} environments)
 * @param hikariMajor the HikariCP major version whose defaults apply
 */
public record MicronautInput(
    String name,
    boolean nameFixed,
    List<ConfigFile> files,
    Optional<List<String>> profileOverride,
    List<String> configuredProfiles,
    List<ExternalSetting> arguments,
    List<ExternalSetting> systemProperties,
    List<ExternalSetting> environment,
    boolean onKubernetes,
    int hikariMajor) {

  public MicronautInput {
    Objects.requireNonNull(name, "name");
    files = List.copyOf(files);
    Objects.requireNonNull(profileOverride, "profileOverride");
    configuredProfiles = List.copyOf(configuredProfiles);
    arguments = List.copyOf(arguments);
    systemProperties = List.copyOf(systemProperties);
    environment = List.copyOf(environment);
  }
}
