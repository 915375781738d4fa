package dev.poolguard.core.model.pooler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestPoolersTest {

  @TempDir Path dir;

  private List<Pooler> read(String yaml) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, yaml);
    ConfigFile loaded = ConfigLoader.load(file, "m.yaml", Limits.DEFAULT);
    return ManifestPoolers.of(loaded);
  }

  @Test
  void cloudNativePgDefaults() throws Exception {
    Pooler p =
        read("apiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata:\n  name: rw\n"
                + "spec:\n  cluster:\n    name: main\n")
            .get(0);
    assertThat(p.kind()).isEqualTo(Pooler.Kind.CLOUDNATIVEPG);
    assertThat(p.number(Pooler.INSTANCES)).isEqualTo(1);
    assertThat(p.setting("pool_mode").orElseThrow().value()).isEqualTo("session");
    assertThat(p.number("max_client_conn")).isEqualTo(100);
    assertThat(p.serverConnectionsPerInstance()).isEqualTo(20);
    assertThat(p.setting(Pooler.VERSION)).isEmpty();
  }

  @Test
  void cloudNativePgParametersAndImage() throws Exception {
    Pooler p =
        read("apiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata:\n  name: rw\n"
                + "spec:\n  instances: 3\n  pgbouncer:\n    poolMode: transaction\n"
                + "    parameters:\n      default_pool_size: \"10\"\n      max_client_conn: \"1000\"\n"
                + "  template:\n    spec:\n      containers:\n        - name: pgbouncer\n"
                + "          image: ghcr.io/cloudnative-pg/pgbouncer:1.22.1\n")
            .get(0);
    assertThat(p.number(Pooler.INSTANCES)).isEqualTo(3);
    assertThat(p.setting(Pooler.INSTANCES).orElseThrow().position().line()).isEqualTo(6);
    assertThat(p.number("default_pool_size")).isEqualTo(10);
    assertThat(p.number("max_client_conn")).isEqualTo(1000);
    assertThat(p.setting(Pooler.VERSION).orElseThrow().value()).isEqualTo("1.22.1");
  }

  @Test
  void zalandoDerivesPoolSizesFromMaxDbConnections() throws Exception {
    Pooler p =
        read("apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: acid-main\n"
                + "spec:\n  connectionPooler:\n    numberOfInstances: 3\n    maxDBConnections: 90\n")
            .get(0);
    assertThat(p.name()).isEqualTo("acid-main-pooler");
    assertThat(p.number(Pooler.INSTANCES)).isEqualTo(3);
    assertThat(p.number("max_db_connections")).isEqualTo(30);
    assertThat(p.number("default_pool_size")).isEqualTo(15);
    assertThat(p.number("reserve_pool_size")).isEqualTo(7);
    assertThat(p.setting("pool_mode").orElseThrow().value()).isEqualTo("transaction");
    assertThat(p.number("max_client_conn")).isEqualTo(10000);
    assertThat(p.serverConnectionsPerInstance()).isEqualTo(22);
  }

  @Test
  void zalandoPoolerOffIsNoPooler() throws Exception {
    assertThat(
            read(
                "apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: a\n"
                    + "spec:\n  enableConnectionPooler: false\n  connectionPooler:\n    mode: session\n"))
        .isEmpty();
    assertThat(
            read(
                "apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: a\n"
                    + "spec:\n  enableConnectionPooler: true\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.number(Pooler.INSTANCES)).isEqualTo(2));
  }
}
