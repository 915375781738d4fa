package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.ExternalSetting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Quarkus resolver needs for one service.
 *
 * @param name the service name from {@code poolguard.yaml} or discovery
 * @param files its config files in precedence order, lowest first: classpath {@code
 *     application.properties} (ordinal 250), classpath {@code application.yaml} (255), {@code
 *     config/application.properties} (260), {@code config/application.yaml} (265); a profile-aware
 *     file ({@code application-staging.properties}) right after its main file
 * @param profileOverride {@code --profile}: replaces every other source of the active profile
 * @param configuredProfiles {@code profiles:} from {@code poolguard.yaml}; the first is used when
 *     nothing else names the profile
 * @param external the deployment's environment variables (kind ENV) and system properties (kind
 *     SYSTEM_PROPERTY); they beat every file, system properties (400) beating environment variables
 *     (300), and {@code QUARKUS_PROFILE} / {@code -Dquarkus.profile} among them name the profile
 */
public record QuarkusInput(
    String name,
    List<ConfigFile> files,
    Optional<String> profileOverride,
    List<String> configuredProfiles,
    List<ExternalSetting> external) {

  public QuarkusInput {
    Objects.requireNonNull(name, "name");
    files = List.copyOf(files);
    Objects.requireNonNull(profileOverride, "profileOverride");
    configuredProfiles = List.copyOf(configuredProfiles);
    external = List.copyOf(external);
  }
}
