package dev.poolguard.core.project;

import static dev.poolguard.core.project.PoolguardConfigTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every problem names file, line, column and field; the whole message is the contract. */
class PoolguardConfigsValidationTest {

  @TempDir Path dir;

  @Test
  void mistypedTopLevelKeyGetsDidYouMean() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                servics:
                  orders-api: {}
                """))
        .isEqualTo("poolguard.yaml:2:1: unknown key 'servics' (did you mean 'services'?)");
  }

  @Test
  void mistypedServiceKeyGetsDidYouMean() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                services:
                  orders-api:
                    database: orders-db
                    lod:
                      peakRequestsPerSecond: 2400
                """))
        .isEqualTo(
            "poolguard.yaml:5:5: services.orders-api: unknown key 'lod' (did you mean 'load'?)");
  }

  @Test
  void mistypedLoadKeyGetsDidYouMeanAndNotAlsoMissingKey() {
    // The typo makes peakRequestsPerSecond missing too; saying so would only repeat the typo.
    assertThat(
            problem(
                dir,
                """
                version: 1
                services:
                  orders-api:
                    load:
                      peakRequestPerSecond: 2400
                      connectionHoldMillis: 25
                """))
        .isEqualTo(
            "poolguard.yaml:5:7: services.orders-api.load: unknown key 'peakRequestPerSecond'"
                + " (did you mean 'peakRequestsPerSecond'?)");
  }

  @Test
  void kebabCaseKeyGetsTheCamelCaseName() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                databases:
                  orders-db:
                    max-connections: 500
                """))
        .isEqualTo(
            "poolguard.yaml:4:5: databases.orders-db: unknown key 'max-connections'"
                + " (did you mean 'maxConnections'?)");
  }

  @Test
  void typoOfOneOfTwoAlternativeKeysIsTheOnlyProblem() {
    assertThat(problem(dir, "version: 1\ndatabases:\n  db:\n    maxConnection: 500\n"))
        .isEqualTo(
            "poolguard.yaml:4:5: databases.db: unknown key 'maxConnection'"
                + " (did you mean 'maxConnections'?)");
  }

  @Test
  void typoOfAnotherKeyDoesNotHideAMissingOne() {
    assertThat(problem(dir, "version: 1\ndatabases:\n  db:\n    reservedConection: 5\n"))
        .isEqualTo(
            "poolguard.yaml:3:3: databases.db: needs 'maxConnections' or 'config' or 'instanceClass' or 'sku' or 'tier'"
                + " (and 1 more problem)");
  }

  @Test
  void unknownKeyFarFromAnyNameGetsNoSuggestion() {
    assertThat(problem(dir, "version: 1\nnotifications: {}\n"))
        .isEqualTo("poolguard.yaml:2:1: unknown key 'notifications'");
  }

  @Test
  void wrongTypeNamesTheValue() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                services:
                  orders-api:
                    replicas: "six"
                """))
        .isEqualTo(
            "poolguard.yaml:4:15: services.orders-api.replicas: expected an integer, found 'six'");
  }

  @Test
  void outOfRangeNamesTheBound() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                databases:
                  orders-db:
                    maxConnections: -1
                """))
        .isEqualTo(
            "poolguard.yaml:4:21: databases.orders-db.maxConnections: must be at least 1, found -1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          services: {}                                                     | poolguard.yaml:1:1: missing required key 'version'
          # nothing but a comment                                          | poolguard.yaml:1:1: missing required key 'version'
          - a list                                                         | poolguard.yaml:1:1: expected a mapping, found a list
          version: 2                                                       | poolguard.yaml:1:10: version: must be 1, found 2
          version: 1\\nbaseline:                                           | poolguard.yaml:2:10: baseline: expected a string, found no value
          version: 1\\nhikariVersion: 8                                    | poolguard.yaml:2:16: hikariVersion: must be at most 7, found 8
          version: 1\\nconcurrentRollouts: every                           | poolguard.yaml:2:21: concurrentRollouts: must be one or all, found 'every'
          version: 1\\nlimits: { maxFiles: 0 }                             | poolguard.yaml:2:21: limits.maxFiles: must be at least 1, found 0
          version: 1\\nexclude: ['[a']                                     | poolguard.yaml:2:11: exclude[0]: not a valid glob: Missing ']
          version: 1\\nservices: { a: { framework: sprng } }               | poolguard.yaml:2:29: services.a.framework: must be spring, quarkus or micronaut, found 'sprng' (did you mean 'spring'?)
          version: 1\\nservices: { a: { replicas: 6.5 } }                  | poolguard.yaml:2:28: services.a.replicas: expected an integer, found 6.5
          version: 1\\nservices: { a: { replicas: 0 } }                    | poolguard.yaml:2:28: services.a.replicas: must be at least 1, found 0
          version: 1\\nservices: { a: { config: { x: 1 } } }               | poolguard.yaml:2:26: services.a.config: expected a string or a list of strings, found a mapping
          version: 1\\nservices: { a: { config: [a, { b: 1 }] } }          | poolguard.yaml:2:30: services.a.config[1]: expected a string, found a mapping
          version: 1\\nservices: { a: { deployment: [] } }                 | poolguard.yaml:2:30: services.a.deployment: must not be empty
          version: 1\\nservices: { a: { profiles: prod } }                 | poolguard.yaml:2:28: services.a.profiles: expected a list of strings, found 'prod'
          version: 1\\nservices: { a: { datasources: { r: [x] } } }       | poolguard.yaml:2:36: services.a.datasources.r: expected a string or a mapping, found a list
          version: 1\\nservices: { a: { load: 5 } }                        | poolguard.yaml:2:24: services.a.load: expected a mapping, found 5
          version: 1\\nservices: { a: { load: { connectionHoldMillis: 1 } } } | poolguard.yaml:2:18: services.a.load: missing required key 'peakRequestsPerSecond'
          version: 1\\nservices: { a: { load: { peakRequestsPerSecond: 0, connectionHoldMillis: 1 } } } | poolguard.yaml:2:49: services.a.load.peakRequestsPerSecond: must be greater than 0, found 0
          version: 1\\ndatabases:\\n  db:\\n    reservedConnections: 3  | poolguard.yaml:3:3: databases.db: needs 'maxConnections' or 'config' or 'instanceClass' or 'sku' or 'tier'
          version: 1\\ndatabases: { db: { config: a, reservedConnections: -1 } } | poolguard.yaml:2:52: databases.db.reservedConnections: must be at least 0, found -1
          version: 1\\nrules: { x: off }                                   | poolguard.yaml:2:13: rules.x: expected a mapping, found 'off'
          version: 1\\nrules: { x: { severity: warn } }                    | poolguard.yaml:2:25: rules.x.severity: must be error, warning, note or off, found 'warn' (did you mean 'warning'?)
          version: 1\\nrules: { x: { maxUtilisation: high } }              | poolguard.yaml:2:31: rules.x.maxUtilisation: expected a number, found 'high'
          version: 1\\nwaivers: { rule: x }                                | poolguard.yaml:2:10: waivers: expected a list, found a mapping
          version: 1\\nwaivers:\\n  - rule: x\\n    expires: 2026-12-01  | poolguard.yaml:3:5: waivers[0]: missing required key 'reason'
          version: 1\\nwaivers:\\n  - { rule: x, reason: ' ', expires: 2026-12-01 } | poolguard.yaml:3:24: waivers[0].reason: must not be blank
          version: 1\\nwaivers:\\n  - { rule: x, reason: r, expires: 2026-02-30 }   | poolguard.yaml:3:36: waivers[0].expires: must be a real date as YYYY-MM-DD, found '2026-02-30'
          version: 1\\nwaivers:\\n  - { rule: x, reason: r, expires: 2026-1-5 }     | poolguard.yaml:3:36: waivers[0].expires: must be a real date as YYYY-MM-DD, found '2026-1-5'
          """)
  void eachViolationNamesLineColumnAndField(String yaml, String expected) {
    assertThat(problem(dir, yaml.replace("\\n", "\n") + "\n")).isEqualTo(expected);
  }

  @Test
  void firstProblemInFileOrderIsReportedWithTheCountOfTheRest() {
    assertThat(
            problem(
                dir,
                """
                hikariVersion: x
                servics: {}
                version: 3
                """))
        .isEqualTo(
            "poolguard.yaml:1:16: hikariVersion: expected an integer, found 'x' (and 2 more problems)");
  }

  @Test
  void duplicateKeyIsRefused() {
    assertThat(
            problem(
                dir,
                """
                version: 1
                services:
                  orders-api: {}
                  orders-api: {}
                """))
        .isEqualTo("poolguard.yaml:4:3: duplicate key 'orders-api' (first at line 3)");
  }

  @Test
  void yamlSyntaxErrorNamesItsPosition() {
    assertThat(problem(dir, "version: 1\nservices: [\n")).startsWith("poolguard.yaml:3:1: ");
  }

  @Test
  void onlyOneDocumentIsAllowed() {
    assertThat(problem(dir, "version: 1\n---\nversion: 1\n"))
        .isEqualTo("poolguard.yaml:3:1: expected one YAML document, found 2");
  }

  @Test
  void keysWithSlashesAndTildesMapBackToTheirLine() {
    // JSON pointers escape '/' and '~'; the validator does so inconsistently in nested reports.
    assertThat(
            problem(
                dir,
                """
                version: 1
                services:
                  'team/a~b':
                    lod: 1
                """))
        .isEqualTo(
            "poolguard.yaml:4:5: services.team/a~b: unknown key 'lod' (did you mean 'load'?)");
  }

  @Test
  void messagesStayOnOneLine() {
    assertThat(problem(dir, "version: 1\nservices: { \"a\\nb\": { lod: 1 } }\n"))
        .isEqualTo("poolguard.yaml:2:23: services.a\\nb: unknown key 'lod' (did you mean 'load'?)");
  }

  @Test
  void explicitConfigThatIsNoYamlIsAProblemNotACrash() {
    assertThat(problem(dir, "\t- : : :\n")).startsWith("poolguard.yaml:1:");
  }
}
