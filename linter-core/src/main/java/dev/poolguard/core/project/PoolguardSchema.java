package dev.poolguard.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/** The JSON Schema of {@code poolguard.yaml}, shipped as a resource and loaded once. */
final class PoolguardSchema {

  static final String RESOURCE = "/dev/poolguard/core/project/poolguard.schema.json";

  private PoolguardSchema() {}

  /** The loaded schema; the first call pays for parsing it, runs without a file never do. */
  static Schema get() {
    return Holder.SCHEMA;
  }

  /** The schema's text, exactly as shipped. */
  static String text() {
    try (InputStream in = PoolguardSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final Schema SCHEMA =
        SchemaLoader.builder()
            .schemaJson(new JSONObject(text()))
            .draftV7Support()
            .build()
            .load()
            .build();
  }
}
