package dev.poolguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule fixture with a Spring service, judged by the real Spring Boot. */
class FixtureOracleTest {

  @Test
  void poolguardAgreesWithSpringBootOnEveryFixture() throws IOException {
    List<String> disagreements = new ArrayList<>();
    TreeMap<String, String> skipped = new TreeMap<>();
    int compared = 0;
    for (Path dir : caseFolders()) {
      DeploymentModel model = PoolguardSide.model(dir);
      for (Service service : model.services()) {
        if (service.framework() != Framework.SPRING) {
          continue;
        }
        String label = fixtures().relativize(dir) + " " + service.name();
        FixtureRuns.Translation t = FixtureRuns.translate(dir, service);
        if (t.run() == null) {
          skipped.put(label, t.skipped());
          continue;
        }
        Oracle.Verdict v =
            Oracle.compare(model, service, t.run(), "fixture " + label, UnaryOperator.identity());
        boolean refused =
            FixtureRuns.REFUSED_FILES.contains(dir.getParent().getFileName().toString())
                && v.report().startsWith("Spring Boot ")
                && v.report().contains("fails to start (start: ");
        if (!v.agrees() && refused) {
          skipped.put(label, "Spring refuses to load the file; the rule reports it, not the model");
          continue;
        }
        if (v.skipped().isPresent()) {
          skipped.put(label, v.skipped().get());
        } else {
          compared++;
        }
        if (!v.agrees()) {
          disagreements.add(v.report());
        }
      }
    }
    System.out.println("fixtures: " + compared + " services compared, skipped:");
    skipped.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    assertThat(disagreements)
        .as(
            "%d fixtures disagree:%n%s",
            disagreements.size(), String.join("\n========\n", disagreements))
        .isEmpty();
    assertThat(compared).as("fixture services compared").isGreaterThan(20);
  }

  private static List<Path> caseFolders() throws IOException {
    try (Stream<Path> rules = Files.list(fixtures())) {
      List<Path> cases = new ArrayList<>();
      for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> c = Files.list(rule)) {
          cases.addAll(c.filter(Files::isDirectory).sorted().toList());
        }
      }
      return cases;
    }
  }

  /** rules/src/test/resources/fixtures, found from the module folder upwards. */
  static Path fixtures() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path f = dir.resolve("rules/src/test/resources/fixtures");
      if (Files.isDirectory(f)) {
        return f;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("rules/src/test/resources/fixtures not found above the build");
  }
}
