package dev.poolguard.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class PoolguardSchemaTest {

  /** The repository root, found from the module folder surefire runs in. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("linter-core"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new AssertionError("repository root not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void publishedCopyEqualsTheShippedSchema() throws IOException {
    Path published = repositoryRoot().resolve("docs/poolguard.schema.json");
    assertThat(published).exists();
    assertThat(Files.readString(published, StandardCharsets.UTF_8))
        .as("docs/poolguard.schema.json must be a copy of %s", PoolguardSchema.RESOURCE)
        .isEqualTo(PoolguardSchema.text());
  }

  @Test
  void schemaLoads() {
    assertThat(PoolguardSchema.get()).isNotNull();
  }

  @Test
  void everyPropertyHasADescription() {
    List<String> undocumented = new ArrayList<>();
    walk(new JSONObject(PoolguardSchema.text()), "#", undocumented);
    assertThat(undocumented).isEmpty();
  }

  @Test
  void everyObjectRefusesUnknownKeysUnlessItIsANamedMap() {
    List<String> open = new ArrayList<>();
    openObjects(new JSONObject(PoolguardSchema.text()), "#", open);
    // rules.<id> takes any threshold name: only the loaded rules know them. rules: is a map by
    // rule id that spells out pool-max-reduced, whose threshold people look up most.
    assertThat(open).containsExactly("#/definitions/ruleConfig", "#/properties/rules");
  }

  private static void walk(Object node, String where, List<String> undocumented) {
    if (node instanceof JSONObject object) {
      if (object.has("properties")) {
        JSONObject properties = object.getJSONObject("properties");
        for (String name : properties.keySet()) {
          if (!properties.getJSONObject(name).has("description")) {
            undocumented.add(where + "/properties/" + name);
          }
        }
      }
      for (String key : object.keySet()) {
        walk(object.get(key), where + "/" + key, undocumented);
      }
    } else if (node instanceof JSONArray array) {
      for (int i = 0; i < array.length(); i++) {
        walk(array.get(i), where + "/" + i, undocumented);
      }
    }
  }

  private static void openObjects(Object node, String where, List<String> open) {
    if (node instanceof JSONObject object) {
      boolean fixedKeys = object.has("properties");
      Object additional = object.opt("additionalProperties");
      if (fixedKeys && !Boolean.FALSE.equals(additional)) {
        open.add(where);
      }
      for (String key : object.keySet()) {
        openObjects(object.get(key), where + "/" + key, open);
      }
    } else if (node instanceof JSONArray array) {
      for (int i = 0; i < array.length(); i++) {
        openObjects(array.get(i), where + "/" + i, open);
      }
    }
  }
}
