package dev.poolguard.core.project;

import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parsed and validated {@code poolguard.yaml}: services, capacity model and policy; {@link
 * #empty} for runs without one.
 *
 * @param file the file, absolute; empty when the run has none
 * @param displayPath the file as shown to users (empty when there is none)
 * @param baseDir the folder relative paths in the file are resolved against, absolute
 * @param baseline the default for {@code --baseline} as written: a path relative to {@code baseDir}
 *     or a git revision
 * @param services services by name, sorted
 * @param databases databases by name, sorted
 * @param concurrentRollouts how many services the connection budget assumes roll out at once
 * @param hikariVersion the HikariCP major version, when given (else: the newest)
 * @param exclude glob patterns of paths discovery skips, relative to {@code baseDir}, as written
 * @param limits resource limits: the file's, with defaults for the rest
 * @param rules rule settings by rule id, sorted
 * @param waivers waivers in file order
 * @param customRules the rules declared under {@code customRules:}, in file order
 * @param positions the key of every top-level setting given, by name
 * @param docsUrl the absolute base URL of the rule pages ({@code <base>/<rule-id>.md}) reports link
 *     to, when given
 * @param compose docker-compose projects named under {@code compose:}, each the files of one {@code
 *     docker compose -f a -f b} in merge order, absolute
 */
public record PoolguardConfig(
    Optional<Path> file,
    String displayPath,
    Path baseDir,
    Optional<String> baseline,
    SortedMap<String, ServiceConfig> services,
    SortedMap<String, DatabaseConfig> databases,
    ConcurrentRollouts concurrentRollouts,
    OptionalInt hikariVersion,
    List<String> exclude,
    Limits limits,
    SortedMap<String, RuleConfig> rules,
    List<Waiver> waivers,
    List<CustomRuleConfig> customRules,
    Map<String, SourcePosition> positions,
    Optional<String> docsUrl,
    List<List<Path>> compose) {

  /** A configuration that names no compose project. */
  public PoolguardConfig(
      Optional<Path> file,
      String displayPath,
      Path baseDir,
      Optional<String> baseline,
      SortedMap<String, ServiceConfig> services,
      SortedMap<String, DatabaseConfig> databases,
      ConcurrentRollouts concurrentRollouts,
      OptionalInt hikariVersion,
      List<String> exclude,
      Limits limits,
      SortedMap<String, RuleConfig> rules,
      List<Waiver> waivers,
      List<CustomRuleConfig> customRules,
      Map<String, SourcePosition> positions,
      Optional<String> docsUrl) {
    this(
        file,
        displayPath,
        baseDir,
        baseline,
        services,
        databases,
        concurrentRollouts,
        hikariVersion,
        exclude,
        limits,
        rules,
        waivers,
        customRules,
        positions,
        docsUrl,
        List.of());
  }

  public PoolguardConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(baseline, "baseline");
    services = Copies.sorted(services);
    databases = Copies.sorted(databases);
    Objects.requireNonNull(concurrentRollouts, "concurrentRollouts");
    Objects.requireNonNull(hikariVersion, "hikariVersion");
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(limits, "limits");
    rules = Copies.sorted(rules);
    waivers = List.copyOf(waivers);
    customRules = List.copyOf(customRules);
    positions = Copies.sorted(positions);
    Objects.requireNonNull(docsUrl, "docsUrl");
    compose = compose.stream().map(List::copyOf).toList();
  }

  /** The configuration of a run without {@code poolguard.yaml}: defaults, nothing declared. */
  public static PoolguardConfig empty(Path baseDir) {
    return new PoolguardConfig(
        Optional.empty(),
        "",
        baseDir.toAbsolutePath().normalize(),
        Optional.empty(),
        new TreeMap<>(),
        new TreeMap<>(),
        ConcurrentRollouts.ONE,
        OptionalInt.empty(),
        List.of(),
        Limits.DEFAULT,
        new TreeMap<>(),
        List.of(),
        List.of(),
        Map.of(),
        Optional.empty());
  }

  /** The same configuration with other rule settings ({@code --enable}, {@code --disable}). */
  public PoolguardConfig withRules(SortedMap<String, RuleConfig> settings) {
    return new PoolguardConfig(
        file,
        displayPath,
        baseDir,
        baseline,
        services,
        databases,
        concurrentRollouts,
        hikariVersion,
        exclude,
        limits,
        settings,
        waivers,
        customRules,
        positions,
        docsUrl,
        compose);
  }

  /** The same configuration without databases, for one that replaces them all. */
  public PoolguardConfig withoutDatabases() {
    return new PoolguardConfig(
        file,
        displayPath,
        baseDir,
        baseline,
        services,
        new TreeMap<>(),
        concurrentRollouts,
        hikariVersion,
        exclude,
        limits,
        rules,
        waivers,
        customRules,
        positions,
        docsUrl,
        compose);
  }

  /**
   * The same configuration with {@code more} databases beside the declared ones (a declared
   * database of the same name wins): the databases poolguard found itself, for the capacity
   * analysis.
   */
  public PoolguardConfig withFoundDatabases(List<DatabaseConfig> more) {
    TreeMap<String, DatabaseConfig> all = new TreeMap<>(databases);
    more.forEach(d -> all.putIfAbsent(d.name(), d));
    return new PoolguardConfig(
        file,
        displayPath,
        baseDir,
        baseline,
        services,
        all,
        concurrentRollouts,
        hikariVersion,
        exclude,
        limits,
        rules,
        waivers,
        customRules,
        positions,
        docsUrl,
        compose);
  }

  /** Where top-level setting {@code key} is written, when the file gives it. */
  public Optional<SourcePosition> positionOf(String key) {
    return Optional.ofNullable(positions.get(key));
  }
}
