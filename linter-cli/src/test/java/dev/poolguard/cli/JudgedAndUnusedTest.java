package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets first: a tree poolguard does not understand says so, init and baseline say
 * what they wrote and what comes next, a revision given as a PATH gets a hint, and every report
 * names the commit and baseline it judged.
 */
class JudgedAndUnusedTest {

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String pool(int size) {
    return "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
        + "      maximum-pool-size: "
        + size
        + "\n";
  }

  private void unsupportedTree() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    write(
        "chart/templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
    write("k8s/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
    write(
        "k8s/jobs.yaml",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec: {}\n---\n"
            + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\nspec:\n"
            + "  replicas: 2\n  template:\n    spec:\n      containers:\n"
            + "        - name: nginx\n          image: nginx:1\n");
    write("db/orders-db/postgresql.conf", "max_connections = 200\n");
    write("tools/app.ini", "[x]\na = 1\n");
    write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
  }

  @Test
  void aTreeOfOnlyUnsupportedFilesSaysSoInEveryOutput() throws IOException {
    unsupportedTree();

    CliRun text = CliRun.inProcess(dir, "lint", "--no-color");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .doesNotContain("no findings")
        .startsWith("no service found under . (")
        .contains("lint a service's folder, or declare services: in poolguard.yaml")
        .contains(
            "; 8 found but not used (2 Helm chart files, 1 workload matching no service,"
                + " 5 files or kinds not modelled; -v lists them)");

    CliRun verbose = CliRun.inProcess(dir, "lint", "-v", "--no-color");
    assertThat(verbose.err())
        .contains("poolguard: not used: chart/templates/deployment.yaml:1:1: Helm template")
        .contains("poolguard: not used: k8s/jobs.yaml:1:1: CronJob nightly: a workload kind")
        .contains("poolguard: not used: k8s/jobs.yaml:10:9: Deployment nginx matches no service")
        .contains("poolguard: not used: k8s/service.yaml:1:1: holds only Service")
        .contains(
            "poolguard: not used: db/orders-db/postgresql.conf:1:1: read only when databases:")
        .contains("poolguard: not used: tools/app.ini:1:1: a file type poolguard does not model")
        .contains(
            "poolguard: not used: docker-compose.yml:2:3: compose service db runs PostgreSQL, but"
                + " no service's JDBC URL names it");

    JSONObject json = new JSONObject(CliRun.inProcess(dir, "lint", "-f", "json").out());
    assertThat(json.getJSONArray("unusedFiles").length()).isEqualTo(8);
    assertThat(json.query("/unusedFiles/0/location/path")).isEqualTo("chart/Chart.yaml");
    assertThat(json.query("/judged/paths/0")).isEqualTo(".");

    JSONObject sarif = new JSONObject(CliRun.inProcess(dir, "lint", "-f", "sarif").out());
    JSONArray notes = (JSONArray) sarif.query("/runs/0/invocations/0/toolExecutionNotifications");
    assertThat(notes.length()).isEqualTo(8);
    assertThat(notes.query("/0/level")).isEqualTo("note");
    assertThat(notes.query("/0/descriptor/id")).isEqualTo("file-not-used");
    assertThat(notes.query("/0/locations/0/physicalLocation/artifactLocation/uri"))
        .isEqualTo("chart/Chart.yaml");
  }

  @Test
  void initProposesDatabasesListsUntiedDeploymentsAndSaysWhatComesNext() throws IOException {
    unsupportedTree();
    write("orders/src/main/resources/application.yml", pool(40));

    CliRun init = CliRun.inProcess(dir, "init");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out())
        .contains(
            "wrote poolguard.yaml: 1 service (orders), 1 database from db/orders-db/postgresql.conf")
        .contains("not tied to a service: k8s/jobs.yaml:10:9: Deployment nginx matches no service")
        .contains("next: fill in the TODOs in poolguard.yaml");
    assertThat(dir.resolve("poolguard.yaml"))
        .content()
        .contains("databases:", "  orders-db:\n    config: db/orders-db/postgresql.conf\n")
        .contains("# database: orders-db")
        .contains("#   k8s/jobs.yaml:10:9: Deployment nginx matches no service");
    CliRun lint = CliRun.inProcess(dir, "lint", "--no-color");
    assertThat(lint.exitCode()).as(lint.err() + lint.out()).isZero();
    assertThat(lint.out()).doesNotContain("postgresql.conf");

    CliRun baseline = CliRun.inProcess(dir, "baseline", "-o", "release.json");
    assertThat(baseline.exitCode()).as(baseline.err()).isZero();
    assertThat(baseline.out())
        .isEqualTo(
            "wrote release.json: the effective settings of 1 service\n"
                + "next: commit it and set `baseline: release.json` in poolguard.yaml (or pass"
                + " --baseline release.json) so lint and diff compare with it\n");
  }

  @Test
  void aRevisionGivenAsAPathGetsAHint() throws IOException, GitAPIException {
    write("orders/src/main/resources/application.yml", pool(40));
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("pool 40").setAuthor("t", "t@e").setCommitter("t", "t@e").call();
    }
    CliRun run = CliRun.inProcess(dir, "diff", "HEAD");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "poolguard: error: cannot read HEAD: no such file or directory; to compare with the"
                + " git revision HEAD, did you mean `-b HEAD`?\n");
    assertThat(CliRun.inProcess(dir, "diff", "-b", "HEAD").exitCode()).isZero();
  }

  @Test
  void reportsNameTheCommitAndBaselineTheyJudged() throws IOException, GitAPIException {
    write("orders/src/main/resources/application.yml", pool(40));
    RevCommit head;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString(
          "remote", "origin", "url", "https://bot:s3cr3t-token@example.com/acme/shop.git");
      config.save();
      git.add().addFilepattern(".").call();
      head =
          git.commit().setMessage("pool 40").setAuthor("t", "t@e").setCommitter("t", "t@e").call();
    }
    write("orders/src/main/resources/application.yml", pool(30));
    String commit = head.getName();

    CliRun sarifRun = CliRun.inProcess(dir, "lint", "-b", "HEAD", "-f", "sarif");
    assertThat(sarifRun.out()).doesNotContain("s3cr3t");
    JSONObject sarif = new JSONObject(sarifRun.out());
    assertThat(sarif.query("/runs/0/versionControlProvenance/0/repositoryUri"))
        .isEqualTo("https://example.com/acme/shop.git");
    assertThat(sarif.query("/runs/0/versionControlProvenance/0/revisionId")).isEqualTo(commit);
    assertThat(sarif.query("/runs/0/versionControlProvenance/0/branch")).isEqualTo("main");
    assertThat(sarif.query("/runs/0/properties/judged/baselineRevision")).isEqualTo(commit);

    JSONObject json =
        new JSONObject(CliRun.inProcess(dir, "lint", "-b", "HEAD", "-f", "json").out());
    assertThat(json.query("/judged/revision")).isEqualTo(commit);
    assertThat(json.query("/judged/source")).isEqualTo("files");
    assertThat(json.query("/judged/baseline")).isEqualTo("HEAD");
    assertThat(json.query("/judged/baselineRevision")).isEqualTo(commit);

    String shortId = commit.substring(0, 12);
    assertThat(CliRun.inProcess(dir, "lint", "-b", "HEAD", "-f", "markdown").out())
        .contains(
            "Linted `. at "
                + shortId
                + " (main)`. Compared with baseline `HEAD ("
                + shortId
                + ")`.");
    String html = CliRun.inProcess(dir, "lint", "-b", "HEAD", "-f", "html").out();
    assertThat(html).contains("linted <code id=\"judged\">. at " + shortId + " (main)</code>");
    assertThat(CliRun.inProcess(dir, "lint", "-b", "HEAD", "-f", "html").out()).isEqualTo(html);

    CliRun staged = CliRun.inProcess(dir, "lint", "--staged", "-f", "json");
    assertThat(new JSONObject(staged.out()).query("/judged/source")).isEqualTo("git-index");
  }
}
