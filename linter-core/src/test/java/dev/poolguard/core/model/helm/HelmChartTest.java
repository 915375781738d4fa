package dev.poolguard.core.model.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm renders through helm-java: the raw output against golden files written by the same helm-java
 * version, and every rendered value's position against the line that set it.
 */
class HelmChartTest {

  static final Path ROOT = Path.of("src/test/resources/helm").toAbsolutePath();
  static final Path SHOP = ROOT.resolve("shop");
  private static final SourcePosition SET = new SourcePosition("poolguard.yaml", 9, 25);
  private static final boolean UPDATE = Boolean.getBoolean("poolguard.goldens.update");

  @Test
  void rendersAsTheGoldenOutputOfTheSameHelmJavaVersion() throws Exception {
    String rendered =
        HelmEngine.template(
            SHOP,
            List.of(SHOP.resolve("values-prod.yaml")),
            Map.of("pool.timeoutMs", "20000"),
            "orders",
            Optional.of("shop"));
    Path golden = ROOT.resolve("shop.golden.yaml");
    if (UPDATE) {
      Files.writeString(golden, rendered);
    }
    assertThat(rendered).isEqualTo(Files.readString(golden));
  }

  @Test
  void valuesPointAtTheLineThatSetThemAndOtherValuesAtTheirTemplateLine() {
    HelmChart.Rendered r = render(SHOP, List.of(SHOP.resolve("values-prod.yaml")));
    assertThat(r.file().problems()).isEmpty();
    Map<String, SourcePosition> at = scalars(r.file());
    assertThat(at)
        .containsEntry("orders-shop/replicas=6", pos("shop/values-prod.yaml", 1, 15))
        .containsEntry("orders-shop/maxSurge=1", pos("shop/values.yaml", 16, 13))
        // default 0 in the template: nothing in the values sets it
        .containsEntry(
            "orders-shop/maxUnavailable=0", pos("shop/templates/deployment.yaml", 10, 23))
        .containsEntry(
            "orders-shop/image=registry.example.com/shop:1.2", pos("shop/values.yaml", 3, 15))
        .containsEntry("orders-shop/-=--spring.datasource.hikari.connection-timeout=20000", SET)
        // through tpl
        .containsEntry(
            "orders-shop/value=jdbc:postgresql://orders-db:5432/shop",
            pos("shop/values.yaml", 8, 10))
        // through quote, the last values file winning
        .containsEntry("orders-shop/value=10", pos("shop/values-prod.yaml", 3, 8))
        // through toYaml: the entry of the list in the last file that sets it
        .containsEntry("orders-shop/value=300000", pos("shop/values-prod.yaml", 6, 12))
        // a range variable: the template line
        .containsEntry("orders-shop/value=4", pos("shop/templates/deployment.yaml", 26, 22))
        // inside "with .Values.tuning": .minIdle is tuning.minIdle
        .containsEntry("orders-shop/value=5", pos("shop/values.yaml", 20, 12))
        // two documents of one template
        .containsEntry("orders-first/POOL=10", pos("shop/values-prod.yaml", 3, 8))
        .containsEntry("orders-second/TIMEOUT=20000", SET)
        // a subchart: the parent's values under its name, else its own values.yaml
        .containsEntry("orders-cache/SIZE=64", pos("shop/values.yaml", 18, 9))
        .containsEntry("orders-cache/TTL=60", pos("shop/charts/cache/values.yaml", 2, 6));
    // the pool size is read by a ConfigMap and by the Deployment's env
    assertThat(r.templates().get(pos("shop/values-prod.yaml", 3, 8)))
        .containsExactly(
            pos("shop/templates/configmaps.yaml", 6, 9),
            pos("shop/templates/deployment.yaml", 22, 22));
  }

  @Test
  void aTemplateErrorIsAProblemAtTheTemplateLineWithHelmsMessage(@TempDir Path tmp)
      throws IOException {
    Path chart = copyOf(SHOP, tmp.resolve("shop"));
    Files.writeString(
        chart.resolve("templates/broken.yaml"),
        "kind: ConfigMap\ndata:\n  x: {{ .Values.no.such }}\n");
    List<Path> before = files(chart);
    HelmChart.Rendered r = render(chart, List.of());
    assertThat(r.file().documents()).isEmpty();
    assertThat(r.file().problems()).hasSize(1);
    assertThat(r.file().problems().get(0).message())
        .startsWith("chart not rendered: template: shop/templates/broken.yaml:3:")
        .contains("nil pointer");
    assertThat(r.file().problems().get(0).position().path())
        .isEqualTo("shop/templates/broken.yaml");
    assertThat(r.file().problems().get(0).position().line()).isEqualTo(3);
    assertThat(files(chart)).isEqualTo(before);
  }

  @Test
  void aMissingDependencyArchiveIsANoteAndTheChartStillRenders(@TempDir Path tmp)
      throws IOException {
    Path chart = copyOf(SHOP, tmp.resolve("shop"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        Files.readString(chart.resolve("Chart.yaml"))
            + "  - name: postgresql\n    version: 12.1.0\n    repository: https://charts.example.com\n");
    List<Path> before = files(chart);
    String chartYaml = Files.readString(chart.resolve("Chart.yaml"));
    HelmChart.Rendered r = render(chart, List.of());
    assertThat(r.file().problems()).isEmpty();
    assertThat(r.notes())
        .containsExactly(
            "shop: dependency postgresql is declared in Chart.yaml but its archive is not in"
                + " charts/ (run helm dependency build); the chart is rendered without it");
    assertThat(scalars(r.file())).containsKey("orders-cache/SIZE=64");
    assertThat(files(chart)).isEqualTo(before);
    assertThat(chart.resolve("Chart.yaml")).content().isEqualTo(chartYaml);
  }

  @Test
  void aFileLeadingOutsideIsRefusedBeforeHelmRuns(@TempDir Path tmp) throws IOException {
    Path chart = copyOf(SHOP, tmp.resolve("shop"));
    HelmChart.Inputs refusing =
        new TestInputs() {
          @Override
          public Optional<String> refusal(Path file) {
            return file.endsWith("_helpers.tpl")
                ? Optional.of("not read: outside")
                : Optional.empty();
          }
        };
    HelmChart.Rendered r = HelmChart.render(request(chart, List.of()), refusing);
    assertThat(r.file().problems().get(0).message())
        .isEqualTo("chart not rendered: shop/templates/_helpers.tpl: not read: outside");
  }

  @Test
  void aFolderWithoutChartYamlIsAProblem(@TempDir Path tmp) {
    HelmChart.Rendered r = render(tmp, List.of());
    assertThat(r.file().problems().get(0).message())
        .startsWith("chart not rendered: no Chart.yaml");
  }

  private static HelmChart.Rendered render(Path chart, List<Path> values) {
    return HelmChart.render(request(chart, values), new TestInputs());
  }

  private static HelmChart.Request request(Path chart, List<Path> values) {
    return new HelmChart.Request(
        chart,
        values,
        Map.of("pool.timeoutMs", "20000"),
        Map.of("pool.timeoutMs", SET),
        "orders",
        Optional.of("shop"));
  }

  /** Reads files directly; display paths relative to the folder above the chart. */
  static class TestInputs implements HelmChart.Inputs {
    @Override
    public ConfigFile load(Path file) {
      return ConfigLoader.load(file, display(file), Limits.DEFAULT);
    }

    @Override
    public String display(Path file) {
      Path p = file.toAbsolutePath().normalize();
      Path base = p;
      while (base != null && !base.endsWith("shop") && base.getParent() != null) {
        base = base.getParent();
      }
      Path root = base == null || !base.endsWith("shop") ? p.getParent() : base.getParent();
      return root.relativize(p).toString().replace('\\', '/');
    }

    @Override
    public Optional<String> refusal(Path file) {
      return Optional.empty();
    }

    @Override
    public Limits limits() {
      return Limits.DEFAULT;
    }
  }

  private static SourcePosition pos(String path, int line, int column) {
    return new SourcePosition(path, line, column);
  }

  /** "object/key=value" of every scalar mapping value and list item, with its position. */
  private static Map<String, SourcePosition> scalars(ConfigFile file) {
    Map<String, SourcePosition> out = new LinkedHashMap<>();
    for (ConfigNode doc : file.documents()) {
      if (doc instanceof MapNode m) {
        String name = m.map("metadata").flatMap(meta -> meta.text("name")).orElse("?");
        walk(doc, "-", name, out);
      }
    }
    return out;
  }

  private static void walk(
      ConfigNode node, String key, String object, Map<String, SourcePosition> out) {
    if (node instanceof MapNode m) {
      m.entries().forEach(e -> walk(e.value(), e.key().value(), object, out));
    } else if (node instanceof ListNode l) {
      l.items().forEach(i -> walk(i, "-", object, out));
    } else if (node instanceof ScalarNode s) {
      out.putIfAbsent(object + "/" + key + "=" + s.value(), s.position());
    }
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.sorted().toList());
    }
  }
}
