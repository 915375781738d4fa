package dev.poolguard.rules.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.capacity.ConnectionLimit;
import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.kubernetes.Cluster;
import dev.poolguard.core.model.kubernetes.Manifests;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.EnvFromSource;
import dev.poolguard.core.model.workload.EnvVar;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.report.ModelReport;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world corpus ({@code shared/corpus/real}) linted as one tree with every rule, checked
 * against the {@code [core]} items of its {@code EXPECTATIONS.md}: one method per item, named after
 * it. The corpus is laid out once per class at its original paths and linted once; every method
 * reads that one result. A second, small run lints a {@code poolguard.yaml} that ties manifests to
 * the packaged config they run, for the items whose manifest and config do not match by name.
 *
 * <p>Skipped when the shared folder is absent, failing under {@code CI=true}.
 */
class CorpusTest {

  private static final String CORPUS = "corpus/real";

  /**
   * A hang guard, not a performance assertion: the run takes seconds, and only a loop or a
   * pathological input could take this long. Performance is measured in the JMH benchmarks.
   */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static final Linter LINTER = new Linter(RuleSet.load(CorpusTest.class.getClassLoader()));

  @TempDir static Path temp;

  private static Path corpus;
  private static Path tree;
  private static List<CorpusTree.Entry> entries;
  private static LintResult result;
  private static LintResult wired;
  private static Throwable failure;

  // Display paths (relative to the tree) of the files the items name.
  private static final String JHIPSTER = "jhipster__jhipster-sample-app/src/";
  private static final String JHIPSTER_YML = JHIPSTER + "main/resources/config/application.yml";
  private static final String JHIPSTER_PROD =
      JHIPSTER + "main/resources/config/application-prod.yml";
  private static final String JHIPSTER_TESTPROD =
      JHIPSTER + "test/resources/config/application-testprod.yml";
  private static final String DOLPHIN_MASTER =
      "apache__dolphinscheduler/dolphinscheduler-master/src/main/resources/application.yaml";
  private static final String FINERACT_PROPERTIES =
      "apache__fineract/fineract-provider/src/main/resources/application.properties";
  private static final String FINERACT_DEPLOYMENT =
      "apache__fineract/kubernetes/fineract-server-deployment.yml";
  private static final String HAPI =
      "hapifhir__hapi-fhir-jpaserver-starter/src/main/resources/application.yaml";
  private static final String PETCLINIC_CONFIG =
      "spring-petclinic__spring-petclinic-microservices-config/";
  private static final String NACOS_DEFAULT =
      "alibaba__nacos/sys/src/main/resources/META-INF/nacos-default.properties";
  private static final String NACOS_TORTURE =
      "alibaba__nacos/sys/src/test/resources/test-properties.properties";
  private static final String DEPENDENCY_TRACK = "DependencyTrack__dependency-track/";
  private static final String CONTEXT_PROPAGATION =
      "quarkusio__quarkus-quickstarts/context-propagation-quickstart/src/main/resources/application.properties";
  private static final String REST_VILLAINS =
      "quarkusio__quarkus-super-heroes/rest-villains/src/main/resources/application.properties";
  private static final String RINHA = "zanfranceschi__rinha-de-backend-2024-q1/participantes/";
  private static final String TB_YML =
      "thingsboard__thingsboard/application/src/main/resources/thingsboard.yml";
  private static final String KEYCLOAK = "keycloak__keycloak-quickstarts/kubernetes/keycloak.yaml";

  // The failure is kept so that each test fails with its cause, not all of them in @BeforeAll.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  @BeforeAll
  static void lintTheCorpusOnce() throws IOException {
    Optional<Path> found = SharedResources.locate(CORPUS);
    if (found.isEmpty()) {
      return; // each test skips in corpusIsPresent, where the reason is reported
    }
    corpus = found.get();
    tree = temp.resolve("corpus");
    entries = CorpusTree.layOut(corpus, tree);
    // A repository root marker: the poolguard.yaml lookup stops here and never reads the
    // temporary folder's ancestors.
    Files.createFile(temp.resolve(".git"));
    try {
      result =
          assertTimeoutPreemptively(
              HANG_GUARD, () -> LINTER.lint(LintRequest.of(tree, List.of(tree))));
      Path wiring = writeWiring(temp.resolve("wiring"));
      wired =
          assertTimeoutPreemptively(
              HANG_GUARD, () -> LINTER.lint(LintRequest.of(temp, List.of(wiring))));
    } catch (Throwable t) {
      failure = t;
    }
  }

  // An assumption here, not in @BeforeAll: Surefire reports each test skipped with the reason,
  // where a skipped class shows as "Tests run: 0" and no reason at all.
  @BeforeEach
  void corpusIsPresent() {
    assumeTrue(corpus != null, SharedResources.skipMessage(CORPUS));
  }

  /**
   * A {@code poolguard.yaml} that says what the corpus cannot: which packaged config a manifest
   * runs (item 7: Deployment fineract-server runs fineract-provider; item 28: tb-node runs
   * ThingsBoard's {@code thingsboard.yml}, read through {@code spring.config.name}), and a service
   * that reads nacos's defaults beside one pool key of its own (item 11).
   */
  private static Path writeWiring(Path wiring) throws IOException {
    Files.createDirectories(wiring.resolve("nacos"));
    Files.writeString(
        wiring.resolve("nacos/application.properties"),
        "spring.datasource.hikari.maximum-pool-size=30\n");
    Files.writeString(
        wiring.resolve("poolguard.yaml"),
        """
        version: 1
        services:
          fineract-server:
            config: ../corpus/apache__fineract/fineract-provider/src/main/resources
            deployment: ../corpus/apache__fineract/kubernetes/fineract-server-deployment.yml
          tb-node:
            config: ../corpus/thingsboard__thingsboard/application/src/main/resources/thingsboard.yml
            deployment:
              - ../corpus/thingsboard__thingsboard-ce-k8s/aws/microservices/tb-services.yml
              - ../corpus/thingsboard__thingsboard-ce-k8s/aws/microservices/tb-node-db-configmap.yml
          nacos:
            config:
              - ../corpus/alibaba__nacos/sys/src/main/resources/META-INF/nacos-default.properties
              - nacos/application.properties
        """);
    return wiring;
  }

  // ---- the whole run ---------------------------------------------------------------------------

  @Test
  void theCorpusIsLaidOutAtItsOriginalPaths() {
    assertThat(entries)
        .extracting(CorpusTree.Entry::savedFile)
        .as("every corpus file has a SOURCES.tsv row, and every row a file")
        .containsExactlyInAnyOrderElementsOf(CorpusTree.corpusFiles(corpus));
    assertThat(tree.resolve(JHIPSTER_YML)).isRegularFile();
    assertThat(tree.resolve(FINERACT_DEPLOYMENT)).isRegularFile();
  }

  @Test
  void theWholeCorpusLintsWithoutCrashOrHang() {
    assertThat(failure).as("lint of the corpus tree (exception or hang)").isNull();
    assertThat(result.filesRead()).isPositive();
    assertThat(result.model().services()).isNotEmpty();
    assertThat(wired.model().services())
        .extracting(Service::name)
        .contains("fineract-server", "tb-node", "nacos");
  }

  @Test
  void helmTemplatesAreSkippedWithANoteAndNeverReportedUnparseable() throws IOException {
    List<CorpusTree.Entry> templates =
        entries.stream().filter(e -> isYaml(e.path()) && isHelmTemplate(e)).toList();
    assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
    List<String> wrong = new ArrayList<>();
    for (CorpusTree.Entry entry : templates) {
      String template = entry.display();
      assertThat(Files.readString(entry.laidOut())).as(template).contains("{{");
      if (run().notes().stream().noneMatch(n -> n.startsWith("skipped " + template + ": Helm"))) {
        wrong.add("no skip note: " + template);
      }
      findingsAt(template).stream()
          .filter(f -> f.ruleId().equals("config-unparseable"))
          .forEach(f -> wrong.add("config-unparseable: " + f.position() + " " + f.message()));
    }
    assertThat(wrong).as("Helm templates read as config").isEmpty();
  }

  /** SPEC 3.1: Helm {@code values*.yaml} files are plain YAML, whatever their strings hold. */
  /**
   * Every PgBouncer configuration of the corpus (a {@code pgbouncer*.ini}, an {@code .ini} with a
   * {@code [pgbouncer]} section) and every CloudNativePG Pooler is noted with what it sets, since
   * no poolguard.yaml ties it to a database; none is silently dropped.
   */
  @Test
  void micronautGuidesAreMicronautServicesWithHikariDefaults() {
    // micronaut-guides: datasources.default with a URL placeholder and no pool size, and a
    // guide with both application.yml and application.properties in one folder.
    List<Service> micronaut =
        model().services().stream().filter(s -> s.framework() == Framework.MICRONAUT).toList();
    assertThat(micronaut)
        .extracting(Service::name)
        .containsExactlyInAnyOrder("complete", "micronautguide");
    for (Service s : micronaut) {
      DataSource ds =
          s.dataSources().stream()
              .filter(d -> d.name().equals("default"))
              .findFirst()
              .orElseThrow();
      assertThat(ds.pool()).isEqualTo(PoolKind.HIKARI);
      assertDefault(ds, "maximum-pool-size", "10");
    }
    assertThat(only(run(), "micronautguide").configFiles())
        .extracting(f -> f.substring(f.lastIndexOf('/') + 1))
        .containsExactly("application.properties", "application.yml");
  }

  @Test
  void poolersAreNotedWithWhatTheySet() {
    List<String> inis =
        entries.stream()
            .map(CorpusTree.Entry::display)
            .filter(p -> p.endsWith(".ini") && p.contains("pgbouncer"))
            .toList();
    assertThat(inis).hasSizeGreaterThanOrEqualTo(5);
    for (String ini : inis) {
      // An ini a PgBouncer compose service mounts is said at that service, with what it sets.
      String folder = ini.substring(0, ini.lastIndexOf('/') + 1);
      assertThat(result.unusedFiles())
          .as(ini)
          .anySatisfy(
              d ->
                  assertThat(
                          d.position().path().equals(ini)
                                  && d.message().startsWith("PgBouncer configuration (pool_mode ")
                              || d.position().path().startsWith(folder)
                                  && d.message().contains(" runs PgBouncer (pool_mode "))
                      .isTrue());
    }
    // marcospaulo-java's PgBouncer (network_mode host) connects to localhost, no compose service.
    assertThat(result.unusedFiles())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .contains(
                        "compose service pgbouncer runs PgBouncer (pool_mode session,"
                            + " max_client_conn 2, default_pool_size 20, 1 instance), but the host it"
                            + " connects to (localhost from ")
                    .contains("marcospaulo-java/pgbouncer.ini) is no database service"));
    assertThat(result.unusedFiles())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .startsWith("CloudNativePG Pooler pooler-example-rw (3 instances"));
  }

  @Test
  void helmValuesFilesAreNotTakenForTemplates() {
    List<String> values =
        entries.stream()
            .map(CorpusTree.Entry::display)
            .filter(p -> p.substring(p.lastIndexOf('/') + 1).matches("values.*\\.ya?ml"))
            .toList();
    assertThat(values).isNotEmpty();
    assertThat(values)
        .as("values files noted as Helm templates")
        .filteredOn(
            v -> run().notes().stream().anyMatch(n -> n.startsWith("skipped " + v + ": Helm")))
        .isEmpty();
  }

  @Test
  void noSecretValueOfTheCorpusIsPrinted() {
    SecretValues values = SecretValues.of(entries.stream().map(CorpusTree.Entry::laidOut).toList());
    List<String> secrets = List.copyOf(values.secrets());
    // Enough real secrets to mean something (the ConfigMap's YOUR_RDS_PASSWORD among them).
    assertThat(secrets).contains("YOUR_RDS_PASSWORD").hasSizeGreaterThanOrEqualTo(10);
    Map<String, String> outputs = new TreeMap<>();
    Map<String, LintResult> runs = new TreeMap<>(Map.of("corpus", run(), "wiring", wired));
    for (Map.Entry<String, LintResult> e : runs.entrySet()) {
      String run = e.getKey();
      LintResult r = e.getValue();
      outputs.put(run + " model text", ModelReport.text(r.model()));
      outputs.put(run + " model json", ModelReport.json(r.model()));
      outputs.put(run + " notes", String.join("\n", r.notes()));
      for (Finding f : r.findings()) {
        StringBuilder text = new StringBuilder();
        text.append(f.message()).append('\n').append(f.remediation()).append('\n');
        text.append(f.subject()).append('\n');
        f.related().stream().map(Related::label).forEach(l -> text.append(l).append('\n'));
        outputs.merge(run + " findings", text.toString(), String::concat);
      }
    }
    List<String> leaks = new ArrayList<>();
    outputs.forEach(
        (where, text) ->
            secrets.stream()
                .filter(s -> SecretValues.containsToken(text, s))
                .forEach(s -> leaks.add(where + ": " + s)));
    assertThat(leaks).as("secret values printed").isEmpty();
  }

  /** SPEC 3.3 treats {@code @…@} as an unresolved Maven filter token, not as a name. */
  @Test
  void aMavenFilterTokenIsNotAServiceName() {
    assertThat(variants(HAPI)).isNotEmpty();
    assertThat(run().model().services())
        .extracting(Service::name)
        .as("service names that are Maven filter tokens")
        .filteredOn(n -> n.matches(".*@[^@]+@.*"))
        .isEmpty();
  }

  /** Not an EXPECTATIONS item, but the same trap as item 8: a commented-out pool size. */
  @Test
  void conductorCommentedPoolSizeIsNotExtracted() {
    Service conductor =
        variant(
            "conductor-oss__conductor/server/src/main/resources/application.properties", "default");
    assertDefault(hikari(conductor), "maximum-pool-size", "10");
  }

  // ---- [core] items ----------------------------------------------------------------------------

  @Test
  void item02_jhipsterTestprodProfile() {
    Service testprod = variant(JHIPSTER_TESTPROD, "testprod");
    DataSource ds = hikari(testprod);
    assertSet(ds, "maximum-pool-size", "1");
    assertSet(ds, "auto-commit", "false");
    assertSet(ds, "pool-name", "Hikari");
    assertThat(setting(ds, "pool-name").property()).endsWith(".poolName");
    assertDefault(ds, "minimum-idle", "1");
  }

  @Test
  void item03_jhipsterProdProfile() {
    Service prod = variant(JHIPSTER_PROD, "prod");
    DataSource ds = hikari(prod);
    assertThat(ds.inert()).as("spring.datasource.type is HikariDataSource").isEmpty();
    assertSet(ds, "pool-name", "Hikari");
    assertThat(setting(ds, "pool-name").property()).endsWith(".poolName");
    assertSet(ds, "auto-commit", "false");
    assertDefault(ds, "maximum-pool-size", "10");
    MapNode prodDoc = single(load(JHIPSTER_PROD));
    assertThat(text(prodDoc, "spring", "datasource", "type"))
        .isEqualTo("com.zaxxer.hikari.HikariDataSource");
    assertThat(text(prodDoc, "spring", "datasource", "url"))
        .isEqualTo("jdbc:postgresql://localhost:5432/jhipsterSampleApplication");

    // application.yml: a negated profile, a Maven token for the active profiles, a profile group
    // and a comment-only document that must load without error.
    ConfigFile yml = load(JHIPSTER_YML);
    assertThat(yml.problems()).isEmpty();
    List<MapNode> docs = maps(yml);
    assertThat(docs).hasSize(2);
    assertThat(text(docs.get(0), "spring", "config", "activate", "on-profile"))
        .isEqualTo("!api-docs");
    assertThat(text(docs.get(1), "spring", "profiles", "active"))
        .isEqualTo("@spring.profiles.active@");
    assertThat(yml.documents())
        .filteredOn(d -> !(d instanceof MapNode))
        .allSatisfy(d -> assertThat(((ScalarNode) d).isNull()).isTrue());

    Service plain = variant(JHIPSTER_YML, "default");
    assertThat(plain.profileSource()).startsWith("default");
    assertThat(plain.dataSources())
        .as("no document of application.yml has pool settings")
        .isEmpty();
    assertThat(variants(JHIPSTER_YML))
        .flatExtracting(Service::profiles)
        .noneMatch(p -> p.contains("@"))
        .noneMatch(p -> p.startsWith("!"));
    // The dev what-if expands profiles.group.dev.
    assertThat(variants(JHIPSTER_YML))
        .extracting(Service::profiles)
        .contains(List.of("dev", "secret-samples", "api-docs"));
  }

  @Test
  void item05_dolphinschedulerMaster() {
    List<Service> all = variants(DOLPHIN_MASTER);
    assertThat(all).as("spring.profiles.active names the one variant").hasSize(1);
    Service master = all.get(0);
    assertThat(master.profiles()).containsExactly("postgresql");
    assertThat(master.profileSource()).contains(DOLPHIN_MASTER + ":19");
    DataSource ds = hikari(master);
    assertSet(ds, "pool-name", "DolphinScheduler");
    assertSet(ds, "connection-test-query", "select 1");
    assertDefault(ds, "maximum-pool-size", "10");
    assertThat(ds.inert()).isEmpty();

    ConfigFile file = load(DOLPHIN_MASTER);
    assertThat(file.problems()).isEmpty();
    MapNode spring = maps(file).get(0).map("spring").orElseThrow();
    // A dotted key inside the spring: map stays one key.
    assertThat(spring.text("cloud.discovery.client.composite-indicator.enabled")).contains("false");
    assertThat(text(spring, "quartz", "properties", "org.quartz.threadPool.threadCount"))
        .isEqualTo("25");
    MapNode mysql = maps(file).get(1);
    assertThat(text(mysql, "spring", "config", "activate", "on-profile")).isEqualTo("mysql");
    assertThat(text(mysql, "spring", "datasource", "url"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/dolphinscheduler");
    assertThat(node(mysql, "spring", "datasource").get("hikari")).as("no Hikari changes").isEmpty();
    assertThat(text(maps(file).get(0), "spring", "datasource", "url"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/dolphinscheduler");
  }

  @Test
  void item06_fineractPlaceholderDefaults() {
    Service fineract = variant(FINERACT_PROPERTIES, "default");
    DataSource ds = hikari(fineract);
    assertPlaceholder(ds, "maximum-pool-size", "FINERACT_HIKARI_MAXIMUM_POOL_SIZE", "10");
    assertPlaceholder(ds, "minimum-idle", "FINERACT_HIKARI_MINIMUM_IDLE", "3");
    assertPlaceholder(ds, "connection-timeout", "FINERACT_HIKARI_CONNECTION_TIMEOUT", "20000");
    assertPlaceholder(ds, "idle-timeout", "FINERACT_HIKARI_IDLE_TIMEOUT", "60000");
    assertPlaceholder(ds, "auto-commit", "FINERACT_HIKARI_AUTO_COMMIT", "true");
    assertPlaceholder(
        ds,
        "transaction-isolation",
        "FINERACT_HIKARI_TRANSACTION_ISOLATION",
        "TRANSACTION_REPEATABLE_READ");
    assertPlaceholder(
        ds,
        "jdbc-url",
        "FINERACT_HIKARI_JDBC_URL",
        "jdbc:mariadb://localhost:3306/fineract_tenants");
    // connectionTestquery (lower-case q) binds to connectionTestQuery; the default has a space.
    assertPlaceholder(ds, "connection-test-query", "FINERACT_HIKARI_TEST_QUERY", "SELECT 1");
    assertThat(setting(ds, "connection-test-query").property())
        .isEqualTo("spring.datasource.hikari.connectionTestquery");
    assertDefault(ds, "max-lifetime", "1800000");
    // Map-index keys do not break the parser; the entry keeps its key.
    assertThat(ds.settings())
        .filteredOn(s -> s.key().startsWith("data-source-properties"))
        .anySatisfy(
            s -> {
              assertThat(s.key()).contains("cachePrepStmts");
              assertThat(s.value().text()).isEqualTo("true");
            })
        .hasSize(12);
    assertThat(load(FINERACT_PROPERTIES).problems()).isEmpty();
    // Deferred: the .env half of this item (dotenv files are read later).
  }

  @Test
  void item07_fineractDeploymentRunsThePlaceholderDefault() {
    // The Deployment (fineract-server) and the module (fineract-provider) do not match by name:
    // poolguard.yaml ties them together in the wiring run.
    Service server = only(wired, "fineract-server");
    Workload workload = server.deployment().orElseThrow().workload();
    assertThat(workload.name()).isEqualTo("fineract-server");
    assertThat(workload.replicas().value()).isEqualTo(1);
    assertThat(workload.replicas().defaulted()).as("replicas absent").isTrue();
    DataSource ds = hikari(server);
    // No FINERACT_HIKARI_MAXIMUM_POOL_SIZE in the env: the placeholder default, 1 x 10.
    assertPlaceholder(ds, "maximum-pool-size", "FINERACT_HIKARI_MAXIMUM_POOL_SIZE", "10");
    // FINERACT_HIKARI_JDBC_URL in the env resolves the placeholder.
    assertThat(value(ds, "jdbc-url").text())
        .isEqualTo("jdbc:mariadb://fineractmysql:3306/fineract_tenants");
    // The env sets FINERACT_HIKARI_DRIVER_CLASS_NAME, but the placeholder reads
    // FINERACT_HIKARI_DRIVER_SOURCE_CLASS_NAME: the default applies (and happens to match).
    assertPlaceholder(
        ds,
        "driver-class-name",
        "FINERACT_HIKARI_DRIVER_SOURCE_CLASS_NAME",
        "org.mariadb.jdbc.Driver");
    // Credentials come from secretKeyRef: unknown, never printed.
    for (String key : List.of("username", "password")) {
      Value v = value(ds, key);
      assertThat(v.state()).as(key).isEqualTo(Value.State.UNKNOWN);
      assertThat(v.unknown().map(Value.Unknown::cause)).contains(Value.Unknown.Cause.SECRET);
    }
    Container app = workload.container(server.deployment().orElseThrow().container()).orElseThrow();
    assertThat(app.env())
        .extracting(EnvVar::name)
        .contains("FINERACT_DEFAULT_TENANTDB_PORT")
        .doesNotContain("FINERACT_HIKARI_MAXIMUM_POOL_SIZE");
  }

  @Test
  void item08_hapiFhirStarter() {
    Service hapi = variant(HAPI, "default");
    DataSource ds = hikari(hapi);
    assertSet(ds, "maximum-pool-size", "10");
    assertThat(value(ds, "maximum-pool-size").origin().position().line()).isEqualTo(116);
    // "# max-active: 15" is a comment.
    assertThat(ds.settings())
        .extracting(PoolSetting::property)
        .noneMatch(p -> p.toLowerCase(Locale.ROOT).replace("-", "").contains("maxactive"));
    MapNode datasource = node(maps(load(HAPI)).get(0), "spring", "datasource");
    assertThat(datasource.text("url")).contains("jdbc:h2:mem:test_mem");
    assertThat(datasource.get("password"))
        .hasValueSatisfying(
            p ->
                assertThat(((ScalarNode) p).isNull()).as("password: null is a YAML null").isTrue());
    assertThat(datasource.get("max-active")).isEmpty();
  }

  @Test
  void item09_petclinicMicroservicesConfig() {
    String application = PETCLINIC_CONFIG + "application.yml";
    assertThat(variants(application))
        .extracting(Service::profiles)
        .containsExactlyInAnyOrder(
            List.of("default"), List.of("chaos-monkey"), List.of("docker"), List.of("mysql"));
    assertDefault(hikari(variant(application, "mysql")), "maximum-pool-size", "10");

    ConfigFile file = load(application);
    assertThat(file.problems()).as("flattened and nested management: merge").isEmpty();
    assertThat(maps(file)).hasSize(4);
    MapNode first = maps(file).get(0);
    assertThat(first.text("management.security.enabled")).contains("false");
    assertThat(first.text("management.endpoints.web.exposure.include")).contains("*");
    assertThat(first.map("management")).isPresent();
    MapNode mysql = maps(file).get(3);
    assertThat(text(mysql, "spring", "config", "activate", "on-profile")).isEqualTo("mysql");
    assertThat(text(mysql, "spring", "datasource", "url"))
        .isEqualTo(
            "jdbc:mysql://localhost:3306/petclinic?allowPublicKeyRetrieval=true&useSSL=false");
    assertThat(text(mysql, "spring", "datasource", "username")).isEqualTo("root");
    assertThat(findingsAt(application)).isEmpty();

    for (String name : List.of("vets-service.yml", "customers-service.yml")) {
      ConfigFile service = load(PETCLINIC_CONFIG + name);
      assertThat(service.problems()).as(name).isEmpty();
      List<MapNode> docs = maps(service);
      assertThat(docs.get(0).entries().get(0).key().value()).doesNotStartWith("\uFEFF");
      assertThat(docs.get(0).entries().get(0).key().position().column()).isEqualTo(1);
      assertThat(text(docs.get(docs.size() - 2), "spring", "config", "activate", "on-profile"))
          .isEqualTo("default");
      assertThat(text(docs.get(docs.size() - 1), "spring", "config", "activate", "on-profile"))
          .isEqualTo("docker");
      assertThat(docs)
          .noneMatch(d -> d.map("spring").flatMap(s -> s.map("datasource")).isPresent());
      assertThat(findingsAt(PETCLINIC_CONFIG + name)).as(name).isEmpty();
    }
  }

  @Test
  void item11_nacosExcludesDataSourceAutoConfiguration() {
    MapNode doc = single(load(NACOS_DEFAULT));
    assertThat(doc.text("spring.autoconfigure.exclude"))
        .contains(
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration");
    // Nacos reads nacos-default.properties itself (not a Spring config file name), so the wiring
    // run names it; a pool key from another file of the same service is then inert.
    DataSource ds = hikari(only(wired, "nacos"));
    assertThat(ds.inert())
        .hasValueSatisfying(
            inert -> {
              assertThat(inert.reason()).contains("DataSourceAutoConfiguration");
              assertThat(inert.position().path()).endsWith("nacos-default.properties");
              // The logical line: its key (36) or its value, which starts on the next line.
              assertThat(inert.position().line()).isBetween(36, 38);
            });
    assertThat(wired.findings())
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("pool-settings-inert");
              assertThat(f.service()).contains("nacos");
            });
  }

  @Test
  void item12_nacosPropertiesTortureTest() {
    ConfigFile file = load(NACOS_TORTURE);
    // Not UTF-8 throughout: read as ISO-8859-1, as Spring does, with a note for --verbose.
    assertThat(file.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(LoadProblem.Kind.READ_AS_LATIN1));
    MapNode doc = single(file);
    Map<String, String> expected = new TreeMap<>();
    expected.put("blah", "hello world");
    expected.put("bar", "foo=baz");
    expected.put("hello", "world");
    expected.put("proper\\ty", "test");
    expected.put("foo", "");
    expected.put("bat", "a\\");
    expected.put("bling", "a=b");
    expected.put("test-unicode", "properties\u4EBA&test");
    expected.put("test=property", "helloworld");
    expected.put("test-colon-separator", "my-property");
    expected.put("test-tab-property", "foo\tbar");
    expected.put("test-whitespace-property", "foo   bar");
    expected.put("test-multiline", "ab\\c");
    expected.put("test-multiline-immediate", "foo");
    expected.put("test-multiline-immediate-bang", "!foo");
    expected.put("test-property-value-comment", "foo !bar #foo");
    expected.put("foods[0]", "Apple");
    expected.put("foods[1]", "Orange");
    expected.put("foods[2]", "Strawberry");
    expected.put("foods[3]", "Mango");
    expected.put("test-bang-property", "foo!");
    expected.put(
        "test-iso8859-1-chars", "\u00E6\u00D7\u00C8\u00C5\u00DE\u00DF\u00E1\u00F1\u00C0\u00FF");
    expected.put("test-with-trailing-space", "trailing ");
    expected.put("test-with-escaped-trailing-space", "trailing ");
    expected.put("test-line-after-empty-pound", "abc ");
    expected.forEach((key, v) -> assertThat(doc.text(key)).as(key).contains(v));
    assertThat(doc.entries())
        .extracting(e -> e.key().value())
        .doesNotContain("foods[]", "commented-two", "#commented-property", "commented-property");
    assertThat(findingsAt(NACOS_TORTURE)).isEmpty();
  }

  @Test
  void item13_dependencyTrackNonSpringPoolKeys() {
    String apiserver = DEPENDENCY_TRACK + "apiserver/src/main/resources/application.properties";
    String v4 = DEPENDENCY_TRACK + "src/main/resources/application.properties";
    // No spring.datasource.* keys: no Spring pool, not "pool 10".
    for (String file : List.of(apiserver, v4)) {
      assertThat(variants(file))
          .as(file)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.dataSources()).isEmpty());
    }
    MapNode dt = single(load(apiserver));
    assertThat(dt.text("dt.datasource.pool.enabled")).contains("true");
    assertThat(dt.text("dt.datasource.pool.max-size")).contains("30");
    assertThat(dt.text("dt.datasource.pool.min-idle")).contains("15");
    assertThat(dt.text("dt.datasource.pool.idle-timeout-ms")).contains("300000");
    assertThat(dt.text("dt.datasource.pool.max-lifetime-ms")).contains("600000");
    assertThat(dt.text("dt.datasource.pool.keepalive-interval-ms")).contains("60000");
    assertThat(dt.get("dt.datasource.pool.leak-detection-threshold-ms")).isEmpty();
    assertThat(dt.text("dt.datasource.url")).contains("");
    MapNode alpine = single(load(v4));
    assertThat(alpine.text("alpine.database.pool.max.size")).contains("20");
    assertThat(alpine.text("alpine.database.pool.min.idle")).contains("10");
    assertThat(alpine.text("alpine.database.pool.idle.timeout")).contains("300000");
    assertThat(alpine.text("alpine.database.pool.max.lifetime")).contains("600000");
    // Deferred: a configurable key mapping (dt.datasource.pool.* -> HikariCP, max 30).
  }

  @Test
  void item17_contextPropagationQuarkusProfiles() {
    MapNode doc = single(load(CONTEXT_PROPAGATION));
    assertThat(doc.text("%prod.quarkus.datasource.jdbc.max-size")).contains("8");
    assertThat(doc.text("%prod.quarkus.datasource.jdbc.min-size")).contains("2");
    assertThat(doc.text("%prod.quarkus.datasource.jdbc.url"))
        .contains("jdbc:postgresql://localhost/quarkus_test");
    assertThat(doc.text("quarkus.hibernate-orm.log.sql")).contains("true");
    assertThat(variants(CONTEXT_PROPAGATION)).isNotEmpty();
    assertNoHikariPool(CONTEXT_PROPAGATION);
    // Deferred: the effective Agroal pool, in item17_contextPropagationQuarkusModel.
  }

  @Test
  void item17_contextPropagationQuarkusModel() {
    assumeQuarkusIsWired();
    List<Service> all = variants(CONTEXT_PROPAGATION);
    assertThat(all).allSatisfy(s -> assertThat(s.framework()).isEqualTo(Framework.QUARKUS));
    Service prod =
        all.stream().filter(s -> s.profiles().contains("prod")).findFirst().orElseThrow();
    DataSource ds = agroal(prod);
    assertSet(ds, "max-size", "8");
    assertSet(ds, "min-size", "2");
    for (Service s : all) {
      if (s.profiles().contains("dev") || s.profiles().contains("test")) {
        // Dev Services: no datasource keys, so max-size is Agroal's default [20].
        s.dataSources().forEach(d -> assertDefault(d, "max-size", "20"));
      }
    }
  }

  @Test
  void item18_restVillainsQuarkusProfiles() {
    MapNode doc = single(load(REST_VILLAINS));
    assertThat(doc.text("%dev,test.quarkus.log.console.level")).contains("DEBUG");
    for (String profile : List.of("kubernetes", "openshift", "minikube", "knative")) {
      assertThat(doc.text("%" + profile + ".quarkus.config.profile.parent")).contains("prod");
    }
    assertThat(doc.text("quarkus.log.category.\"io.quarkus.sample.superheroes\".level"))
        .contains("DEBUG");
    assertThat(doc.entries())
        .extracting(e -> e.key().value())
        .noneMatch(k -> k.endsWith("jdbc.max-size") || k.endsWith("jdbc.min-size"));
    assertNoHikariPool(REST_VILLAINS);
    // Deferred: profile parents and the effective Agroal pool, in item18_restVillainsQuarkusModel.
  }

  @Test
  void item18_restVillainsQuarkusModel() {
    assumeQuarkusIsWired();
    List<Service> all = variants(REST_VILLAINS);
    assertThat(all).isNotEmpty();
    for (Service s : all) {
      assertThat(s.framework()).isEqualTo(Framework.QUARKUS);
      // No profile sets jdbc.max-size or min-size: Agroal's default [20] everywhere.
      s.dataSources()
          .forEach(
              d -> {
                assertDefault(d, "max-size", "20");
                assertThat(d.value("min-size").filter(Value::isSet)).isEmpty();
              });
    }
  }

  @Test
  void item23_rogerbuPostgresqlConf() {
    assertNotMisread(RINHA + "rogerbu-java/postgresql.conf");
    // Written without spaces around '='. The docker-compose half of this item is [later].
    PostgresConf conf = postgres(RINHA + "rogerbu-java/postgresql.conf");
    assertThat(conf.integer("max_connections")).hasValue(200);
    assertThat(conf.setting("shared_buffers").map(PostgresConf.Setting::value)).hasValue("64MB");
  }

  @Test
  void item28_thingsboardStatefulSetIsAServiceThroughEnvFrom() {
    // Its SPRING_DATASOURCE_* variables come through envFrom ConfigMaps: a service of its own.
    List<Service> nodes =
        run().model().services().stream()
            .filter(s -> s.deployment().map(d -> d.workload().name()).orElse("").equals("tb-node"))
            .toList();
    assertThat(nodes).as("services run by StatefulSet tb-node").isNotEmpty();
    for (Service node : nodes) {
      Workload workload = node.deployment().orElseThrow().workload();
      assertThat(workload.kind()).isEqualTo(Workload.Kind.STATEFUL_SET);
      assertThat(workload.replicas().value()).isEqualTo(3);
      assertThat(appContainer(node).envFrom())
          .extracting(EnvFromSource::name)
          .containsExactly("tb-node-db-config", "tb-kafka-config", "tb-cache-config");
      assertThat(node.dataSources()).extracting(DataSource::pool).containsExactly(PoolKind.HIKARI);
    }
    // The other two workloads hold no database settings: no services.
    assertThat(run().model().services())
        .extracting(s -> s.deployment().map(d -> d.workload().name()).orElse(""))
        .doesNotContain("tb-web-ui", "tb-js-executor");
  }

  @Test
  void item28_thingsboardPoolIsThePackagedPlaceholderDefault() {
    // thingsboard.yml is read through spring.config.name=thingsboard: poolguard.yaml names it.
    Service node = only(wired, "tb-node");
    Workload workload = node.deployment().orElseThrow().workload();
    assertThat(workload.kind()).isEqualTo(Workload.Kind.STATEFUL_SET);
    assertThat(workload.replicas().value()).isEqualTo(3);
    assertThat(workload.replicas().defaulted()).isFalse();
    assertThat(appContainer(node).envFrom())
        .extracting(EnvFromSource::name)
        .containsExactly("tb-node-db-config", "tb-kafka-config", "tb-cache-config");
    // The ConfigMap sets no SPRING_DATASOURCE_MAXIMUM_POOL_SIZE: 3 x 16.
    DataSource ds = hikari(node);
    assertPlaceholder(ds, "maximum-pool-size", "SPRING_DATASOURCE_MAXIMUM_POOL_SIZE", "16");
    assertThat(value(ds, "maximum-pool-size").origin().position())
        .satisfies(
            p -> {
              assertThat(p.path()).endsWith(TB_YML);
              assertThat(p.line()).isEqualTo(981);
            });
    assertDefault(ds, "minimum-idle", "16");
  }

  @Test
  void item29_keycloakStatefulSet() {
    ConfigFile file = load(KEYCLOAK);
    assertThat(file.documents()).hasSize(5);
    Cluster cluster = Manifests.read(List.of(file));
    Workload keycloak =
        cluster.workload(Workload.Kind.STATEFUL_SET, "default", "keycloak").orElseThrow();
    assertThat(keycloak.replicas().value()).isEqualTo(2);
    assertThat(keycloak.containers().get(0).env())
        .extracting(EnvVar::name)
        .contains("KC_DB", "KC_DB_URL_HOST")
        .doesNotContain("'KC_DB'", "KC_DB_POOL_MAX_SIZE");
    Workload postgres =
        cluster.workload(Workload.Kind.DEPLOYMENT, "default", "postgres").orElseThrow();
    assertThat(postgres.replicas().value()).isEqualTo(1);
    // Keycloak is no Spring service: no HikariCP pool is invented for it.
    assertThat(run().model().services())
        .noneMatch(s -> s.deployment().map(d -> d.workload().name()).orElse("").equals("keycloak"));
    assertThat(findingsAt(KEYCLOAK)).isEmpty();
    // Deferred: Keycloak pool keys (KC_DB_POOL_MAX_SIZE, default 100), postgres max_connections and
    // the capacity finding 2 x 100 > 100.
  }

  @Test
  void item39_andersonefReservedConnections() {
    assertNotMisread(RINHA + "andersonef/postgresql.conf");
    PostgresConf conf = postgres(RINHA + "andersonef/postgresql.conf");
    assertThat(conf.integer("max_connections")).hasValue(300);
    assertThat(conf.integer("reserved_connections")).hasValue(300);
    // The reservations leave applications no connection at all: the budget is not positive.
    ConnectionLimit limit =
        ConnectionLimit.fromPostgresqlConf(
            conf.integer("max_connections").getAsInt(),
            conf.integer("superuser_reserved_connections"),
            conf.integer("reserved_connections"),
            0);
    assertThat(limit.budget()).isNegative();
    // Deferred: a finding of its own for a server that cannot start (no service uses this file).
  }

  @Test
  void item40_diegoCoronelPostgresqlConf() {
    assertNotMisread(RINHA + "diego-coronel/postgresql.conf");
    PostgresConf conf = postgres(RINHA + "diego-coronel/postgresql.conf");
    assertThat(conf.integer("max_connections")).hasValue(70);
    assertThat(conf.setting("shared_buffers").map(PostgresConf.Setting::value)).hasValue("58880kB");
    // The Quarkus instances are in docker-compose ([later]).
  }

  // ---- docker-compose items (issue 18): services, database servers, budgets ---------------------

  @Test
  void item19_fernandomedeirosMergeKeyInheritsThePoolAndTheDefaultLimitHolds() {
    String file = RINHA + "fernandomedeiros/docker-compose.yml";
    List<Service> apis = composeServices(file);
    assertThat(apis).extracting(Service::name).containsExactlyInAnyOrder("api01", "api02");
    // api02 is `<<: *api`: it inherits the anchor's SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=15.
    apis.forEach(a -> assertThat(poolMax(a)).as(a.name()).isEqualTo(15));
    DatabaseBudget budget = budgetAt(file);
    assertThat(budget.limit().maxConnections()).isEqualTo(100);
    assertThat(budget.result().steady()).isEqualTo(30);
    assertThat(budget.result().exceeded()).isFalse();
  }

  @Test
  void item21_ed1000CommandLinePoolTwoReplicasAndMaxConnections40() {
    String file = RINHA + "ed1000/docker-compose.yml";
    Service api = composeServices(file).get(0);
    assertThat(api.deployment().orElseThrow().workload().replicas().value()).isEqualTo(2);
    assertThat(poolMax(api)).isEqualTo(15);
    DatabaseBudget budget = budgetAt(file);
    assertThat(budget.limit().maxConnections()).isEqualTo(40);
    // 2 × 15 = 30 within 40 − 3 reserved = 37.
    assertThat(budget.result().steady()).isEqualTo(30);
    assertThat(budget.result().exceeded()).isFalse();
  }

  @Test
  void item27_dataflowComposeMaxConnectionsFromAQuotedCommandOption() {
    String file =
        "spring-cloud__spring-cloud-dataflow/src/docker-compose/docker-compose-postgres.yml";
    DatabaseBudget budget = budgetAt(file);
    assertThat(budget.limit().maxConnections()).isEqualTo(300);
    assertThat(budget.members())
        .extracting(m -> m.service().name())
        .containsExactlyInAnyOrder("dataflow-server", "skipper-server");
    assertThat(budget.members()).allSatisfy(m -> assertThat(m.pool()).isEqualTo(10));
  }

  @Test
  void item40_diegoCoronelQuarkusInstancesAgainstTheMountedPostgresqlConf() {
    String file = RINHA + "diego-coronel/docker-compose.yml";
    List<Service> quarkus = composeServices(file);
    assertThat(quarkus)
        .isNotEmpty()
        .allSatisfy(q -> assertThat(q.framework()).isEqualTo(Framework.QUARKUS));
    DatabaseBudget budget = budgetAt(file);
    assertThat(budget.limit().maxConnections()).isEqualTo(70);
    assertThat(budget.result().steady()).isEqualTo(40);
    assertThat(budget.result().exceeded()).isFalse();
  }

  private static List<Service> composeServices(String composeFile) {
    return run().model().services().stream()
        .filter(
            s ->
                s.deployment()
                    .map(d -> d.workload())
                    .filter(w -> w.kind() == Workload.Kind.COMPOSE_SERVICE)
                    .filter(w -> w.position().path().equals(composeFile))
                    .isPresent())
        .toList();
  }

  private static int poolMax(Service s) {
    return dev.poolguard.core.capacity.PoolSizes.poolMax(s.dataSources().get(0)).orElseThrow();
  }

  private static DatabaseBudget budgetAt(String composeFile) {
    return run().budgets().stream()
        .filter(
            b ->
                b.members().stream()
                    .anyMatch(
                        m ->
                            m.service()
                                .deployment()
                                .filter(d -> d.workload().position().path().equals(composeFile))
                                .isPresent()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connection budget for " + composeFile));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static LintResult run() {
    if (failure != null) {
      fail("the corpus lint failed; see theWholeCorpusLintsWithoutCrashOrHang", failure);
    }
    return result;
  }

  private static DeploymentModel model() {
    return run().model();
  }

  /** Every service variant that read {@code file}. */
  private static List<Service> variants(String file) {
    return model().services().stream().filter(s -> s.configFiles().contains(file)).toList();
  }

  /** The one variant that read {@code file} with exactly these active profiles. */
  private static Service variant(String file, String... profiles) {
    List<Service> found =
        variants(file).stream().filter(s -> s.profiles().equals(List.of(profiles))).toList();
    assertThat(found)
        .as(
            "services reading %s with profiles %s; those reading it: %s",
            file,
            List.of(profiles),
            variants(file).stream().map(s -> s.name() + " " + s.profiles()).toList())
        .hasSize(1);
    return found.get(0);
  }

  private static Service only(LintResult r, String name) {
    if (failure != null) {
      fail("the corpus lint failed; see theWholeCorpusLintsWithoutCrashOrHang", failure);
    }
    List<Service> found = r.model().services().stream().filter(s -> s.name().equals(name)).toList();
    assertThat(found).as("services named %s", name).hasSize(1);
    return found.get(0);
  }

  private static DataSource hikari(Service s) {
    return pool(s, PoolKind.HIKARI);
  }

  private static DataSource agroal(Service s) {
    return pool(s, PoolKind.AGROAL);
  }

  private static DataSource pool(Service s, PoolKind kind) {
    List<DataSource> found = s.dataSources().stream().filter(d -> d.pool() == kind).toList();
    assertThat(found).as("%s pools of %s %s", kind, s.name(), s.profiles()).hasSize(1);
    return found.get(0);
  }

  private static PoolSetting setting(DataSource ds, String key) {
    return ds.setting(key)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no setting "
                        + key
                        + " among "
                        + ds.settings().stream().map(PoolSetting::key).toList()));
  }

  private static Value value(DataSource ds, String key) {
    return setting(ds, key).value();
  }

  private static void assertSet(DataSource ds, String key, String text) {
    Value v = value(ds, key);
    assertThat(v.state()).as(key + " state").isEqualTo(Value.State.SET);
    assertThat(v.text()).as(key).isEqualTo(text);
  }

  private static void assertDefault(DataSource ds, String key, String text) {
    Value v = value(ds, key);
    assertThat(v.state()).as(key + " state").isEqualTo(Value.State.DEFAULT);
    assertThat(v.origin().kind()).as(key + " origin").isEqualTo(Origin.Kind.DEFAULT);
    assertThat(v.text()).as(key).isEqualTo(text);
  }

  /**
   * A value set in a file as {@code ${VARIABLE:default}} that nothing overrides: the default is the
   * value, and the written text keeps the variable for whoever may set it.
   */
  private static void assertPlaceholder(
      DataSource ds, String key, String variable, String defaultText) {
    assertSet(ds, key, defaultText);
    Origin origin = value(ds, key).origin();
    assertThat(origin.kind()).as(key + " origin").isEqualTo(Origin.Kind.FILE);
    assertThat(origin.text())
        .as(key + " as written")
        .isEqualTo("${" + variable + ":" + defaultText + "}");
  }

  private static void assertNoHikariPool(String file) {
    assertThat(variants(file))
        .flatExtracting(Service::dataSources)
        .extracting(DataSource::pool)
        .doesNotContain(PoolKind.HIKARI);
  }

  private static void assumeQuarkusIsWired() {
    assumeTrue(
        model().services().stream().anyMatch(s -> s.framework() == Framework.QUARKUS),
        "deferred: no Quarkus service resolves on this branch (Quarkus support is being wired)");
  }

  /** A file poolguard does not read yet: no finding and no note, so nothing half-read. */
  private static void assertNotMisread(String display) {
    assertThat(tree.resolve(display)).isRegularFile();
    assertThat(findingsAt(display)).isEmpty();
    assertThat(run().notes()).noneMatch(n -> n.contains(display));
  }

  private static Container appContainer(Service s) {
    var d = s.deployment().orElseThrow();
    return d.workload().container(d.container()).orElseThrow();
  }

  private static List<Finding> findingsAt(String display) {
    return run().findings().stream().filter(f -> f.position().path().equals(display)).toList();
  }

  private static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /**
   * A file in a chart's {@code templates/} folder. The corpus keeps no {@code Chart.yaml}, so the
   * engine can only know them by their {@code {{ }}} actions, which every one of them holds.
   */
  private static boolean isHelmTemplate(CorpusTree.Entry e) {
    return ("/" + e.path()).contains("/templates/");
  }

  private static PostgresConf postgres(String display) {
    try {
      return PostgresConf.read(tree.resolve(display), display);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ConfigFile load(String display) {
    return ConfigLoader.load(tree.resolve(display), display, Limits.DEFAULT);
  }

  private static List<MapNode> maps(ConfigFile file) {
    return file.documents().stream()
        .filter(MapNode.class::isInstance)
        .map(MapNode.class::cast)
        .toList();
  }

  private static MapNode single(ConfigFile file) {
    assertThat(maps(file)).as(file.displayPath() + " documents").hasSize(1);
    return maps(file).get(0);
  }

  private static MapNode node(MapNode root, String... path) {
    MapNode at = root;
    for (String key : path) {
      MapNode current = at;
      at =
          at.map(key)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no map "
                              + key
                              + " among "
                              + current.entries().stream().map(e -> e.key().value()).toList()));
    }
    return at;
  }

  private static String text(MapNode root, String... path) {
    MapNode parent = node(root, Arrays.copyOf(path, path.length - 1));
    return parent
        .text(path[path.length - 1])
        .orElseThrow(() -> new AssertionError("no value at " + String.join(".", path)));
  }
}
