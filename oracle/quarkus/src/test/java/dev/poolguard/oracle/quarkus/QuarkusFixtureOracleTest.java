package dev.poolguard.oracle.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every rule fixture with a Quarkus service, judged by SmallRye Config: the service folder's {@code
 * application.properties} and {@code application.yaml}, and the plain {@code env} values of the
 * Deployment that runs it.
 */
class QuarkusFixtureOracleTest {

  @Test
  void poolguardAgreesWithSmallRyeConfigOnEveryQuarkusFixture() throws IOException {
    List<String> disagreements = new ArrayList<>();
    Map<String, String> skipped = new TreeMap<>();
    int compared = 0;
    for (Path dir : caseFolders()) {
      List<Service> services =
          new Linter(RuleSet.of(List.of()))
              .model(LintRequest.of(dir, List.of(dir))).services().stream()
                  .filter(s -> s.framework() == Framework.QUARKUS)
                  .toList();
      for (Service service : services) {
        String label = fixtures().relativize(dir) + " " + service.name();
        Path folder = dir.resolve(service.anchor().path()).normalize().getParent();
        String properties = read(folder.resolve("application.properties"));
        String yaml =
            read(folder.resolve("application.yaml")) + read(folder.resolve("application.yml"));
        Map<String, String> env = service.deployment().isPresent() ? env(dir) : Map.of();
        Map<String, String> smallRye;
        try {
          smallRye = QuarkusOracleTest.smallRye(properties, yaml, env, Map.of());
        } catch (RuntimeException e) {
          skipped.put(label, "SmallRye refuses the config: " + e.getClass().getSimpleName());
          continue;
        }
        Map<String, String> ours = QuarkusOracleTest.poolguard(service);
        compared++;
        if (!ours.equals(smallRye)) {
          disagreements.add(label + "\nSmallRye: " + smallRye + "\npoolguard: " + ours);
        }
      }
    }
    System.out.println("quarkus fixtures: " + compared + " services compared, skipped: " + skipped);
    assertThat(disagreements)
        .as(
            "%d fixtures disagree:%n%s",
            disagreements.size(), String.join("\n====\n", disagreements))
        .isEmpty();
    assertThat(compared).as("Quarkus fixture services compared").isGreaterThan(3);
  }

  private static String read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file) : "";
  }

  /** The plain env values of the containers in the fixture's Deployments. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> env(Path dir) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("deploy")).toList()) {
        for (Object doc :
            new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(p))) {
          if (!(doc instanceof Map<?, ?> m) || !"Deployment".equals(m.get("kind"))) {
            continue;
          }
          Map<String, Object> spec =
              (Map<String, Object>)
                  ((Map<String, Object>) ((Map<String, Object>) m.get("spec")).get("template"))
                      .get("spec");
          for (Object c : (List<Object>) spec.get("containers")) {
            Object vars = ((Map<String, Object>) c).get("env");
            for (Object v : vars instanceof List<?> l ? l : List.of()) {
              Map<String, Object> var = (Map<String, Object>) v;
              if (var.get("value") != null) {
                env.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
              }
            }
          }
        }
      }
    }
    return env;
  }

  private static List<Path> caseFolders() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> rules = Files.list(fixtures())) {
      for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> c = Files.list(rule)) {
          cases.addAll(c.filter(Files::isDirectory).sorted().toList());
        }
      }
    }
    return cases;
  }

  private static Path fixtures() {
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
