package dev.poolguard.rules.support;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Shared plumbing for rules that judge pool settings: iteration and well-formed violations. */
public final class Settings {

  private Settings() {}

  /** A datasource together with the service it belongs to. */
  public record Pool(Service service, DataSource dataSource) {

    public Optional<PoolSetting> setting(String key) {
      return dataSource.setting(key);
    }

    /** The full property name of a setting, as users write it. */
    public String property(String key) {
      return dataSource.prefix() + "." + key;
    }

    /** A violation at the setting's origin (for a default: where the setting belongs). */
    public Violation at(PoolSetting setting, String message) {
      List<Related> related = new ArrayList<>();
      setting
          .value()
          .overridden()
          .forEach(
              o ->
                  related.add(
                      new Related(
                          o.position(),
                          "overridden value " + Redaction.redact(setting, o, o.text()))));
      setting
          .value()
          .via()
          .forEach(
              o -> related.add(new Related(o.position(), "placeholder value from " + source(o))));
      return Violation.at(setting.value().origin().position(), message)
          .withService(service.name(), service.profileLabel())
          .withSubject(dataSource.name() + "/" + setting.key())
          .withRelated(related);
    }
  }

  /** "env DB_POOL_MAX", "-Dpool.max", "--pool.max", or the property in a file. */
  public static String source(Origin o) {
    return switch (o.kind()) {
      case ENV -> "env " + o.property();
      case SYSTEM_PROPERTY -> "-D" + o.property();
      case ARGUMENT -> "--" + o.property();
      case APPLICATION_JSON -> "SPRING_APPLICATION_JSON " + o.property();
      default -> o.property();
    };
  }

  /** Every datasource of every service that uses {@code kind}. */
  public static List<Pool> pools(LintContext context, PoolKind kind) {
    List<Pool> pools = new ArrayList<>();
    for (Service service : context.model().services()) {
      for (DataSource ds : service.dataSources()) {
        if (ds.pool() == kind) {
          pools.add(new Pool(service, ds));
        }
      }
    }
    return pools;
  }

  /** Runs {@code check} over every pool of {@code kind} and collects what it reports. */
  public static List<Violation> each(
      LintContext context, PoolKind kind, BiConsumer<Pool, List<Violation>> check) {
    List<Violation> out = new ArrayList<>();
    for (Pool pool : pools(context, kind)) {
      check.accept(pool, out);
    }
    return out;
  }
}
