package dev.poolguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.poolguard.core.testing.SharedResources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks output against the official OASIS schema, which GitHub's upload also enforces, plus the
 * URI rules the schema leaves unchecked.
 */
class SarifSchemaTest {

  private static final String SCHEMA = "schemas/sarif-schema-2.1.0.json";

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void outputIsValidSarif(boolean withDocs) throws IOException {
    Optional<Path> found = SharedResources.locate(SCHEMA);
    Assumptions.assumeTrue(found.isPresent(), SharedResources.skipMessage(SCHEMA));
    JSONObject sarif = new JSONObject(render(withDocs));

    try {
      load(found.get()).validate(sarif);
    } catch (ValidationException e) {
      fail("SARIF output violates the schema:\n" + String.join("\n", e.getAllMessages()));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void urisAreWellFormed(boolean withDocs) throws IOException {
    List<String> problems = new ArrayList<>();
    check(new JSONObject(render(withDocs)), "$", problems);

    assertThat(problems).isEmpty();
  }

  /** The schema itself must reject broken output, or a passing validation proves nothing. */
  @ParameterizedTest
  @ValueSource(
      strings = {"/version", "/runs/0/results/0/level", "/runs/0/results/0/suppressions/0/kind"})
  void schemaRejectsABrokenLog(String pointer) throws IOException {
    Optional<Path> found = SharedResources.locate(SCHEMA);
    Assumptions.assumeTrue(found.isPresent(), SharedResources.skipMessage(SCHEMA));
    JSONObject sarif = new JSONObject(render(true));
    JSONObject results = sarif.getJSONArray("runs").getJSONObject(0);
    // Give the first result a suppression so the last pointer has something to break.
    results
        .getJSONArray("results")
        .getJSONObject(0)
        .put("suppressions", new JSONArray().put(new JSONObject().put("kind", "inSource")));
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String key = pointer.substring(pointer.lastIndexOf('/') + 1);
    Object target = parent.isEmpty() ? sarif : sarif.query(parent);
    ((JSONObject) target).put(key, "bogus");

    Schema schema = load(found.get());
    try {
      schema.validate(sarif);
      fail("schema accepted " + pointer + " = bogus");
    } catch (ValidationException expected) {
      assertThat(expected.getAllMessages()).isNotEmpty();
    }
  }

  /*
   * Draft-04 is everit's default, so no draft option is needed. The schema's "id" is an https URL;
   * its "#/definitions" references resolve inside the loaded document, and the client below makes
   * sure nothing is ever fetched, so the test runs offline.
   */
  private static Schema load(Path schemaFile) throws IOException {
    JSONObject json;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      json = new JSONObject(new JSONTokener(in));
    }
    SchemaClient offline =
        url -> {
          throw new IllegalStateException("schema tried to fetch " + url);
        };
    return SchemaLoader.builder().schemaJson(json).schemaClient(offline).build().load().build();
  }

  private static String render(boolean withDocs) throws IOException {
    return SarifReporterTest.render(
        Samples.mixed(),
        withDocs ? Optional.of("https://poolguard.dev/docs/rules") : Optional.empty());
  }

  /** Every artifactLocation: relative with a base id, else absolute; every helpUri absolute. */
  private static void check(Object node, String where, List<String> problems) {
    if (node instanceof JSONObject o) {
      if (o.has("artifactLocation")) {
        checkArtifact(o.getJSONObject("artifactLocation"), where, problems);
      }
      if (o.has("helpUri") && !isAbsolute(o.getString("helpUri"))) {
        problems.add(where + ".helpUri is not absolute: " + o.getString("helpUri"));
      }
      for (String key : o.keySet()) {
        check(o.get(key), where + "." + key, problems);
      }
    } else if (node instanceof JSONArray a) {
      for (int i = 0; i < a.length(); i++) {
        check(a.get(i), where + "[" + i + "]", problems);
      }
    }
  }

  private static void checkArtifact(JSONObject artifact, String where, List<String> problems) {
    String uri = artifact.getString("uri");
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      problems.add(where + ": not a URI reference: " + uri + " (" + e.getMessage() + ")");
      return;
    }
    if (artifact.has("uriBaseId")) {
      if (parsed.isAbsolute() || uri.startsWith("/")) {
        problems.add(
            where + ": relative to " + artifact.get("uriBaseId") + " but absolute: " + uri);
      }
    } else if (!parsed.isAbsolute() || !"file".equals(parsed.getScheme())) {
      problems.add(where + ": no uriBaseId but not an absolute file URI: " + uri);
    }
  }

  private static boolean isAbsolute(String uri) {
    try {
      return new URI(uri).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
