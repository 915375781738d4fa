package dev.poolguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated set: a few hundred seeded configurations per build, each judged by the real Spring
 * Boot. Replay one with {@code -Doracle.seed=S -Doracle.from=N -Doracle.cases=1}.
 */
class GeneratedOracleTest {

  static final long SEED = Long.getLong("oracle.seed", 15L);
  static final int FROM = Integer.getInteger("oracle.from", 0);
  static final int CASES = Integer.getInteger("oracle.cases", 400);

  @Test
  void poolguardAgreesWithSpringBootOnEveryGeneratedCase(@TempDir Path tmp) throws IOException {
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (int n = FROM; n < FROM + CASES; n++) {
      GeneratedCase c = CaseGenerator.generate(SEED, n);
      Path dir = tmp.resolve("case-" + n);
      SpringRun run = c.writeTo(dir);
      Oracle.Verdict v = Oracle.spring(dir, GeneratedCase.SERVICE, run, c.toString());
      if (v.skipped().isEmpty()) {
        compared++;
      }
      if (!v.agrees()) {
        disagreements.add(v.report());
      }
    }
    System.out.println(
        "Spring Boot "
            + org.springframework.boot.SpringBootVersion.getVersion()
            + ", generated: "
            + CASES
            + " cases, "
            + compared
            + " compared, "
            + disagreements.size()
            + " disagreements");
    assertThat(disagreements)
        .as(
            "%d of %d generated cases disagree:%n%s",
            disagreements.size(), CASES, String.join("\n========\n", disagreements))
        .isEmpty();
    assertThat(compared).as("cases actually compared").isGreaterThan(CASES / 2);
  }
}
