package dev.poolguard.core.baseline;

import static dev.poolguard.core.baseline.Models.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

  @TempDir Path dir;

  /** Every kind of field a model holds, already in the order a snapshot sorts to. */
  static DeploymentModel everything() {
    String yml = "orders/src/main/resources/application.yml";
    String prod = "orders/src/main/resources/application-prod.yml";
    Origin env =
        new Origin(
            Origin.Kind.ENV,
            at("deploy/orders.yaml", 31, 20),
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            "12");
    Origin inProd =
        new Origin(
            Origin.Kind.FILE, at(prod, 4, 28), "spring.datasource.hikari.maximumPoolSize", "20");
    Origin inDefault =
        new Origin(
            Origin.Kind.FILE, at(yml, 9, 26), "spring.datasource.hikari.maximum-pool-size", "40");
    PoolSetting max =
        new PoolSetting(
            "maximum-pool-size",
            "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
            Value.set("12", env, List.of(inProd, inDefault)),
            true);
    PoolSetting timeout =
        new PoolSetting(
            "connection-timeout",
            "spring.datasource.hikari.connection-timeout",
            Value.defaultValue("30000", new Origin(Origin.Kind.DEFAULT, at(yml, 7, 5), "", "")),
            true);
    PoolSetting placeholder =
        new PoolSetting(
            "idle-timeout",
            "spring.datasource.hikari.idle-timeout",
            Value.unknown(
                new Value.Unknown(Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER, "IDLE"),
                new Origin(
                    Origin.Kind.SYSTEM_PROPERTY,
                    at("deploy/orders.yaml", 40, 12),
                    "spring.datasource.hikari.idle-timeout",
                    "${IDLE}"),
                List.of()),
            true);
    PoolSetting fromSecret =
        new PoolSetting(
            "max-lifetime",
            "spring.datasource.hikari.max-lifetime",
            Value.unknown(
                new Value.Unknown(Value.Unknown.Cause.SECRET, "orders-db/lifetime"),
                new Origin(
                    Origin.Kind.ARGUMENT,
                    at("deploy/orders.yaml", 22, 15),
                    "spring.datasource.hikari.max-lifetime",
                    ""),
                List.of(
                    new Origin(
                        Origin.Kind.APPLICATION_JSON,
                        at("deploy/orders.yaml", 25, 18),
                        "spring.datasource.hikari.max-lifetime",
                        "60000"))),
            true);
    PoolSetting typo =
        new PoolSetting(
            "maximum-pool-sise",
            "spring.datasource.hikari.maximum-pool-sise",
            Value.set(
                "café ☕",
                new Origin(
                    Origin.Kind.FILE,
                    at(yml, 11, 26),
                    "spring.datasource.hikari.maximum-pool-sise",
                    "café ☕"),
                List.of()),
            false);
    DataSource main =
        new DataSource(
            "default",
            PoolKind.HIKARI,
            "spring.datasource.hikari",
            List.of(timeout, placeholder, fromSecret, typo, max),
            Optional.of(
                new DataSource.Inert("spring.datasource.type names another pool", at(yml, 3, 11))),
            at(yml, 6, 5),
            6);
    DataSource reporting =
        new DataSource(
            "reporting",
            PoolKind.HIKARI,
            "app.reporting.datasource.hikari",
            List.of(),
            Optional.empty(),
            at(yml, 20, 5),
            7);
    Service orders =
        new Service(
            "orders",
            Framework.SPRING,
            List.of("prod", "eu"), // activation order, not sorted
            "SPRING_PROFILES_ACTIVE in deploy/orders.yaml:30",
            List.of(yml, prod),
            List.of(main, reporting),
            at(yml, 1, 1));
    String props = "stock/src/main/resources/application.properties";
    Service stock =
        new Service(
            "stock",
            Framework.QUARKUS,
            List.of("prod"),
            "default",
            List.of(props),
            List.of(
                new DataSource(
                    "default",
                    PoolKind.AGROAL,
                    "quarkus.datasource.jdbc",
                    List.of(
                        new PoolSetting(
                            "max-size",
                            "%prod.quarkus.datasource.jdbc.max-size",
                            Value.set(
                                "8",
                                new Origin(
                                    Origin.Kind.FILE,
                                    at(props, 2, 1),
                                    "%prod.quarkus.datasource.jdbc.max-size",
                                    "8"),
                                List.of()),
                            true)),
                    Optional.empty(),
                    at(props, 1, 1),
                    2)),
            at(props, 1, 1));
    return new DeploymentModel(
        List.of(orders, stock), List.of("skipped chart/templates/deploy.yaml: a Helm template"));
  }

  private static String text(DeploymentModel model) {
    StringWriter out = new StringWriter();
    Snapshot.write(model, out);
    return out.toString();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void readsBackExactlyWhatItWrote() throws IOException {
    DeploymentModel model = everything();

    DeploymentModel read = Snapshot.read(file("baseline.json", text(model)));

    assertThat(read).isEqualTo(model);
  }

  @Test
  void theSameModelGivesTheSameBytesWhateverItsOrder() {
    DeploymentModel model = everything();
    List<Service> shuffled = new ArrayList<>(model.services());
    Collections.reverse(shuffled);
    List<Service> reversedInside = new ArrayList<>();
    for (Service s : shuffled) {
      List<DataSource> sources = new ArrayList<>();
      for (DataSource ds : s.dataSources()) {
        List<PoolSetting> settings = new ArrayList<>(ds.settings());
        Collections.reverse(settings);
        sources.add(
            0,
            new DataSource(
                ds.name(),
                ds.pool(),
                ds.prefix(),
                settings,
                ds.inert(),
                ds.anchor(),
                ds.libraryMajor()));
      }
      reversedInside.add(
          new Service(
              s.name(),
              s.framework(),
              s.profiles(),
              s.profileSource(),
              s.configFiles(),
              sources,
              s.anchor()));
    }

    String once = text(model);

    assertThat(text(model)).isEqualTo(once);
    assertThat(text(new DeploymentModel(reversedInside, model.notes()))).isEqualTo(once);
  }

  @Test
  void hasAStableVersionedLayout() {
    String text = text(everything());

    assertThat(text).startsWith("{\n  \"poolguardSnapshot\": 1,\n  \"services\": [\n    {\n");
    assertThat(text).endsWith("}\n").doesNotContain("\r");
    assertThat(text)
        .isEqualTo(new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    assertThat(text).contains("\"text\": \"caf\\u00E9 \\u2615\"");
  }

  @Test
  void neverStoresASecret() throws IOException {
    String yml = "app/application.yml";
    PoolSetting password =
        new PoolSetting(
            "password",
            "spring.datasource.hikari.password",
            Value.set(
                "hunter2",
                new Origin(
                    Origin.Kind.ENV,
                    at("deploy/app.yaml", 9, 3),
                    "SPRING_DATASOURCE_HIKARI_PASSWORD",
                    "hunter2"),
                List.of(
                    new Origin(
                        Origin.Kind.FILE,
                        at(yml, 4, 15),
                        "spring.datasource.hikari.password",
                        "swordfish"))),
            true);
    PoolSetting url =
        new PoolSetting(
            "jdbc-url",
            "spring.datasource.hikari.jdbc-url",
            Value.set(
                "jdbc:postgresql://db/orders?user=app&password=s3cret",
                new Origin(
                    Origin.Kind.FILE,
                    at(yml, 5, 15),
                    "spring.datasource.hikari.jdbc-url",
                    "jdbc:postgresql://app:t0psecret@db/orders"),
                List.of()),
            true);
    DeploymentModel model =
        Models.model(
            Models.spring(
                "app", List.of("default"), yml, Models.hikari("default", yml, url, password)));

    String text = text(model);

    assertThat(text)
        .doesNotContain("hunter2", "swordfish", "s3cret", "t0psecret")
        .contains("******");
    PoolSetting read =
        Snapshot.read(file("s.json", text))
            .services()
            .get(0)
            .dataSources()
            .get(0)
            .setting("password")
            .orElseThrow();
    assertThat(read.value().text()).isEqualTo("******");
    assertThat(read.value().overridden().get(0).text()).isEqualTo("******");
  }

  @Test
  void refusesANewerVersionWithWhatToDo() throws IOException {
    Path snapshot = file("newer.json", "{\"poolguardSnapshot\": 2, \"services\": []}");

    assertThatThrownBy(() -> Snapshot.read(snapshot))
        .isInstanceOf(LintException.class)
        .hasMessage(
            snapshot
                + ": snapshot version 2 is newer than this poolguard supports (1); upgrade poolguard");
  }

  @Test
  void refusesMalformedJsonNamingTheFileAndLine() throws IOException {
    Path snapshot = file("broken.json", "{\n  \"poolguardSnapshot\": 1,\n  \"services\": [\n");

    assertThatThrownBy(() -> Snapshot.read(snapshot))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith(snapshot + ":4:")
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("poolguard baseline -o " + snapshot);
  }

  @Test
  void refusesAMissingFileWithWhatToDo() {
    Path snapshot = dir.resolve("missing.json");

    assertThatThrownBy(() -> Snapshot.read(snapshot))
        .isInstanceOf(LintException.class)
        .hasMessage(
            snapshot
                + ": snapshot file not found; write one with `poolguard baseline -o "
                + snapshot
                + "` or name another baseline");
  }

  @Test
  void refusesJsonThatIsNotASnapshot() throws IOException {
    Path report = file("report.json", "{\"modelVersion\": 1, \"services\": []}");
    Path list = file("list.json", "[]");
    Path empty = file("empty.json", "");

    assertThatThrownBy(() -> Snapshot.read(report))
        .hasMessageContaining("not a poolguard snapshot (no \"poolguardSnapshot\" field)");
    assertThatThrownBy(() -> Snapshot.read(list)).hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> Snapshot.read(empty)).hasMessageContaining("the snapshot is empty");
  }

  @Test
  void hugeAndTinyExponentsAreAWrongFieldNotAnInternalError() throws IOException {
    String good = text(everything());
    for (String number : List.of("1e999999", "1e-999999", "1E+2147483647", "-1e999999999999")) {
      Path file =
          file(
              "exponent.json",
              good.replaceFirst("\"libraryMajor\": 6", "\"libraryMajor\": " + number));
      assertThatThrownBy(() -> Snapshot.read(file))
          .as(number)
          .isInstanceOf(LintException.class)
          .hasMessageStartingWith(file.toString())
          .message()
          .hasSizeLessThan(400);
    }
  }

  @Test
  void namesTheFieldThatIsWrong() throws IOException {
    String good = text(everything());
    Path badEnum =
        file("enum.json", good.replace("\"framework\": \"quarkus\"", "\"framework\": \"grails\""));
    Path missing = file("missing-field.json", good.replaceFirst("\"libraryMajor\": 6,", ""));
    Path wrongType = file("type.json", good.replaceFirst("\"known\": true", "\"known\": \"yes\""));
    Path duplicate =
        file("dup.json", "{\"poolguardSnapshot\": 1, \"poolguardSnapshot\": 1, \"services\": []}");

    assertThatThrownBy(() -> Snapshot.read(badEnum))
        .hasMessage(
            badEnum
                + ": services[1].framework: unknown value 'grails', expected one of spring, quarkus,"
                + " micronaut");
    assertThatThrownBy(() -> Snapshot.read(missing))
        .hasMessage(missing + ": services[0].dataSources[0].libraryMajor: missing");
    assertThatThrownBy(() -> Snapshot.read(wrongType))
        .hasMessage(
            wrongType + ": services[0].dataSources[0].settings[0].known: expected true or false");
    assertThatThrownBy(() -> Snapshot.read(duplicate))
        .hasMessageContaining("Duplicate field 'poolguardSnapshot'");
  }

  @Test
  void ignoresFieldsItDoesNotKnow() throws IOException {
    // Additions within version 1 must not break an older reader.
    String text =
        text(everything())
            .replaceFirst(
                "\"services\": \\[",
                "\"generator\": {\"by\": \"poolguard 9\"},\n  \"services\": [");

    assertThat(Snapshot.read(file("extra.json", text))).isEqualTo(everything());
  }
}
