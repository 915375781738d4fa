package dev.poolguard.core.model.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second pool under a declared prefix, switched on as @ConditionalOnProperty decides. */
class ExtraDataSourcesTest {

  @TempDir Path dir;

  private DataSource events(String yaml, Optional<String> having, boolean matchIfMissing)
      throws IOException {
    Path path = dir.resolve("application.yml");
    Files.writeString(path, yaml);
    SpringFile file =
        new SpringFile(ConfigLoader.load(path, "application.yml", Limits.DEFAULT), path, 0);
    ExtraDataSource extra =
        new ExtraDataSource(
            "events",
            "app.datasource.events.configuration",
            Optional.of("app.events.enabled"),
            having,
            matchIfMissing,
            SourcePosition.startOf("poolguard.yaml"));
    List<Service> services =
        SpringResolver.resolve(
            new SpringInput(
                "svc",
                true,
                List.of(file),
                List.of(),
                Optional.empty(),
                7,
                p -> Optional.empty(),
                ExternalSources.NONE,
                List.of(extra)));
    return services.get(0).dataSources().stream()
        .filter(d -> d.name().equals("events"))
        .findFirst()
        .orElseThrow();
  }

  private static final String POOL =
      "app:\n  datasource:\n    events:\n      url: jdbc:x\n      configuration:\n"
          + "        maximumPoolSize: 12\n        jdbc-url: jdbc:x\n        bogus: 1\n";

  @Test
  void readsTheRelaxedKeysUnderThePrefixAndKeepsUnknownOnes() throws IOException {
    DataSource ds = events(POOL + "  events:\n    enabled: yes-please\n", Optional.empty(), false);
    assertThat(ds.inert()).isEmpty();
    assertThat(ds.value("maximum-pool-size").orElseThrow().text()).isEqualTo("12");
    assertThat(ds.value("minimum-idle").orElseThrow().text()).isEqualTo("12");
    assertThat(ds.setting("bogus").orElseThrow().known()).isFalse();
    assertThat(ds.anchor().line()).isEqualTo(5); // the prefix block, where its settings belong
  }

  @Test
  void missingPropertyIsOffUnlessMatchIfMissing() throws IOException {
    DataSource off = events(POOL, Optional.empty(), false);
    assertThat(off.inert()).isPresent();
    assertThat(off.inert().get().switchedOff()).isTrue();
    assertThat(off.inert().get().reason()).contains("app.events.enabled is not set");
    assertThat(events(POOL, Optional.empty(), true).inert()).isEmpty();
  }

  @Test
  void havingValueIsComparedIgnoringCaseAndFalseIsOffWithoutIt() throws IOException {
    assertThat(events(POOL + "  events:\n    enabled: 'ON'\n", Optional.of("on"), false).inert())
        .isEmpty();
    assertThat(events(POOL + "  events:\n    enabled: 'true'\n", Optional.of("on"), false).inert())
        .isPresent();
    assertThat(events(POOL + "  events:\n    enabled: 'FALSE'\n", Optional.empty(), false).inert())
        .isPresent();
  }
}
