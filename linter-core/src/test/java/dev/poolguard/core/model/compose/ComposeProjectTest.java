package dev.poolguard.core.model.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.model.DatabaseServer;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compose's merge rules for -f overlays and extends, interpolation, env_file and databases. */
class ComposeProjectTest {

  private static final Path DIR = Path.of("/project").toAbsolutePath();

  private final Map<Path, String> texts = new HashMap<>();

  private ConfigFile yaml(String name, String text) {
    texts.put(DIR.resolve(name), text);
    return ConfigLoader.loadText(text, name, ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
  }

  private final ComposeProject.Inputs inputs =
      new ComposeProject.Inputs() {
        @Override
        public Optional<ConfigFile> load(Path file) {
          String t = texts.get(file);
          return t == null
              ? Optional.empty()
              : Optional.of(
                  ConfigLoader.loadText(
                      t,
                      DIR.relativize(file).toString(),
                      ConfigFile.Format.YAML,
                      0,
                      0,
                      Limits.DEFAULT));
        }

        @Override
        public Optional<String> text(Path file) {
          return Optional.ofNullable(texts.get(file));
        }

        @Override
        public String display(Path file) {
          return DIR.relativize(file).toString();
        }

        @Override
        public List<Path> list(Path folder) {
          return texts.keySet().stream()
              .filter(p -> p.getParent().equals(folder))
              .sorted()
              .toList();
        }
      };

  private ComposeProject read(ConfigFile... files) {
    List<Path> paths =
        java.util.Arrays.stream(files).map(f -> DIR.resolve(f.displayPath())).toList();
    return ComposeProject.read(List.of(files), paths, inputs);
  }

  private static ComposeProject.Service service(ComposeProject p, String name) {
    return p.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static Optional<String> env(ComposeProject.Service s, String name) {
    return s.environment().stream()
        .filter(e -> e.name().equals(name))
        .map(EnvVar::source)
        .filter(EnvSource.Literal.class::isInstance)
        .map(l -> ((EnvSource.Literal) l).value())
        .findFirst();
  }

  @Test
  void overlaysMergeEnvironmentByNameReplaceCommandAndKeepTheBaseDeclaration() {
    ConfigFile base =
        yaml(
            "compose.yaml",
            """
            services:
              app:
                image: app:1
                environment:
                  - POOL=10
                  - URL=jdbc:postgresql://db/app
                command: ["--a=1", "--b=2"]
                scale: 2
            """);
    ConfigFile overlay =
        yaml(
            "compose.prod.yaml",
            """
            services:
              app:
                environment:
                  POOL: "30"
                command: --c=3
            """);
    ComposeProject.Service app = service(read(base, overlay), "app");
    assertThat(env(app, "POOL")).contains("30");
    assertThat(env(app, "URL")).contains("jdbc:postgresql://db/app");
    assertThat(app.command()).extracting(Arg::text).containsExactly("--c=3");
    assertThat(app.replicas().value()).isEqualTo(2);
    assertThat(app.position().path()).isEqualTo("compose.yaml");
  }

  @Test
  void extendsMergesTheBaseServiceUnderTheLocalOne() {
    yaml(
        "common.yml",
        """
        services:
          java:
            environment: { POOL: "5", URL: "jdbc:mysql://db/x" }
            deploy: { replicas: 4 }
        """);
    ConfigFile file =
        yaml(
            "compose.yaml",
            """
            services:
              app:
                extends: { file: common.yml, service: java }
                environment: { POOL: "7" }
            """);
    ComposeProject.Service app = service(read(file), "app");
    assertThat(env(app, "POOL")).contains("7");
    assertThat(env(app, "URL")).contains("jdbc:mysql://db/x");
    assertThat(app.replicas().value()).isEqualTo(4);
  }

  @Test
  void variablesComeFromDotEnvAndEnvironmentBeatsEnvFile() {
    texts.put(DIR.resolve(".env"), "POOL_SIZE=12\n");
    texts.put(DIR.resolve("app.env"), "# comment\nexport A=from-file\nB='quoted'\n");
    ConfigFile file =
        yaml(
            "compose.yaml",
            """
            services:
              app:
                env_file: app.env
                environment:
                  A: from-environment
                  POOL: ${POOL_SIZE:-3}
                  OTHER: ${MISSING:-fallback}
                  PRICE: $$5
                  SHELL_ONLY: ${NOT_SET}
            """);
    ComposeProject.Service app = service(read(file), "app");
    assertThat(env(app, "A")).contains("from-environment");
    assertThat(env(app, "B")).contains("quoted");
    assertThat(env(app, "POOL")).contains("12");
    assertThat(env(app, "OTHER")).contains("fallback");
    assertThat(env(app, "PRICE")).contains("$5");
    assertThat(env(app, "SHELL_ONLY")).isEmpty();
    assertThat(app.environment().stream().filter(e -> e.name().equals("SHELL_ONLY")))
        .singleElement()
        .extracting(EnvVar::source)
        .isInstanceOf(EnvSource.Other.class);
  }

  @Test
  void postgresCommandAndMountedConfigGiveTheServerSettings() {
    ConfigFile file =
        yaml(
            "compose.yaml",
            """
            services:
              db:
                image: docker.io/library/postgres:16-alpine
                command: postgres -c max_connections=250 -N 300 --superuser-reserved-connections=4 -c config_file=/etc/pg/pg.conf
                volumes:
                  - ./conf:/etc/pg
            """);
    List<DatabaseServer> servers =
        ComposeDatabases.of(read(file), inputs, new java.util.ArrayList<>());
    assertThat(servers)
        .singleElement()
        .satisfies(
            db -> {
              assertThat(db.engine()).isEqualTo(DatabaseServer.Engine.POSTGRESQL);
              // -N comes later on the command line than -c max_connections: the later one wins.
              assertThat(db.setting("max_connections").orElseThrow().value()).isEqualTo("300");
              assertThat(db.setting("superuser_reserved_connections").orElseThrow().value())
                  .isEqualTo("4");
              assertThat(db.postgresqlConf()).contains(DIR.resolve("conf/pg.conf"));
            });
  }

  @Test
  void mysqlReadsMountedOptionFilesAndTheCommandLineWins() {
    texts.put(DIR.resolve("conf.d/a.cnf"), "[mysqld]\nmax_connections = 1K\nwait-timeout=120\n");
    ConfigFile file =
        yaml(
            "compose.yaml",
            """
            services:
              db:
                image: mariadb:11
                command: --max-connections 400
                volumes:
                  - ./conf.d:/etc/mysql/conf.d
            """);
    DatabaseServer db = ComposeDatabases.of(read(file), inputs, new java.util.ArrayList<>()).get(0);
    assertThat(db.engine()).isEqualTo(DatabaseServer.Engine.MYSQL);
    assertThat(db.setting("max_connections").orElseThrow().value()).isEqualTo("400");
    assertThat(db.setting("wait_timeout").orElseThrow().position().path())
        .isEqualTo("conf.d/a.cnf");
  }

  @Test
  void anotherImageWithPostgresVariablesIsAClientNotAServer() {
    ConfigFile file =
        yaml(
            "compose.yaml",
            """
            services:
              migrations:
                image: example/migrations:5
                environment: { POSTGRES_PASSWORD: x }
            """);
    assertThat(ComposeDatabases.of(read(file), inputs, new java.util.ArrayList<>())).isEmpty();
  }
}
