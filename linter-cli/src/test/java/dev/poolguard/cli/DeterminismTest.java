package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.report.Reporter;
import dev.poolguard.core.report.Reporters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give byte-identical output in every format: linted twice, and again after the
 * tree was recreated with its files written in the opposite order and other timestamps, under
 * another default locale and time zone. Every format of {@link Reporters#all()} is covered, so a
 * new one is checked as soon as it is registered.
 */
class DeterminismTest {

  private static final Path INCIDENT = CliTest.EXAMPLES.resolve("incident");

  @TempDir Path dir;

  @Test
  void everyOutputIsByteIdenticalWhateverTheOrderLocaleOrTimeZone() throws IOException {
    Path tree = dir.resolve("tree");
    Map<String, byte[]> files = read(INCIDENT);
    // Extra files so that discovery order, several services and notes all matter.
    files.put("billing-api/src/main/resources/application.yml", bytes(billing()));
    files.put(
        "billing-api/src/main/resources/application-prod.properties",
        bytes("spring.datasource.hikari.maximum-pool-size=${POOL_MAX:12}\n"));
    files.put("zz-notes/templates/deployment.yaml", bytes("replicas: {{ .Values.replicas }}\n"));

    create(tree, files, false);
    Map<String, String> first = outputs(tree);
    Map<String, String> again = outputs(tree);
    assertThat(again).isEqualTo(first);

    deleteTree(tree);
    create(tree, files, true);
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      for (String tag : List.of("de-DE", "tr-TR", "ar-EG", "hi-IN")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
        Map<String, String> reordered = outputs(tree);
        for (String key : first.keySet()) {
          assertThat(reordered.get(key)).as(key + " under " + tag).isEqualTo(first.get(key));
        }
      }
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  /** Every output of lint (each registered format), model and diff, by a name for messages. */
  private static Map<String, String> outputs(Path tree) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Reporter reporter : Reporters.all()) {
      CliRun run =
          CliRun.inProcess(
              tree, "lint", "--no-color", "--fail-on", "never", "-f", reporter.format());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).as(reporter.format()).isNotEmpty();
      out.put("lint -f " + reporter.format(), run.out());
    }
    for (String format : List.of("text", "json")) {
      CliRun run = CliRun.inProcess(tree, "model", "-f", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      out.put("model -f " + format, run.out());
    }
    for (String format : List.of("text", "markdown", "json")) {
      CliRun run = CliRun.inProcess(tree, "diff", "-f", format);
      assertThat(run.exitCode()).as(run.err()).isZero();
      out.put("diff -f " + format, run.out());
    }
    return out;
  }

  private static String billing() {
    return """
        spring:
          datasource:
            hikari:
              maximum-pool-size: 30
              minimum-idle: 40
              max-lifetime: 20000
              idle-timeout: 5000
              connection-timeout: 100
        """;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** Writes the files in name order or the reverse, with distinct modification times. */
  private static void create(Path root, Map<String, byte[]> files, boolean reversed)
      throws IOException {
    List<String> names = new ArrayList<>(files.keySet());
    names.sort(reversed ? Comparator.reverseOrder() : Comparator.naturalOrder());
    long time = reversed ? 1_600_000_000_000L : 1_700_000_000_000L;
    for (String name : names) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, files.get(name));
      Files.setLastModifiedTime(file, FileTime.fromMillis(time += 1000));
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
