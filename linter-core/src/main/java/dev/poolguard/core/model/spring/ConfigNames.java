package dev.poolguard.core.model.spring;

import dev.poolguard.core.model.ExternalSetting;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code spring.config.name}: the names Spring Boot looks for in each config location instead of
 * {@code application}. {@code StandardConfigDataLocationResolver} binds it before any config file
 * is read, so only the deployment's arguments, {@code -D} options and environment ({@code
 * SPRING_CONFIG_NAME}) can set it; several names are comma-separated and a later name's file beats
 * an earlier one's in the same location.
 */
public final class ConfigNames {

  private static final String PROPERTY = "spring.config.name";
  private static final String VARIABLE = "SPRING_CONFIG_NAME";

  private ConfigNames() {}

  /** The names the deployment sets, if it sets any other than {@code application}. */
  public static Optional<List<String>> of(
      List<ExternalSetting> arguments,
      List<ExternalSetting> systemProperties,
      List<ExternalSetting> environment) {
    Optional<String> value =
        last(arguments, PROPERTY)
            .or(() -> last(systemProperties, PROPERTY))
            .or(
                () ->
                    environment.stream()
                        .filter(
                            v ->
                                v.name().equalsIgnoreCase(VARIABLE)
                                    || v.name().equalsIgnoreCase(PROPERTY))
                        .reduce((a, b) -> b)
                        .flatMap(ExternalSetting::text));
    List<String> names =
        value.stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .toList();
    return names.isEmpty() || names.equals(List.of("application"))
        ? Optional.empty()
        : Optional.of(names);
  }

  /** The names of {@code external}, if they are not just {@code application}. */
  public static Optional<List<String>> of(ExternalSources external) {
    return of(external.arguments(), external.systemProperties(), external.environment());
  }

  /** The place of the config name a file is read under in {@code names}, if it is one. */
  public static Optional<Integer> rankOf(String fileName, List<String> names) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (SpringFile.named(names.get(i)).matcher(fileName).matches()) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> last(List<ExternalSetting> settings, String name) {
    return settings.stream()
        .filter(s -> s.name().equals(name))
        .reduce((a, b) -> b)
        .flatMap(ExternalSetting::text);
  }
}
