package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.ExternalSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Environment variables that look like an Agroal pool setting ({@code QUARKUS_DATASOURCE_…_JDBC_…})
 * but name no key Quarkus binds: SmallRye Config maps a variable back to a property only when a
 * property of that name exists ({@code EnvConfigSource}), so the variable is silently ignored.
 */
public final class EnvChecks {

  private static final String ROOT = "QUARKUS_DATASOURCE_";
  private static final String JDBC = "JDBC_";

  private EnvChecks() {}

  /** One diagnostic per variable that binds to nothing, with the key it probably meant. */
  public static List<Diagnostic> bindsNothing(
      List<ExternalSetting> environment, String service, String profile) {
    List<Diagnostic> out = new ArrayList<>();
    for (ExternalSetting v : environment) {
      Optional<String> rest = jdbcKey(v.name());
      if (rest.isEmpty() || binds(rest.get())) {
        continue;
      }
      String key = rest.get().toLowerCase(Locale.ROOT).replace('_', '-');
      Optional<String> suggestion =
          AgroalProperties.closest(key, 1).stream()
              .findFirst()
              .map(
                  k ->
                      v.name().substring(0, v.name().length() - rest.get().length())
                          + k.replaceAll("[^a-z0-9]", "_").toUpperCase(Locale.ROOT));
      out.add(
          new Diagnostic(
              Diagnostic.Kind.ENV_BINDS_NOTHING,
              service,
              profile,
              v.origin().position(),
              v.name(),
              v.name() + " binds to no Agroal property, so Quarkus ignores it",
              suggestion));
    }
    return out;
  }

  /** The part after {@code _JDBC_} of a datasource variable (profile prefix allowed), if any. */
  private static Optional<String> jdbcKey(String variable) {
    String name = variable.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (name.startsWith("_")) {
      int end = name.indexOf('_', 1);
      name = end < 0 ? "" : name.substring(end + 1);
    }
    if (!name.startsWith(ROOT)) {
      return Optional.empty();
    }
    int jdbc = name.indexOf("_" + JDBC, ROOT.length() - 1);
    if (jdbc < 0) {
      return Optional.empty();
    }
    String rest = name.substring(jdbc + 1 + JDBC.length());
    return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
  }

  private static boolean binds(String rest) {
    if (rest.startsWith("ADDITIONAL_JDBC_PROPERTIES_")) {
      return true;
    }
    for (AgroalProperty p : AgroalProperties.all()) {
      if (p.key().replaceAll("[^a-z0-9]", "_").toUpperCase(Locale.ROOT).equals(rest)) {
        return true;
      }
    }
    return false;
  }
}
