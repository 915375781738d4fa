package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.at;
import static dev.poolguard.core.config.Trees.entry;
import static dev.poolguard.core.config.Trees.keys;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.testing.SharedResources;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real files from {@code shared/corpus/real}, with the values {@code EXPECTATIONS.md} lists (items
 * 9, 11, 12). Skipped when the shared folder is absent, failing under {@code CI=true}.
 */
class RealCorpusTest {

  private static ConfigFile load(String relative) {
    Optional<Path> found = SharedResources.locate(relative);
    Assumptions.assumeTrue(found.isPresent(), SharedResources.skipMessage(relative));
    return ConfigLoader.load(found.get(), relative, Limits.DEFAULT);
  }

  /** Item 12: nacos's copy of Spring Boot's own OriginTrackedPropertiesLoader test fixture. */
  @Test
  void nacosPropertiesTortureTest() {
    MapNode doc =
        single(
            load(
                "corpus/real/alibaba__nacos/sys__src__test__resources__test-properties.properties"));
    assertThat(value(doc, "blah")).isEqualTo("hello world");
    assertThat(value(doc, "bar")).isEqualTo("foo=baz");
    assertThat(value(doc, "hello")).isEqualTo("world");
    assertThat(value(doc, "proper\\ty")).isEqualTo("test");
    assertThat(value(doc, "foo")).isEmpty();
    assertThat(value(doc, "bat")).isEqualTo("a\\");
    assertThat(value(doc, "bling")).isEqualTo("a=b");
    assertThat(value(doc, "test-unicode")).isEqualTo("properties人&test");
    assertThat(value(doc, "test=property")).isEqualTo("helloworld");
    assertThat(value(doc, "test-colon-separator")).isEqualTo("my-property");
    assertThat(value(doc, "test-tab-property")).isEqualTo("foo\tbar");
    assertThat(value(doc, "test-whitespace-property")).isEqualTo("foo   bar");
    assertThat(value(doc, "test-multiline")).isEqualTo("ab\\c");
    assertThat(value(doc, "test-multiline-immediate")).isEqualTo("foo");
    assertThat(value(doc, "test-multiline-immediate-bang")).isEqualTo("!foo");
    assertThat(value(doc, "test-property-value-comment")).isEqualTo("foo !bar #foo");
    assertThat(value(doc, "foods[0]")).isEqualTo("Apple");
    assertThat(value(doc, "foods[1]")).isEqualTo("Orange");
    assertThat(value(doc, "foods[2]")).isEqualTo("Strawberry");
    assertThat(value(doc, "foods[3]")).isEqualTo("Mango");
    assertThat(value(doc, "languages[perl]")).isEqualTo("Elite");
    assertThat(keys(doc))
        .doesNotContain("foods[]", "commented-property", "#commented-property", "commented-two");
    assertThat(value(doc, "test-bang-property")).isEqualTo("foo!");
    assertThat(value(doc, "test-iso8859-1-chars")).isEqualTo("æ×ÈÅÞßáñÀÿ");
    assertThat(value(doc, "test-with-trailing-space")).isEqualTo("trailing ");
    assertThat(value(doc, "test-with-escaped-trailing-space")).isEqualTo("trailing ");
    assertThat(value(doc, "test-line-after-empty-pound")).isEqualTo("abc ");
    // Positions: Spring's own test asserts these values 16 lines higher (no licence header).
    assertThat(at(entry(doc, "blah").value())).isEqualTo("18:12");
    assertThat(at(entry(doc, "foods[1]").value())).isEqualTo("41:1");
    assertThat(at(entry(doc, "test-multiline-immediate").value())).isEqualTo("48:1");
    assertThat(at(entry(doc, "foo").value())).isEqualTo("22:4");
    assertThat(at(entry(doc, "test-unicode").key())).isEqualTo("28:1");
  }

  /** Item 11: one logical line continued over three physical lines. */
  @Test
  void nacosDefaultContinuationLines() {
    MapNode doc =
        single(
            load(
                "corpus/real/alibaba__nacos/sys__src__main__resources__META-INF__nacos-default.properties"));
    assertThat(value(doc, "spring.autoconfigure.exclude"))
        .isEqualTo(
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration");
  }

  /** Item 9: four documents, no trailing newline, flattened and nested keys side by side. */
  @Test
  void petclinicApplicationYml() {
    ConfigFile file =
        load("corpus/real/spring-petclinic__spring-petclinic-microservices-config/application.yml");
    assertThat(file.problems()).isEmpty();
    assertThat(file.documents()).hasSize(4);
    ConfigNode first = file.documents().get(0);
    assertThat(value(first, "management.security.enabled")).isEqualTo("false");
    assertThat(value(first, "management.endpoints.web.exposure.include")).isEqualTo("*");
    assertThat(keys(first)).contains("management");
    assertThat(value(file.documents().get(3), "spring", "config", "activate", "on-profile"))
        .isEqualTo("mysql");
  }

  /** Item 9: these two start with a UTF-8 byte-order mark; vets-service has a third document. */
  @Test
  void petclinicServiceFilesWithByteOrderMarks() {
    String folder = "corpus/real/spring-petclinic__spring-petclinic-microservices-config/";
    ConfigFile vets = load(folder + "vets-service.yml");
    ConfigFile customers = load(folder + "customers-service.yml");
    assertThat(vets.documents()).hasSize(3);
    assertThat(customers.documents()).hasSize(2);
    assertThat(value(vets.documents().get(0), "vets", "cache", "ttl")).isEqualTo("60");
    for (ConfigFile file : new ConfigFile[] {vets, customers}) {
      assertThat(file.problems()).isEmpty();
      MapNode first = (MapNode) file.documents().get(0);
      assertThat(at(first.entries().get(0).key())).isEqualTo("1:1");
      assertThat(first.entries().get(0).key().value()).doesNotStartWith("\uFEFF");
      int n = file.documents().size();
      assertThat(value(file.documents().get(n - 2), "spring", "config", "activate", "on-profile"))
          .isEqualTo("default");
      assertThat(value(file.documents().get(n - 1), "spring", "config", "activate", "on-profile"))
          .isEqualTo("docker");
    }
  }
}
