package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spring service's datasources: Spring Boot's own (HikariCP, or the Tomcat JDBC or DBCP2 pool
 * {@code spring.datasource.type} selects) and those the application defines itself under a prefix
 * poolguard.yaml declares.
 */
final class SpringDataSources {

  private final SpringInput input;
  private final List<SpringDoc> docsInFileOrder;

  SpringDataSources(SpringInput input, List<SpringDoc> docsInFileOrder) {
    this.input = input;
    this.docsInFileOrder = docsInFileOrder;
  }

  /** The datasources of one profile variant, looked up in {@code lookup}. */
  List<DataSource> of(PropertyLookup lookup, SourcePosition serviceAnchor) {
    List<DataSource> dataSources = new ArrayList<>();
    if (lookup.anyUnder("spring.datasource")) {
      dataSources.addAll(mainDataSources(lookup, serviceAnchor));
    }
    for (ExtraDataSource extra : input.extra()) {
      dataSources.add(
          HikariDataSource.of(
              lookup,
              extra.name(),
              extra.prefix(),
              anchor(List.of(extra.prefix()), extra.declaredAt()),
              input.hikariMajor(),
              ExtraDataSources.switchedOff(extra, lookup),
              extra.prefix().endsWith(".hikari") || extra.prefix().endsWith(".configuration")));
    }
    return dataSources;
  }

  /**
   * Spring Boot's own datasource: HikariCP, or the Tomcat JDBC or DBCP2 pool that {@code
   * spring.datasource.type} selects (then HikariCP settings, when written, stay as an inert pool
   * named {@code hikari} so that they are reported).
   */
  private List<DataSource> mainDataSources(PropertyLookup lookup, SourcePosition serviceAnchor) {
    Optional<PoolKind> other = OtherPools.selected(lookup);
    if (other.isEmpty()) {
      return List.of(
          HikariDataSource.of(
              lookup,
              anchor(List.of(SpringResolver.HIKARI_PREFIX, "spring.datasource"), serviceAnchor),
              input.hikariMajor()));
    }
    List<DataSource> out = new ArrayList<>();
    out.add(
        OtherPools.of(
            lookup,
            other.get(),
            anchor(List.of(OtherPools.prefix(other.get()), "spring.datasource"), serviceAnchor)));
    if (lookup.anyUnder(SpringResolver.HIKARI_PREFIX)) {
      out.add(
          HikariDataSource.of(
              lookup,
              "hikari",
              SpringResolver.HIKARI_PREFIX,
              anchor(List.of(SpringResolver.HIKARI_PREFIX), serviceAnchor),
              input.hikariMajor(),
              HikariDataSource.inert(lookup),
              true));
    }
    return out;
  }

  /** Where pool settings belong: the first of {@code targets} found in the main file. */
  private SourcePosition anchor(List<String> targets, SourcePosition fallback) {
    for (String target : targets) {
      for (SpringDoc doc : docsInFileOrder) {
        if (doc.file().profile().isPresent()) {
          continue;
        }
        for (ConfigNode node : doc.file().file().documents()) {
          Optional<SourcePosition> found =
              HikariDataSource.keyPosition(node, "", SpringNames.uniform(target));
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    return fallback;
  }
}
