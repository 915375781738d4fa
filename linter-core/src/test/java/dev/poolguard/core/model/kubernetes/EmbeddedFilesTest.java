package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedFilesTest {

  private final TestManifest shop = TestManifest.resource("shop.yaml");

  @Test
  void aSettingInABlockScalarPointsAtItsLineAndColumnOfTheManifest() {
    ConfigMap config = shop.readWithText().configMap("shop", "orders-config").orElseThrow();

    EmbeddedFile yml = only(EmbeddedFiles.parse(config, Limits.DEFAULT), "application.yml");
    MapNode hikari = hikari(yml.file());

    // "application.yml: |" is line 11; content lines 12 (spring:), 13 (datasource:), 14 (hikari:).
    assertThat(shop.pos("application.yml: |", "application.yml").line()).isEqualTo(11);
    MapNode datasource =
        ((MapNode) yml.file().documents().get(0))
            .map("spring")
            .orElseThrow()
            .map("datasource")
            .orElseThrow();
    ScalarNode thirdLineKey = datasource.entries().get(0).key();
    assertThat(thirdLineKey.value()).isEqualTo("hikari");
    assertThat(thirdLineKey.position()).isEqualTo(new SourcePosition("deploy/shop.yaml", 14, 9));
    ScalarNode pool = (ScalarNode) hikari.get("maximum-pool-size").orElseThrow();
    assertThat(pool.value()).isEqualTo("30");
    assertThat(pool.position()).isEqualTo(new SourcePosition("deploy/shop.yaml", 15, 30));
    assertThat(pool.position()).isEqualTo(shop.pos("maximum-pool-size: 30", "30"));
    assertThat(yml.file().displayPath()).isEqualTo("deploy/shop.yaml");
    assertThat(yml.applicationFile()).isTrue();
    assertThat(yml.profile()).isEmpty();
  }

  @Test
  void withoutTheTextTheBlockIndentationFollowsTheManifestsStep() {
    ConfigMap config = shop.read().configMap("shop", "orders-config").orElseThrow();
    ConfigMap.Entry entry = config.entry("application.yml").orElseThrow();

    assertThat(entry.block()).isTrue();
    assertThat(entry.contentStart()).isEqualTo(new SourcePosition("deploy/shop.yaml", 12, 5));
    ScalarNode timeout =
        (ScalarNode)
            hikari(only(EmbeddedFiles.parse(config, Limits.DEFAULT), "application.yml").file())
                .get("connection-timeout")
                .orElseThrow();
    assertThat(timeout.position()).isEqualTo(shop.pos("connection-timeout: 2000", "2000"));
  }

  @Test
  void theTextGivesExactColumnsForOddIndentationAndIndentationIndicators() {
    TestManifest wide =
        TestManifest.of(
            "wide.yaml",
            """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: wide
        data:
          application.yaml: |
                spring:
                  datasource:
                    hikari:
                      maximum-pool-size: 7
          application-prod.yml: |2-
              spring.datasource.hikari.minimum-idle: 3
        """);

    ConfigMap config = wide.readWithText().configMap("default", "wide").orElseThrow();
    List<EmbeddedFile> files = EmbeddedFiles.parse(config, Limits.DEFAULT);

    ScalarNode pool =
        (ScalarNode)
            hikari(only(files, "application.yaml").file()).get("maximum-pool-size").orElseThrow();
    assertThat(pool.position()).isEqualTo(wide.pos("maximum-pool-size: 7", "7"));
    EmbeddedFile prod = only(files, "application-prod.yml");
    assertThat(prod.profile()).contains("prod");
    MapNode doc = (MapNode) prod.file().documents().get(0);
    // |2 sets the block's indentation to 4 (its key's 2 + 2): the other two spaces are content.
    assertThat(config.entry("application-prod.yml").orElseThrow().contentStart().column())
        .isEqualTo(5);
    assertThat(doc.entries().get(0).key().position())
        .isEqualTo(wide.pos("spring.datasource.hikari.minimum-idle: 3", "spring"));
  }

  @Test
  void aQuotedSingleLineValueStartsAfterItsQuote() {
    ConfigMap config = shop.readWithText().configMap("shop", "orders-config").orElseThrow();
    ConfigMap.Entry entry = config.entry("application-prod.properties").orElseThrow();

    assertThat(entry.block()).isFalse();
    assertThat(entry.contentStart())
        .isEqualTo(shop.pos("application-prod.properties:", "spring.datasource"));
    EmbeddedFile props =
        only(EmbeddedFiles.parse(config, Limits.DEFAULT), "application-prod.properties");
    assertThat(props.file().format()).isEqualTo(ConfigFile.Format.PROPERTIES);
    assertThat(props.profile()).contains("prod");
    assumeTrue(
        props.file().documents().get(0) instanceof MapNode,
        "this loader does not read .properties yet");
    MapNode doc = (MapNode) props.file().documents().get(0);
    ScalarNode idle = (ScalarNode) doc.get("spring.datasource.hikari.minimum-idle").orElseThrow();
    assertThat(doc.entries().get(0).key().position())
        .isEqualTo(shop.pos("application-prod.properties:", "spring.datasource"));
    assertThat(idle.position()).isEqualTo(shop.pos("application-prod.properties:", "4\""));
  }

  @Test
  void onlyKeysNamingConfigFilesAreParsed() {
    ConfigMap config = shop.read().configMap("shop", "orders-config").orElseThrow();

    assertThat(EmbeddedFiles.parse(config, Limits.DEFAULT))
        .extracting(EmbeddedFile::key)
        .containsExactly("application.yml", "application-prod.properties");
    assertThat(EmbeddedFiles.formatOf("logback.xml")).isEmpty();
    assertThat(EmbeddedFiles.formatOf("tenant.YAML")).contains(ConfigFile.Format.YAML);
  }

  @Test
  void aSyntaxErrorInAnEmbeddedFileIsReportedAtItsManifestLine() {
    TestManifest broken =
        TestManifest.of(
            "broken.yaml",
            """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: broken
        data:
          application.yml: |
            spring:
              datasource: [unclosed
        """);

    ConfigMap config = broken.readWithText().configMap("default", "broken").orElseThrow();
    ConfigFile file = only(EmbeddedFiles.parse(config, Limits.DEFAULT), "application.yml").file();

    assertThat(file.parsed()).isFalse();
    assertThat(file.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.position().line()).isGreaterThanOrEqualTo(7));
  }

  private static EmbeddedFile only(List<EmbeddedFile> files, String key) {
    Optional<EmbeddedFile> found = files.stream().filter(f -> f.key().equals(key)).findFirst();
    assertThat(found).as(key).isPresent();
    return found.get();
  }

  private static MapNode hikari(ConfigFile file) {
    return ((MapNode) file.documents().get(0))
        .map("spring")
        .orElseThrow()
        .map("datasource")
        .orElseThrow()
        .map("hikari")
        .orElseThrow();
  }
}
