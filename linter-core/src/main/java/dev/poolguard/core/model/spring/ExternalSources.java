package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.ExternalSetting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The property sources a deployment adds above the config files, in Spring's precedence order:
 * command-line arguments, {@code SPRING_APPLICATION_JSON}, Java system properties, environment.
 *
 * @param arguments {@code --key=value} arguments, in order (a later one wins)
 * @param applicationJson {@code SPRING_APPLICATION_JSON} parsed, with positions in the manifest
 * @param systemProperties {@code -Dkey=value}, in order (a later one wins)
 * @param environment the container's environment variables
 * @param onKubernetes whether the service runs on Kubernetes ({@code on-cloud-platform})
 */
public record ExternalSources(
    List<ExternalSetting> arguments,
    Optional<ConfigFile> applicationJson,
    List<ExternalSetting> systemProperties,
    List<ExternalSetting> environment,
    boolean onKubernetes) {

  public static final ExternalSources NONE =
      new ExternalSources(List.of(), Optional.empty(), List.of(), List.of(), false);

  public ExternalSources {
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(applicationJson, "applicationJson");
    systemProperties = List.copyOf(systemProperties);
    environment = List.copyOf(environment);
  }
}
