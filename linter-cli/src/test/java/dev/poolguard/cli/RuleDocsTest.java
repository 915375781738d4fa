package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.poolguard.core.docs.RuleDocs;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.rule.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when the generated docs differ from the rules' metadata: {@code docs/rules/<id>.md} for
 * every rule on the class path, {@code docs/RULES.md}, and the README's rule table between {@code
 * <!-- rules:start -->} and {@code <!-- rules:end -->}. A page for a rule that no longer exists
 * fails too.
 *
 * <p>To regenerate after adding or changing a rule, run {@value #REGENERATE} from the repository
 * root. It writes the files that differ and deletes nothing: a page for a rule that no longer
 * exists keeps failing until you delete it. {@code -am} builds the rules from this checkout rather
 * than taking them from the local Maven repository. Setting the environment variable {@code
 * POOLGUARD_UPDATE_DOCS=true} works as well as the system property.
 */
class RuleDocsTest {

  static final String REGENERATE =
      "mvn -B -o test -pl linter-cli -am -Dtest=RuleDocsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpoolguard.updateDocs=true";

  /** The repository root, from the module folder the tests run in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void generatedDocsMatchTheRuleMetadata() throws IOException {
    assertThat(ROOT.resolve("README.md")).as("repository root %s", ROOT).isRegularFile();
    List<RuleInfo> rules = RuleSet.load(RuleDocsTest.class.getClassLoader()).infos();
    assertThat(rules).as("rules on the class path").isNotEmpty();

    Map<String, String> expected = expected(rules);
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> file : expected.entrySet()) {
      if (!file.getValue().equals(read(file.getKey()))) {
        stale.add(file.getKey());
      }
    }
    List<String> orphans = new ArrayList<>();
    for (String page : pagesOnDisk()) {
      if (!expected.containsKey(page)) {
        orphans.add(page);
      }
    }

    if (updateRequested()) {
      for (String path : stale) {
        Path file = ROOT.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, expected.get(path));
      }
      stale.clear();
    }
    if (!stale.isEmpty() || !orphans.isEmpty()) {
      fail(report(stale, orphans));
    }
  }

  /** Every generated file by its path relative to the root, in a stable order. */
  private static Map<String, String> expected(List<RuleInfo> rules) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (RuleInfo rule : rules) {
      files.put(RuleDocs.pagePath(rule.id()), RuleDocs.page(rule));
    }
    files.put(RuleDocs.INDEX_PATH, RuleDocs.index(rules));
    String readme = read("README.md");
    try {
      files.put("README.md", RuleDocs.readme(readme, rules));
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    }
    return files;
  }

  private static List<String> pagesOnDisk() throws IOException {
    Path folder = ROOT.resolve(RuleDocs.PAGES_FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> RuleDocs.PAGES_FOLDER + f.getFileName()).sorted().toList();
    }
  }

  // Line ends are compared as \n so that a checkout with CRLF conversion is not reported as stale.
  private static String read(String path) throws IOException {
    Path file = ROOT.resolve(path);
    return Files.isRegularFile(file) ? Files.readString(file).replace("\r\n", "\n") : "";
  }

  private static boolean updateRequested() {
    return Boolean.parseBoolean(System.getProperty("poolguard.updateDocs"))
        || Boolean.parseBoolean(System.getenv("POOLGUARD_UPDATE_DOCS"));
  }

  private static String report(List<String> stale, List<String> orphans) {
    StringBuilder s = new StringBuilder();
    if (!stale.isEmpty()) {
      s.append("Generated docs differ from the rules' metadata:\n");
      stale.forEach(p -> s.append("  ").append(p).append('\n'));
      s.append("Regenerate them from the repository root with:\n  ")
          .append(REGENERATE)
          .append('\n');
    }
    if (!orphans.isEmpty()) {
      s.append("Pages for rules that no longer exist (delete them, or restore the rule):\n");
      orphans.forEach(p -> s.append("  ").append(p).append('\n'));
    }
    return s.toString();
  }
}
