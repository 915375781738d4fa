package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.DatabaseLinks;
import dev.poolguard.core.capacity.PoolerBudget;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Transaction pooling on a PgBouncer that does not carry prepared statements across server
 * connections, under the PostgreSQL JDBC driver's server-side prepared statements.
 */
public final class PoolerPreparedStatementsUnsupported implements Rule {

  /** The PostgreSQL JDBC driver's default {@code prepareThreshold}. */
  static final int DRIVER_DEFAULT_THRESHOLD = 5;

  static final RuleInfo INFO =
      RuleInfo.builder("pooler-prepared-statements-unsupported")
          .title("Server-side prepared statements through a transaction pooler that drops them")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "The PostgreSQL JDBC driver turns a statement into a named server-side prepared"
                  + " statement once it has run prepareThreshold times (default 5; 0 never). In"
                  + " transaction or statement pooling PgBouncer hands each transaction to any"
                  + " server connection, and before 1.21 it did not track protocol-level prepared"
                  + " statements, so the next transaction fails with 'prepared statement \"S_1\""
                  + " does not exist'. PgBouncer 1.21 added max_prepared_statements, which makes"
                  + " them work when above 0; its default is 0 in 1.21 to 1.23 and 200 from 1.24."
                  + " Without pooler.version in poolguard.yaml, poolguard takes a CloudNativePG"
                  + " Pooler's or a PgBouncer compose service's image tag, else CloudNativePG's"
                  + " default image (PgBouncer 1.25) for a Pooler, and assumes any other PgBouncer"
                  + " older than 1.21 unless it sets max_prepared_statements (a setting older"
                  + " versions refuse to load). A prepareThreshold argument in the JDBC URL that"
                  + " ties a service to its database counts over the datasource properties, as the"
                  + " driver takes the URL's arguments over the properties the pool hands it.")
          .remediation(
              "Set prepareThreshold=0 in the datasource properties (Spring:"
                  + " spring.datasource.hikari.data-source-properties.prepareThreshold: 0) or in"
                  + " the JDBC URL (?prepareThreshold=0), or run"
                  + " PgBouncer 1.21+ with max_prepared_statements above 0 and say so with"
                  + " pooler.version, or use session pooling.")
          .example(
              "# pgbouncer.ini; orders-api connects through it with the driver's default"
                  + " prepareThreshold\n"
                  + "[pgbouncer]\n"
                  + "pool_mode = transaction\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (PoolerBudget budget : context.capacity().poolers()) {
      Pooler pooler = budget.pooler();
      Optional<String> mode = transactionMode(pooler);
      Optional<String> unsupported = unsupported(pooler);
      if (mode.isEmpty() || unsupported.isEmpty()) {
        continue;
      }
      for (DatabaseBudget.Member m : budget.members()) {
        DataSource ds = m.dataSource();
        Optional<PoolSetting> threshold = threshold(ds);
        // The driver takes the URL's arguments over the properties the pool passes (parseURL).
        Optional<DatabaseServer.Setting> inUrl =
            DatabaseLinks.urlPrepareThreshold(context.model(), m);
        int value =
            inUrl
                .map(u -> parse(u.value()))
                .or(() -> threshold.map(t -> parse(t.value().text())))
                .orElse(Optional.of(DRIVER_DEFAULT_THRESHOLD))
                .orElse(DRIVER_DEFAULT_THRESHOLD);
        if (value == 0) {
          continue;
        }
        SourcePosition at =
            inUrl
                .map(DatabaseServer.Setting::position)
                .or(() -> threshold.map(t -> t.value().origin().position()))
                .or(
                    () ->
                        DatabaseLinks.client(context.model(), m)
                            .filter(c -> c.via().equals("JDBC URL"))
                            .map(DatabaseServer.Client::position))
                .orElse(ds.anchor());
        Pooler.Setting poolMode = pooler.setting("pool_mode").orElseThrow();
        List<Related> related = new ArrayList<>();
        related.add(new Related(poolMode.position(), "pool_mode " + poolMode.value()));
        pooler
            .setting(Pooler.VERSION)
            .ifPresent(v -> related.add(new Related(v.position(), "PgBouncer " + v.value())));
        pooler
            .setting("max_prepared_statements")
            .ifPresent(
                v ->
                    related.add(new Related(v.position(), "max_prepared_statements " + v.value())));
        out.add(
            Violation.at(
                    at,
                    m.service().name()
                        + " uses the PostgreSQL JDBC driver's server-side prepared statements"
                        + " (prepareThreshold "
                        + value
                        + (inUrl.isPresent()
                            ? " in its JDBC URL"
                            : threshold.isEmpty() ? ", the driver's default" : "")
                        + ") through "
                        + PoolerText.label(budget)
                        + " in "
                        + mode.get()
                        + " pooling, "
                        + unsupported.get()
                        + ": a transaction on another server connection fails with 'prepared"
                        + " statement \"S_1\" does not exist'")
                .withService(m.service().name(), m.service().profileLabel())
                .withSubject("pooler/" + budget.database())
                .withRelated(related)
                .withRemediation(INFO.remediation()));
      }
    }
    return out;
  }

  /** "transaction" or "statement" when any entry (or the pooler) pools that way. */
  private static Optional<String> transactionMode(Pooler pooler) {
    List<String> modes =
        pooler.databases().isEmpty()
            ? List.of(pooler.setting("pool_mode").map(Pooler.Setting::value).orElse("session"))
            : pooler.databases().stream().map(pooler::poolMode).toList();
    return modes.stream().filter(m -> !m.equals("session")).findFirst();
  }

  /** Why this PgBouncer does not keep prepared statements, or empty when it does. */
  static Optional<String> unsupported(Pooler pooler) {
    Optional<Pooler.Setting> version = pooler.setting(Pooler.VERSION);
    Optional<Pooler.Setting> max = pooler.setting("max_prepared_statements");
    if (version.isPresent()) {
      Optional<Boolean> recent =
          dev.poolguard.core.model.pooler.PgBouncerVersion.atLeast(version.get().value(), 1, 21);
      if (recent.isPresent() && !recent.get()) {
        return Optional.of(
            "and PgBouncer "
                + version.get().value()
                + " predates 1.21, the first to keep prepared statements");
      }
      if (max.isPresent()) {
        return max.get().number() > 0
            ? Optional.empty()
            : Optional.of("and its max_prepared_statements is " + max.get().describe());
      }
      boolean from124 =
          dev.poolguard.core.model.pooler.PgBouncerVersion.atLeast(version.get().value(), 1, 24)
              .orElse(true);
      return from124
          ? Optional.empty()
          : Optional.of(
              "and PgBouncer "
                  + version.get().value()
                  + " leaves max_prepared_statements at its default 0 (200 only from 1.24)");
    }
    if (max.isPresent()) {
      return max.get().number() > 0
          ? Optional.empty()
          : Optional.of("and its max_prepared_statements is " + max.get().describe());
    }
    if (pooler.kind() == Pooler.Kind.CLOUDNATIVEPG) {
      return Optional.empty(); // CloudNativePG's default image runs PgBouncer 1.25
    }
    return Optional.of(
        "whose version poolguard does not know: it assumes one older than 1.21 since "
            + pooler.name()
            + " does not set max_prepared_statements"
            + (pooler.kind() == Pooler.Kind.COMPOSE
                ? " (pin the image to a version tag)"
                : " (set pooler.version in poolguard.yaml)"));
  }

  /** The datasource's {@code prepareThreshold} property, when set. */
  private static Optional<PoolSetting> threshold(DataSource ds) {
    return ds.settings().stream()
        .filter(
            s -> {
              String key = s.key().toLowerCase(Locale.ROOT);
              return (key.startsWith("data-source-properties.")
                      || key.startsWith("additional-jdbc-properties."))
                  && key.endsWith(".preparethreshold");
            })
        .filter(s -> s.value().isKnown())
        .findFirst();
  }

  private static Optional<Integer> parse(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
