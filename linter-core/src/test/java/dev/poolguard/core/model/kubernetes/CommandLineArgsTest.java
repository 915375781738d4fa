package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.Arg;
import dev.poolguard.core.model.workload.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineArgsTest {

  private static final String PATH = "deploy/app.yaml";

  /** Items at lines 10, 11, 12… of a pretend manifest. */
  private static List<Arg> argv(String... items) {
    List<Arg> out = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      out.add(new Arg(items[i], at(10 + i)));
    }
    return out;
  }

  private static SourcePosition at(int line) {
    return new SourcePosition(PATH, line, 13);
  }

  @Test
  void readsJvmPropertiesBeforeTheJarAndSpringArgumentsAfterIt() {
    List<Arg> argv =
        argv("java", "-Dx=y", "-jar", "app.jar", "--spring.datasource.hikari.maximum-pool-size=5");

    assertThat(CommandLineArgs.systemProperties(argv))
        .containsExactly(KeyValue.known("x", "y", at(11)));
    assertThat(CommandLineArgs.springArgs(argv))
        .containsExactly(KeyValue.known("spring.datasource.hikari.maximum-pool-size", "5", at(14)));
  }

  @Test
  void aMainClassEndsTheJvmOptionsAndOptionValuesAreSkipped() {
    CommandLine parsed =
        CommandLineArgs.parse(
            argv(
                "/opt/java/bin/java",
                "-cp",
                "/app:/libs/*",
                "-Dk=v",
                "com.example.Main",
                "--a=b",
                "-Dz=1",
                "--flag",
                "plain"),
            List.of());

    assertThat(parsed.systemProperties()).containsExactly(KeyValue.known("k", "v", at(13)));
    assertThat(parsed.springArgs())
        .containsExactly(KeyValue.known("a", "b", at(15)), KeyValue.known("flag", "", at(17)));
    assertThat(parsed.notes())
        .containsExactly(
            at(16)
                + ": -D option after the main class or jar is an application argument, not a system property");
  }

  @Test
  void withoutACommandTheArgsGoToTheImagesEntrypoint() {
    CommandLine parsed =
        CommandLineArgs.parse(
            List.of(), argv("--spring.datasource.hikari.maximum-pool-size=7", "-Dignored=1"));

    assertThat(parsed.springArgs())
        .containsExactly(KeyValue.known("spring.datasource.hikari.maximum-pool-size", "7", at(10)));
    assertThat(parsed.systemProperties()).isEmpty();
    assertThat(parsed.notes()).hasSize(1);
  }

  @Test
  void looksThroughWrappersForJava() {
    CommandLine parsed =
        CommandLineArgs.parse(
            argv("dumb-init", "--", "java", "-Da=1", "-jar", "/app.jar", "--b=2"), List.of());

    assertThat(parsed.systemProperties()).containsExactly(KeyValue.known("a", "1", at(13)));
    assertThat(parsed.springArgs()).containsExactly(KeyValue.known("b", "2", at(16)));
  }

  @Test
  void anUnknownLauncherIsAssumedToPassItsArgumentsOn() {
    CommandLine parsed = CommandLineArgs.parse(argv("/app/run.sh"), argv("--server.port=1"));

    assertThat(parsed.springArgs()).containsExactly(KeyValue.known("server.port", "1", at(10)));
    assertThat(parsed.notes())
        .containsExactly(
            at(10)
                + ": '/app/run.sh' is not java or a shell; its --key=value arguments are assumed to reach the application");
  }

  @Test
  void endOfOptionsAndNamelessArgumentsAreNoted() {
    CommandLine parsed =
        CommandLineArgs.parse(
            argv("java", "-jar", "a.jar", "--=1", "--x=1", "--", "--y=2"), List.of());

    assertThat(parsed.springArgs()).containsExactly(KeyValue.known("x", "1", at(14)));
    assertThat(parsed.notes())
        .containsExactly(
            at(13) + ": argument '--=1' has no property name; Spring fails to start on it",
            at(15) + ": '--' ends Spring's option arguments; later arguments are ignored");
  }

  @Test
  void readsAShellScriptThatStartsJava() {
    List<Arg> command =
        argv(
            "/bin/sh",
            "-ec",
            "cd /app && exec java -Xmx1g -Dk=v -jar app.jar --a=1 --b='two words' > /var/log/app.log 2>&1");

    CommandLine parsed = CommandLineArgs.parse(command, List.of());

    assertThat(parsed.systemProperties()).containsExactly(KeyValue.known("k", "v", at(12)));
    assertThat(parsed.springArgs())
        .containsExactly(
            KeyValue.known("a", "1", at(12)), KeyValue.known("b", "two words", at(12)));
    assertThat(parsed.notes()).isEmpty();
  }

  @Test
  void shellPositionalParametersCarryTheContainerArgs() {
    List<Arg> command = argv("sh", "-c", "exec java -jar /app.jar \"$@\"", "--");

    CommandLine parsed = CommandLineArgs.parse(command, argv("--spring.x=1", "--y=2"));

    assertThat(parsed.springArgs())
        .extracting(KeyValue::key, KeyValue::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spring.x", "1"),
            org.assertj.core.groups.Tuple.tuple("y", "2"));
  }

  @Test
  void aShellScriptFileOrAScriptWithoutJavaIsNoted() {
    assertThat(CommandLineArgs.parse(argv("bash", "/entrypoint.sh"), List.of()).notes())
        .containsExactly(
            at(11) + ": the shell runs script file /entrypoint.sh, which poolguard cannot see");
    assertThat(CommandLineArgs.parse(argv("sh", "-c", "echo hi; sleep 3600"), List.of()).notes())
        .containsExactly(
            at(12) + ": the shell script does not start java; its properties are not read");
  }

  @Test
  void kubernetesExpandsReferencesInCommandAndArgsAgainstTheWholeEnvironment() {
    TestManifest shop = TestManifest.resource("shop.yaml");
    Cluster cluster = shop.read();
    Container app = cluster.workloads().get(0).containers().get(0);

    CommandLine parsed = CommandLineArgs.parse(app, Environment.of(app, cluster, "shop"));

    assertThat(parsed.systemProperties())
        .containsExactly(
            KeyValue.known(
                "spring.profiles.active", "prod", shop.pos("command: [\"java\"", "\"-Dspring")));
    assertThat(parsed.springArgs())
        .containsExactly(
            KeyValue.known(
                "spring.datasource.hikari.maximum-pool-size",
                "12",
                shop.pos("- --spring.datasource.hikari.maximum-pool-size", "--spring")),
            KeyValue.known("server.port", "8080", shop.pos("- --server.port=8080", "--server")));
    assertThat(parsed.notes()).isEmpty();
  }

  @Test
  void shellVariablesComeFromTheEnvironmentSplitIntoWords() {
    TestManifest ledger = TestManifest.resource("ledger.yaml");
    Cluster cluster = ledger.read();
    Container app = cluster.workloads().get(0).containers().get(0);

    CommandLine parsed = CommandLineArgs.parse(app, Environment.of(app, cluster, "default"));

    SourcePosition script = ledger.pos("command: [\"sh\"", "\"exec java");
    assertThat(parsed.systemProperties())
        .containsExactly(KeyValue.known("spring.datasource.hikari.minimum-idle", "2", script));
    assertThat(parsed.springArgs())
        .containsExactly(KeyValue.known("spring.datasource.hikari.maximum-pool-size", "8", script));
    assertThat(parsed.notes()).isEmpty();
  }

  @Test
  void secretsInArgumentsKeepTheirNameAndHideTheirValue() {
    TestManifest m =
        TestManifest.of(
            "secret-args.yaml",
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - name: app
                  command: ["sh", "-c", "java -Ddb.password=$DB_PASS -Dopts=$(OPTS) -jar /app.jar --spring.datasource.password=$(DB_PASS)"]
                  env:
                    - name: DB_PASS
                      valueFrom: {secretKeyRef: {name: db, key: password}}
                    - name: OPTS
                      value: fast
        """);
    Cluster cluster = m.read();
    Container app = cluster.workloads().get(0).containers().get(0);

    CommandLine parsed = CommandLineArgs.parse(app, Environment.of(app, cluster, "default"));

    Optional<Value.Unknown> secret =
        Optional.of(new Value.Unknown(Value.Unknown.Cause.SECRET, "DB_PASS"));
    SourcePosition script = m.pos("command: [\"sh\"", "\"java");
    assertThat(parsed.systemProperties())
        .containsExactly(
            new KeyValue("db.password", "", secret, script),
            KeyValue.known("opts", "fast", script));
    assertThat(parsed.springArgs())
        .containsExactly(new KeyValue("spring.datasource.password", "", secret, script));
    assertThat(parsed.toString()).doesNotContain("$(DB_PASS)");
  }

  @Test
  void anUndefinedShellVariableReadsAsEmptyWithANote() {
    CommandLine parsed =
        CommandLineArgs.parse(
            argv("sh", "-c", "java $JAVA_OPTS -jar /app.jar --n=${N}"), List.of());

    assertThat(parsed.springArgs()).containsExactly(KeyValue.known("n", "", at(12)));
    assertThat(parsed.notes())
        .containsExactly(
            at(12)
                + ": $JAVA_OPTS is not set in the manifest (the image may set it); read as empty",
            at(12) + ": $N is not set in the manifest (the image may set it); read as empty");
  }
}
