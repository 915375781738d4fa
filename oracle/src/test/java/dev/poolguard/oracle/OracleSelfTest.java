package dev.poolguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.spring.SpringInput;
import dev.poolguard.core.model.spring.SpringResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle itself: it catches a wrong answer and prints both sides with the case. */
class OracleSelfTest {

  @Test
  void aDeliberatelyWrongModelIsCaught(@TempDir Path tmp) throws IOException {
    // The first generated case where the application starts: a failure hides the pool.
    GeneratedCase c;
    SpringRun run;
    int n = 0;
    do {
      c = CaseGenerator.generate(GeneratedOracleTest.SEED, n);
      tmp = Files.createDirectories(tmp.resolve("case-" + n++));
      run = c.writeTo(tmp);
    } while (RealSpring.run(run).failure().isPresent());

    Oracle.Verdict honest = Oracle.spring(tmp, GeneratedCase.SERVICE, run, c.toString());
    Oracle.Verdict wrong =
        Oracle.spring(
            tmp,
            GeneratedCase.SERVICE,
            run,
            c.toString(),
            a -> {
              Map<String, Long> pool = new HashMap<>(a.effective());
              pool.merge("maximum-pool-size", 1L, Long::sum);
              return new PoolAnswer(a.failure(), a.profiles(), pool);
            });

    assertThat(honest.agrees()).as(honest.report()).isTrue();
    assertThat(wrong.agrees()).isFalse();
    assertThat(wrong.report())
        .contains("Spring Boot ", "poolguard: ", "case " + (n - 1) + " of seed ");
  }

  @Test
  void aModelThatStartsWhereSpringFailsIsCaught(@TempDir Path tmp) throws IOException {
    Path resources = tmp.resolve("orders/src/main/resources");
    Files.createDirectories(resources);
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/orders\n"
            + "spring.datasource.hikari.maximum-pool-size=0\n");
    SpringRun run = new SpringRun(resources, Map.of(), List.of(), Map.of());

    assertThat(RealSpring.run(run).failure()).isPresent();
    Oracle.Verdict honest = Oracle.spring(tmp, "orders", run, "pool size 0");
    Oracle.Verdict wrong =
        Oracle.spring(
            tmp,
            "orders",
            run,
            "pool size 0",
            a -> new PoolAnswer(Optional.empty(), a.profiles(), Map.of("maximum-pool-size", 0L)));
    assertThat(honest.agrees()).as(honest.report()).isTrue();
    assertThat(wrong.agrees()).isFalse();
  }

  /**
   * A deliberately wrong resolver: poolguard's real {@code SpringResolver} fed the packaged
   * locations the wrong way round (classpath {@code config/} below the root), as a bug in the
   * location order would. The oracle must disagree, and agree with the resolver fed correctly.
   */
  @Test
  void aResolverWithTheLocationsReversedIsCaught(@TempDir Path tmp) throws IOException {
    Path resources = Files.createDirectories(tmp.resolve("orders/src/main/resources"));
    Files.createDirectories(resources.resolve("config"));
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/orders\n"
            + "spring.datasource.hikari.maximum-pool-size=12\n");
    Files.writeString(
        resources.resolve("config/application.properties"),
        "spring.datasource.hikari.maximum-pool-size=30\n");
    SpringRun run = new SpringRun(resources, Map.of(), List.of(), Map.of());

    PoolAnswer spring = RealSpring.run(run);
    PoolAnswer right = resolved(resources, 0, 1);
    PoolAnswer reversed = resolved(resources, 1, 0);

    assertThat(spring.effective()).containsEntry("maximum-pool-size", 30L);
    assertThat(spring.agrees(right)).as("%s vs %s", spring, right).isTrue();
    assertThat(spring.agrees(reversed)).as("%s vs %s", spring, reversed).isFalse();
  }

  private static PoolAnswer resolved(Path resources, int rootRank, int configRank) {
    List<SpringFile> files =
        List.of(
            springFile(resources.resolve("application.properties"), rootRank),
            springFile(resources.resolve("config/application.properties"), configRank));
    SpringInput input =
        new SpringInput(
            "orders",
            true,
            files,
            List.of(),
            Optional.empty(),
            HikariProperties.NEWEST_MAJOR,
            p -> Optional.empty());
    Service service = SpringResolver.resolve(input).get(0);
    return PoolguardSide.answer(List.of(), service).orElseThrow();
  }

  private static SpringFile springFile(Path file, int rank) {
    return new SpringFile(
        ConfigLoader.load(file, file.getFileName().toString(), Limits.DEFAULT), file, rank);
  }
}
