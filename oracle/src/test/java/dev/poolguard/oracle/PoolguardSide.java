package dev.poolguard.oracle;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** poolguard's answer: the effective model, as {@code poolguard model} builds it. */
final class PoolguardSide {

  private PoolguardSide() {}

  static DeploymentModel model(Path dir) {
    return new Linter(RuleSet.of(List.of())).model(LintRequest.of(dir, List.of(dir)));
  }

  /**
   * The pool of a service's main Hikari datasource: the configured values poolguard resolved, put
   * through its model of HikariCP's setters and {@code validate()}; empty when a value is unknown
   * before deployment (a secret, an unresolved placeholder) so there is nothing to compare.
   */
  static Optional<PoolAnswer> answer(DeploymentModel model, Service service) {
    return answer(model.diagnostics(), service);
  }

  /** The answer for a service resolved outside a model, with the diagnostics that go with it. */
  static Optional<PoolAnswer> answer(List<Diagnostic> diagnostics, Service service) {
    Optional<Diagnostic> refused =
        diagnostics.stream()
            .filter(
                d ->
                    d.kind() == Diagnostic.Kind.STARTUP_FAILS
                        && d.service().equals(service.name())
                        && d.profile().equals(service.profileLabel()))
            .findFirst();
    if (refused.isPresent()) {
      return Optional.of(PoolAnswer.fails(refused.get().message(), profiles(service)));
    }
    Optional<DataSource> hikari =
        service.dataSources().stream()
            .filter(d -> d.pool() == PoolKind.HIKARI && d.prefix().equals(RealSpring.PREFIX))
            .findFirst();
    if (hikari.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> configured = new LinkedHashMap<>();
    for (String key : HikariBehaviour.KEYS) {
      Optional<Value> value = hikari.get().value(key);
      if (value.isEmpty() || value.get().isDefault()) {
        continue;
      }
      if (!value.get().isKnown()) {
        return Optional.empty();
      }
      OptionalLong number = value.get().asLong();
      if (number.isEmpty()) {
        return Optional.of(
            PoolAnswer.fails(key + "=" + value.get().text() + " does not bind", profiles(service)));
      }
      configured.put(key, number.getAsLong());
    }
    HikariBehaviour.Outcome outcome =
        HikariBehaviour.evaluate(configured, HikariProperties.NEWEST_MAJOR);
    if (outcome.startupFails()) {
      return Optional.of(PoolAnswer.fails(outcome.adjustments().toString(), profiles(service)));
    }
    return Optional.of(PoolAnswer.starts(profiles(service), outcome.effective()));
  }

  /**
   * The active profiles; poolguard names the no-profile case {@code default}, Spring lists none.
   */
  private static List<String> profiles(Service service) {
    return service.profiles().equals(List.of("default")) ? List.of() : service.profiles();
  }
}
