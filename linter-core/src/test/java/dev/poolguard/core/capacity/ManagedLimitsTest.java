package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.DatabaseConfig;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The shipped provider data gives the published defaults (see docs/DATABASES.md). */
class ManagedLimitsTest {

  private static DatabaseConfig managed(String engine, String sizeKey, String size) {
    SourcePosition at = new SourcePosition("poolguard.yaml", 3, 5);
    return new DatabaseConfig(
        "main",
        OptionalInt.empty(),
        Optional.empty(),
        0,
        OptionalInt.empty(),
        at,
        Map.of(sizeKey, at),
        Optional.of(engine),
        Optional.of(size),
        Optional.empty());
  }

  private static int max(String engine, String sizeKey, String size) {
    return ManagedLimits.estimate(managed(engine, sizeKey, size))
        .orElseThrow()
        .limit()
        .maxConnections();
  }

  @Test
  void rdsFormulasOnTheClassMemoryTakenAsGibTimesTenToTheNine() {
    // 1e9 / 9531392 = 104.9; AWS's own Aurora example: 15.25e9 / 9531392 = 1600.
    assertThat(max("postgres", "instanceClass", "db.t3.micro")).isEqualTo(104);
    assertThat(max("aurora-postgresql", "instanceClass", "db.r4.large")).isEqualTo(1599);
    assertThat(max("postgres", "instanceClass", "db.r6g.2xlarge")).isEqualTo(5000);
    // 8e9 / 12582880 = 635.8, no cap.
    assertThat(max("mysql", "instanceClass", "db.m6g.large")).isEqualTo(635);
  }

  @Test
  void publishedTables() {
    assertThat(max("aurora-mysql", "instanceClass", "db.r6g.large")).isEqualTo(1000);
    assertThat(max("aurora-mysql", "instanceClass", "db.t3.medium")).isEqualTo(90);
    assertThat(max("azure-postgresql-flexible", "sku", "Standard_D4ds_v5")).isEqualTo(1718);
    assertThat(max("azure-postgresql-flexible", "sku", "B1ms")).isEqualTo(50);
    assertThat(max("cloudsql-postgres", "tier", "db-custom-4-15360")).isEqualTo(500);
    assertThat(max("cloudsql-postgres", "tier", "db-f1-micro")).isEqualTo(25);
  }

  @Test
  void providerReservesAndUnknownSizes() {
    assertThat(
            ManagedLimits.estimate(managed("postgres", "instanceClass", "db.t3.micro"))
                .orElseThrow()
                .limit()
                .serverReserved())
        .isEqualTo(5);
    assertThat(
            ManagedLimits.estimate(managed("azure-postgresql-flexible", "sku", "B2s"))
                .orElseThrow()
                .limit()
                .serverReserved())
        .isEqualTo(15);
    assertThat(ManagedLimits.estimate(managed("aurora-mysql", "instanceClass", "db.x2g.large")))
        .isEmpty();
    assertThat(ManagedLimits.unknown(managed("aurora-mysql", "instanceClass", "db.x2g.large")))
        .isPresent();
    assertThat(
            ManagedLimits.estimate(managed("postgres", "instanceClass", "db.t3.micro"))
                .orElseThrow()
                .text())
        .contains("estimate");
  }
}
