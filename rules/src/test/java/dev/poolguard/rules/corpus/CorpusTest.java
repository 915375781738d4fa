package dev.poolguard.rules.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.report.ModelReport;
import dev.poolguard.core.rule.Finding;
import dev.poolguard.core.rule.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world corpus ({@code shared/corpus/real}) linted as one tree with every rule, checked
 * against the {@code [core]} items of its {@code EXPECTATIONS.md}: one method per item, named after
 * it. The corpus is laid out once per class at its original paths and linted once; every method
 * reads that one result.
 *
 * <p>Skipped when the shared folder is absent, failing under {@code CI=true}.
 */
class CorpusTest {

  private static final String CORPUS = "corpus/real";

  /**
   * A hang guard, not a performance assertion: the run takes seconds, and only a loop or a
   * pathological input could take this long. Performance is measured in the JMH benchmarks.
   */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static final Linter LINTER = new Linter(RuleSet.load(CorpusTest.class.getClassLoader()));

  @TempDir static Path temp;

  private static Path corpus;
  private static Path tree;
  private static List<CorpusTree.Entry> entries;
  private static LintResult result;
  private static Throwable failure;

  // Display paths (relative to the tree).
  private static final String JHIPSTER = "jhipster__jhipster-sample-app/src/";
  private static final String JHIPSTER_YML = JHIPSTER + "main/resources/config/application.yml";
  private static final String FINERACT_DEPLOYMENT =
      "apache__fineract/kubernetes/fineract-server-deployment.yml";

  // The failure is kept so that each test fails with its cause, not all of them in @BeforeAll.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  @BeforeAll
  static void lintTheCorpusOnce() throws IOException {
    Optional<Path> found = SharedResources.locate(CORPUS);
    assumeTrue(found.isPresent(), SharedResources.skipMessage(CORPUS));
    corpus = found.get();
    tree = temp.resolve("corpus");
    entries = CorpusTree.layOut(corpus, tree);
    // A repository root marker: the poolguard.yaml lookup stops here and never reads the
    // temporary folder's ancestors.
    Files.createFile(temp.resolve(".git"));
    try {
      result =
          assertTimeoutPreemptively(
              HANG_GUARD, () -> LINTER.lint(LintRequest.of(tree, List.of(tree))));
    } catch (Throwable t) {
      failure = t;
    }
  }

  // ---- the whole run ---------------------------------------------------------------------------

  @Test
  void theCorpusIsLaidOutAtItsOriginalPaths() {
    assertThat(entries)
        .extracting(CorpusTree.Entry::savedFile)
        .as("every corpus file has a SOURCES.tsv row, and every row a file")
        .containsExactlyInAnyOrderElementsOf(CorpusTree.corpusFiles(corpus));
    assertThat(tree.resolve(JHIPSTER_YML)).isRegularFile();
    assertThat(tree.resolve(FINERACT_DEPLOYMENT)).isRegularFile();
  }

  @Test
  void theWholeCorpusLintsWithoutCrashOrHang() {
    assertThat(failure).as("lint of the corpus tree (exception or hang)").isNull();
    assertThat(result.filesRead()).isPositive();
    assertThat(result.model().services()).isNotEmpty();
  }

  @Test
  void helmTemplatesAreSkippedWithANoteAndNeverReportedUnparseable() throws IOException {
    List<CorpusTree.Entry> templates =
        entries.stream().filter(e -> isYaml(e.path()) && isHelmTemplate(e)).toList();
    assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
    List<String> wrong = new ArrayList<>();
    for (CorpusTree.Entry entry : templates) {
      String template = entry.display();
      assertThat(Files.readString(entry.laidOut())).as(template).contains("{{");
      if (run().notes().stream().noneMatch(n -> n.startsWith("skipped " + template + ": Helm"))) {
        wrong.add("no skip note: " + template);
      }
      findingsAt(template).stream()
          .filter(f -> f.ruleId().equals("config-unparseable"))
          .forEach(f -> wrong.add("config-unparseable: " + f.position() + " " + f.message()));
    }
    assertThat(wrong).as("Helm templates read as config").isEmpty();
  }

  /** SPEC 3.1: Helm {@code values*.yaml} files are plain YAML, whatever their strings hold. */
  @Test
  void helmValuesFilesAreNotTakenForTemplates() {
    List<String> values =
        entries.stream()
            .map(CorpusTree.Entry::display)
            .filter(p -> p.substring(p.lastIndexOf('/') + 1).matches("values.*\\.ya?ml"))
            .toList();
    assertThat(values).isNotEmpty();
    assertThat(values)
        .as("values files noted as Helm templates")
        .filteredOn(
            v -> run().notes().stream().anyMatch(n -> n.startsWith("skipped " + v + ": Helm")))
        .isEmpty();
  }

  @Test
  void noSecretValueOfTheCorpusIsPrinted() {
    SecretValues values = SecretValues.of(entries.stream().map(CorpusTree.Entry::laidOut).toList());
    List<String> secrets = List.copyOf(values.secrets());
    // Enough real secrets to mean something (the ConfigMap's YOUR_RDS_PASSWORD among them).
    assertThat(secrets).contains("YOUR_RDS_PASSWORD").hasSizeGreaterThanOrEqualTo(10);
    Map<String, String> outputs = new TreeMap<>();
    Map<String, LintResult> runs = new TreeMap<>(Map.of("corpus", run()));
    for (Map.Entry<String, LintResult> e : runs.entrySet()) {
      String run = e.getKey();
      LintResult r = e.getValue();
      outputs.put(run + " model text", ModelReport.text(r.model()));
      outputs.put(run + " model json", ModelReport.json(r.model()));
      outputs.put(run + " notes", String.join("\n", r.notes()));
      for (Finding f : r.findings()) {
        StringBuilder text = new StringBuilder();
        text.append(f.message()).append('\n').append(f.remediation()).append('\n');
        text.append(f.subject()).append('\n');
        f.related().stream().map(Related::label).forEach(l -> text.append(l).append('\n'));
        outputs.merge(run + " findings", text.toString(), String::concat);
      }
    }
    List<String> leaks = new ArrayList<>();
    outputs.forEach(
        (where, text) ->
            secrets.stream()
                .filter(s -> SecretValues.containsToken(text, s))
                .forEach(s -> leaks.add(where + ": " + s)));
    assertThat(leaks).as("secret values printed").isEmpty();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static LintResult run() {
    if (failure != null) {
      fail("the corpus lint failed; see theWholeCorpusLintsWithoutCrashOrHang", failure);
    }
    return result;
  }

  private static List<Finding> findingsAt(String display) {
    return run().findings().stream().filter(f -> f.position().path().equals(display)).toList();
  }

  private static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /**
   * A file in a chart's {@code templates/} folder. The corpus keeps no {@code Chart.yaml}, so the
   * engine can only know them by their {@code {{ }}} actions, which every one of them holds.
   */
  private static boolean isHelmTemplate(CorpusTree.Entry e) {
    return ("/" + e.path()).contains("/templates/");
  }
}
