package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.config.SourcePosition;
import java.io.IOException;

/** Writes SARIF {@code physicalLocation} objects for source positions. */
final class SarifLocations {

  /** The base id every relative artifact URI resolves against. */
  static final String SRCROOT = "%SRCROOT%";

  private SarifLocations() {}

  /** The {@code physicalLocation} field: the file, relative to {@link #SRCROOT} when possible. */
  static void writePhysical(JsonGenerator g, SourcePosition p) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    if (ArtifactUris.isAbsolute(p.path())) {
      // Outside the source root: no base to resolve against, so the URI must stand alone.
      g.writeStringField("uri", ArtifactUris.absolute(p.path()));
    } else {
      g.writeStringField("uri", ArtifactUris.relative(p.path()));
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", p.line());
    g.writeNumberField("startColumn", p.column());
    g.writeEndObject();
    g.writeEndObject();
  }
}
