package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docsUrl:} in poolguard.yaml: the rule links of SARIF and HTML, set once for a team. */
class DocsUrlTest {

  private static final String TEAM_DOCS = "https://docs.example.com/poolguard/0.1.0/rules";

  @TempDir Path dir;

  private Path incidentWith(String docsUrlLine) throws IOException {
    Path tree = dir.resolve("incident");
    Trees.copy(ExamplesTest.ROOT.resolve("examples/incident"), tree);
    Path config = tree.resolve("poolguard.yaml");
    Files.writeString(
        config, Files.readString(config).replace("version: 1\n", "version: 1\n" + docsUrlLine));
    return tree;
  }

  private static String helpUri(Path sarif, String ruleId) throws IOException {
    JSONArray rules =
        new JSONObject(Files.readString(sarif))
            .getJSONArray("runs")
            .getJSONObject(0)
            .getJSONObject("tool")
            .getJSONObject("driver")
            .getJSONArray("rules");
    for (int i = 0; i < rules.length(); i++) {
      if (rules.getJSONObject(i).getString("id").equals(ruleId)) {
        return rules.getJSONObject(i).optString("helpUri", "");
      }
    }
    throw new AssertionError("no rule " + ruleId);
  }

  @Test
  void poolguardYamlGivesTheRuleLinksOfSarifAndHtml() throws IOException {
    Path tree = incidentWith("docsUrl: " + TEAM_DOCS + "\n");
    Path out = dir.resolve("out");
    CliRun run = CliRun.inProcess(tree, "lint", ".", "-f", "sarif,html", "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(helpUri(out.resolve("poolguard.sarif"), "pool-max-reduced"))
        .isEqualTo(TEAM_DOCS + "/pool-max-reduced.md");
    assertThat(Files.readString(out.resolve("poolguard.html")))
        .contains("<a href=\"" + TEAM_DOCS + "/pool-below-peak-demand.md\">");
  }

  @Test
  void theFlagBeatsPoolguardYaml() throws IOException {
    Path tree = incidentWith("docsUrl: " + TEAM_DOCS + "\n");
    CliRun run =
        CliRun.inProcess(
            tree, "lint", ".", "-f", "sarif", "--docs-url", "https://mirror.example.org/rules/");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("https://mirror.example.org/rules/pool-max-reduced.md")
        .doesNotContain(TEAM_DOCS);
  }

  @Test
  void withoutEitherThereAreNoLinks() throws IOException {
    Path tree = incidentWith("");
    Path out = dir.resolve("out");
    CliRun run = CliRun.inProcess(tree, "lint", ".", "-f", "sarif,html", "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(helpUri(out.resolve("poolguard.sarif"), "pool-max-reduced")).isEmpty();
    assertThat(Files.readString(out.resolve("poolguard.html"))).doesNotContain("<a href=\"http");
  }

  @Test
  void aRelativeDocsUrlInPoolguardYamlIsRefusedAtItsLine() throws IOException {
    Path tree = incidentWith("docsUrl: docs/rules\n");
    CliRun run = CliRun.inProcess(tree, "lint", ".", "-f", "sarif");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("poolguard.yaml:3").contains("docsUrl").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }
}
