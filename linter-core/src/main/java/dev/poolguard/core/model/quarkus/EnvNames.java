package dev.poolguard.core.model.quarkus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Environment variables that name something no config file mentions: a datasource, or a key of the
 * {@code additional-jdbc-properties} map. SmallRye finds those by reading a variable back as a
 * dotted name ({@code StringUtil#toLowerCaseAndDotted}): a leading {@code _X_} is the profile
 * {@code x}, a double underscore opens and closes a quoted segment, every other underscore is a
 * dot. Only the forms that read back unambiguously are taken.
 */
final class EnvNames {

  private static final String ROOT = "QUARKUS_DATASOURCE_";
  private static final List<String> DECLARING =
      List.of(
          "DB_KIND",
          "DB_VERSION",
          "USERNAME",
          "PASSWORD",
          "CREDENTIALS_PROVIDER",
          "CREDENTIALS_PROVIDER_NAME",
          "JDBC");

  private EnvNames() {}

  /**
   * The datasource a variable declares: {@code default} for {@code QUARKUS_DATASOURCE_DB_KIND} or
   * {@code QUARKUS_DATASOURCE_JDBC_…}, {@code users} for {@code QUARKUS_DATASOURCE__USERS__…}; only
   * for a profile prefix of an active profile.
   */
  static Optional<String> dataSource(String variable, List<String> chain) {
    Optional<String> unprofiled = withoutProfile(variable, chain);
    if (unprofiled.isEmpty()) {
      return Optional.empty();
    }
    // SmallRye's replaceNonAlphanumericByUnderscores: a dotted variable reads like the plain one.
    String name = unprofiled.get().replaceAll("[^A-Za-z0-9_]", "_");
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.startsWith(ROOT + "_")) {
      String rest = name.substring(ROOT.length() + 1);
      int close = rest.indexOf("__");
      if (close > 0 && declares(rest.substring(close + 2))) {
        return Optional.of(rest.substring(0, close).toLowerCase(Locale.ROOT));
      }
      return Optional.empty();
    }
    if (upper.startsWith(ROOT) && declares(name.substring(ROOT.length()))) {
      return Optional.of(DataSourceNames.DEFAULT);
    }
    return Optional.empty();
  }

  /**
   * The key ({@code additional-jdbc-properties.sslmode}) a variable sets in the map of the
   * datasource whose jdbc prefix is {@code jdbc}; SmallRye reads the map key back in lower case.
   */
  static Optional<String> mapKey(Prop variable, String jdbc, List<String> chain) {
    String map = jdbc + ".additional-jdbc-properties";
    for (int i = -1; i < chain.size(); i++) {
      String form = PropertyNames.envForm(i < 0 ? map : "%" + chain.get(i) + "." + map);
      if (variable.envKey().startsWith(form + "_")) {
        return Optional.of(
            "additional-jdbc-properties."
                + variable.envKey().substring(form.length() + 1).toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> withoutProfile(String variable, List<String> chain) {
    if (variable.startsWith("%")) {
      return withoutProfile("_" + variable.substring(1).replaceFirst("\\.", "_"), chain);
    }
    if (!variable.startsWith("_")) {
      return Optional.of(variable);
    }
    int end = variable.indexOf('_', 1);
    if (end < 2 || !chain.contains(variable.substring(1, end).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(variable.substring(end + 1));
  }

  private static boolean declares(String rest) {
    String upper = rest.toUpperCase(Locale.ROOT);
    return DECLARING.stream().anyMatch(d -> upper.equals(d) || upper.startsWith(d + "_"));
  }
}
