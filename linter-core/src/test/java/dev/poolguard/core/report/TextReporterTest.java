package dev.poolguard.core.report;

import static dev.poolguard.core.report.Samples.LIFETIME;
import static dev.poolguard.core.report.Samples.PEAK;
import static dev.poolguard.core.report.Samples.at;
import static dev.poolguard.core.report.Samples.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Judged;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextReporterTest {

  private static final String ESC = "\u001B";

  @Test
  void listsActiveFindingsInOrderThenTheSummary() throws IOException {
    assertThat(render(Samples.mixed(), false))
        .isEqualTo(
            """
            /etc/poolguard/shared values.yaml:2:1: error: pool max 1 is below the shared minimum \
            [pool-below-peak-demand]
            deploy/my app/café.yaml:3:5: warning: max-lifetime 30 min exceeds the database idle \
            timeout of 10 min [max-lifetime-above-db-timeout]
            deploy/orders.yaml:42:22: error: pool max 4 cannot carry the peak offered load of 6.0 \
            connections per pod; needs ≥ 7 [pool-below-peak-demand]
            2 errors, 1 warning, 0 notes in 14 files (2 suppressed)
            """);
  }

  @Test
  void colourTouchesOnlyTheSeverityWord() throws IOException {
    String plain = render(Samples.mixed(), false);
    String coloured = render(Samples.mixed(), true);

    assertThat(coloured.lines())
        .containsExactly(
            "/etc/poolguard/shared values.yaml:2:1: "
                + ESC
                + "[31merror"
                + ESC
                + "[0m: pool max 1 is below the shared minimum [pool-below-peak-demand]",
            "deploy/my app/café.yaml:3:5: "
                + ESC
                + "[33mwarning"
                + ESC
                + "[0m: max-lifetime 30 min exceeds the database idle timeout of 10 min"
                + " [max-lifetime-above-db-timeout]",
            "deploy/orders.yaml:42:22: "
                + ESC
                + "[31merror"
                + ESC
                + "[0m: pool max 4 cannot carry the peak offered load of 6.0 connections per pod;"
                + " needs ≥ 7 [pool-below-peak-demand]",
            "2 errors, 1 warning, 0 notes in 14 files (2 suppressed)");
    assertThat(coloured.replaceAll(ESC + "\\[\\d+m", "")).isEqualTo(plain);
  }

  @Test
  void notesAreCyan() throws IOException {
    LintResult result = Samples.result(List.of(note("deploy/a.yaml")), List.of(LIFETIME), 1);

    assertThat(render(result, true))
        .startsWith("deploy/a.yaml:1:1: " + ESC + "[36mnote" + ESC + "[0m: idle [");
  }

  @Test
  void runNotesAreNotPrinted() throws IOException {
    assertThat(Samples.mixed().notes()).isNotEmpty();

    assertThat(render(Samples.mixed(), false)).doesNotContain("Helm");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 0 | 0 | 1 | 1 error, 0 warnings, 0 notes in 1 file",
        "0 | 1 | 1 | 2 | 0 errors, 1 warning, 1 note in 2 files",
        "2 | 2 | 2 | 0 | 2 errors, 2 warnings, 2 notes in 0 files",
        "0 | 0 | 3 | 1 | 0 errors, 0 warnings, 3 notes in 1 file",
      })
  void summaryCountsWithSingularAndPlural(
      int errors, int warnings, int notes, int files, String expected) {
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < errors; i++) {
      findings.add(of(Severity.ERROR, i));
    }
    for (int i = 0; i < warnings; i++) {
      findings.add(of(Severity.WARNING, i));
    }
    for (int i = 0; i < notes; i++) {
      findings.add(of(Severity.NOTE, i));
    }

    assertThat(TextReporter.summary(Samples.result(findings, List.of(PEAK), files)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "14 | 0 | no findings in 14 files",
        "1  | 0 | no findings in 1 file",
        "3  | 1 | no findings in 3 files (1 suppressed)",
      })
  void cleanRunSaysNoFindings(int files, int suppressed, String expected) throws IOException {
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < suppressed; i++) {
      findings.add(
          of(Severity.ERROR, i)
              .suppressedBy(
                  new Finding.Suppression(
                      Finding.Suppression.Kind.INLINE, "ok", at("deploy/a.yaml", 1, 1))));
    }

    LintResult withAService =
        new LintResult(
            findings,
            List.of(PEAK),
            new DeploymentModel(
                List.of(
                    new Service(
                        "orders",
                        Framework.SPRING,
                        List.of(),
                        "default",
                        List.of("orders/application.yml"),
                        List.of(),
                        at("orders/application.yml", 1, 1))),
                List.of()),
            List.of(),
            files);

    assertThat(render(withAService, false)).isEqualTo(expected + "\n");
  }

  @Test
  void aRunThatFoundNoServiceSaysSoWithAHintAndCountsWhatItDidNotUse() throws IOException {
    LintResult nothing =
        new LintResult(
            List.of(),
            List.of(PEAK),
            new DeploymentModel(
                List.of(),
                List.of(),
                List.of(
                    Diagnostic.notUsed(at("chart/templates/a.yaml", 1, 1), "Helm template: x"),
                    Diagnostic.notUsed(at("k8s/a.yaml", 3, 1), "Deployment a matches no service"),
                    Diagnostic.notUsed(
                        at("app.ini", 1, 1), "a file type poolguard does not model"))),
            List.of(),
            2);

    assertThat(render(nothing.withJudged(Judged.paths(List.of("deploy"))), false))
        .isEqualTo(
            "no service found under deploy (2 files read): poolguard reads Spring Boot, Quarkus"
                + " and Micronaut config (application*.yml, application*.properties) and the"
                + " Kubernetes workloads and compose services that run it; lint a service's folder,"
                + " or declare services: in poolguard.yaml"
                + " (poolguard init); 3 found but not used (1 Helm chart file, 1 workload matching"
                + " no service, 1 file or kind not modelled; -v lists them)\n");
  }

  @Test
  void controlCharactersCannotBreakTheLine() {
    Finding f =
        finding(
            PEAK,
            Severity.ERROR,
            "value \"a\nb\u001B[2J\u009b1m\u202Eevil\" is odd",
            at("deploy/a.yaml", 2, 3),
            List.of(),
            null,
            null,
            "s");

    assertThat(TextReporter.line(f, false))
        .isEqualTo(
            "deploy/a.yaml:2:3: error: value \"a b\\u001b[2J\\u009b1m\\u202eevil\" is odd"
                + " [pool-below-peak-demand]");
  }

  @Test
  void namesItsFormatAndFile() {
    TextReporter reporter = new TextReporter();

    assertThat(reporter.format()).isEqualTo("text");
    assertThat(reporter.fileName()).isEqualTo("poolguard.txt");
  }

  private static Finding note(String path) {
    return finding(LIFETIME, Severity.NOTE, "idle", at(path, 1, 1), List.of(), null, null, "s");
  }

  private static Finding of(Severity severity, int line) {
    return finding(
        PEAK, severity, "m", at("deploy/a.yaml", line + 1, 1), List.of(), null, null, "s");
  }

  private static String render(LintResult result, boolean color) throws IOException {
    StringWriter out = new StringWriter();
    new TextReporter().write(result, Samples.options(Optional.empty(), color), out);
    return out.toString();
  }
}
