package dev.poolguard.core.model.quarkus;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which datasource a {@code quarkus.datasource.*} name belongs to. The default datasource is the
 * map's unnamed key ({@code @WithUnnamedKey} in {@code DataSourcesJdbcRuntimeConfig}): its keys sit
 * directly under {@code quarkus.datasource}; a named one's under {@code quarkus.datasource.<name>}
 * or {@code quarkus.datasource."<name>"}.
 */
final class DataSourceNames {

  static final String ROOT = "quarkus.datasource";
  static final String DEFAULT = "default";

  /** First segments of a datasource's own keys (quarkus-datasource and quarkus-agroal configs). */
  private static final Set<String> PER_DATASOURCE =
      Set.of(
          "db-kind",
          "db-version",
          "username",
          "password",
          "credentials-provider",
          "credentials-provider-name",
          "jdbc",
          "reactive",
          "active",
          "devservices",
          "health-exclude");

  /**
   * Keys for every datasource at once, which name none ({@code quarkus.datasource.health.enabled}).
   */
  private static final Set<String> GLOBAL = Set.of("health", "metrics", "dev-ui");

  /**
   * Keys whose being set makes a JDBC datasource exist (a reactive-only one has no Agroal pool).
   */
  private static final Set<String> DECLARING =
      Set.of(
          "db-kind",
          "db-version",
          "username",
          "password",
          "credentials-provider",
          "credentials-provider-name",
          "jdbc");

  private DataSourceNames() {}

  /**
   * A name under {@code quarkus.datasource}.
   *
   * @param dataSource {@code default} or the datasource's name (unquoted)
   * @param tail the key below the datasource ({@code jdbc.max-size})
   */
  record Key(String dataSource, String tail) {

    boolean declares() {
      return DECLARING.contains(PropertyNames.segments(tail).get(0));
    }

    /** The key after {@code jdbc.}, for a pool setting. */
    Optional<String> jdbcKey() {
      return tail.startsWith("jdbc.") && tail.length() > 5
          ? Optional.of(tail.substring(5))
          : Optional.empty();
    }
  }

  static Optional<Key> parse(String canonicalBase) {
    if (!canonicalBase.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String rest = canonicalBase.substring(ROOT.length() + 1);
    List<String> segments = PropertyNames.segments(rest);
    String first = segments.get(0);
    if (PER_DATASOURCE.contains(first)) {
      return Optional.of(new Key(DEFAULT, rest));
    }
    if (GLOBAL.contains(first) || segments.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new Key(PropertyNames.unquoted(first), rest.substring(first.length() + 1)));
  }

  /** The prefix of a datasource's keys: {@code quarkus.datasource} or {@code …."name"}. */
  static String root(String dataSource, boolean quoted) {
    if (dataSource.equals(DEFAULT)) {
      return ROOT;
    }
    return ROOT + "." + (quoted ? "\"" + dataSource + "\"" : PropertyNames.segment(dataSource));
  }
}
