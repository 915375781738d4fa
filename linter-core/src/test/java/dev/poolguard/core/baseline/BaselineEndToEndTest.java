package dev.poolguard.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A git baseline through the real engine: materialize, model, snapshot, diff. */
class BaselineEndToEndTest {

  private static final PersonIdent AUTHOR =
      new PersonIdent("Pat Doe", "pat@example.com", Instant.EPOCH, ZoneOffset.UTC);
  private static final String OLD = "orders/src/main/resources/application.yml";
  private static final String NEW = "orders/src/main/resources/application.yaml";

  @TempDir Path repo;
  @TempDir Path tmp;

  private static DeploymentModel model(Path folder) {
    return new Linter(RuleSet.of(List.of())).model(LintRequest.of(folder, List.of(folder)));
  }

  @Test
  void aShrunkPoolInARenamedFileIsFoundAgainstHeadParent() throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(
          OLD,
          "spring:\n  application:\n    name: orders\n  datasource:\n    password: hunter2\n"
              + "    hikari:\n      maximum-pool-size: 40\n      connection-timeout: 2000\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("Pool 40")
          .setAuthor(AUTHOR)
          .setCommitter(AUTHOR)
          .setSign(false)
          .call();
      git.rm().addFilepattern(OLD).call();
      write(
          NEW,
          "spring:\n  application:\n    name: orders\n  datasource:\n    password: hunter3\n"
              + "    hikari:\n      maximum-pool-size: 10\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("Pool 10")
          .setAuthor(AUTHOR)
          .setCommitter(AUTHOR)
          .setSign(false)
          .call();
    }
    Materialized was = GitTree.materialize(repo, "HEAD~1", tmp.resolve("baseline"));
    DeploymentModel baseline = model(was.locate(repo).orElseThrow());
    DeploymentModel current = model(repo);

    List<Change> changes = ModelDiff.between(current, baseline);

    assertThat(changes)
        .extracting(c -> c.kind() + " " + c.service() + " " + c.key())
        .containsExactly(
            "REMOVED orders connection-timeout",
            "CHANGED orders maximum-pool-size",
            // minimumIdle defaults to maximumPoolSize, so its default shrinks along.
            "CHANGED orders minimum-idle");
    Change removed = changes.get(0);
    assertThat(removed.baseline().map(Value::text)).contains("2000");
    assertThat(removed.baseline().get().origin().position().toString()).startsWith(OLD + ":8:");
    assertThat(removed.current().map(Value::text)).contains("30000");
    assertThat(changes.get(1).current().map(Value::text)).contains("10");

    // A snapshot of the same baseline gives the same changes, and holds no secret.
    StringWriter text = new StringWriter();
    Snapshot.write(baseline, text);
    Path snapshot = Files.writeString(tmp.resolve("baseline.json"), text.toString());
    assertThat(text.toString()).doesNotContain("hunter2");
    assertThat(ModelDiff.between(current, Snapshot.read(snapshot))).isEqualTo(changes);
  }

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
