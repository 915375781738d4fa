package dev.poolguard.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a snapshot file into a model, naming the file and the field of every problem. */
final class SnapshotReader {

  /* Duplicate fields would make "the" value ambiguous; a hand-edited snapshot should say so. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Path file;
  private final String name;

  SnapshotReader(Path file) {
    this.file = file;
    this.name = file.toString();
  }

  DeploymentModel read() {
    Map<String, Object> root = parse();
    JsonObject top = new JsonObject(root, "", this);
    checkVersion(root.get(Snapshot.VERSION_FIELD));
    List<Service> services = new ArrayList<>();
    for (JsonObject s : top.objects("services")) {
      services.add(service(s));
    }
    return new DeploymentModel(services, top.optionalStrings("notes"));
  }

  private void checkVersion(Object version) {
    if (version == null) {
      throw fail(
          "not a poolguard snapshot (no \""
              + Snapshot.VERSION_FIELD
              + "\" field); write one with `poolguard baseline -o "
              + name
              + "`");
    }
    if (!(version instanceof Long v) || v < 1) {
      throw fail(
          "unsupported snapshot version "
              + version
              + "; write it again with `poolguard baseline -o "
              + name
              + "`");
    }
    if (v > Snapshot.VERSION) {
      throw fail(
          "snapshot version "
              + v
              + " is newer than this poolguard supports ("
              + Snapshot.VERSION
              + "); upgrade poolguard");
    }
  }

  private Service service(JsonObject s) {
    List<DataSource> dataSources = new ArrayList<>();
    for (JsonObject ds : s.objects("dataSources")) {
      dataSources.add(dataSource(ds));
    }
    return new Service(
        s.string("name"),
        s.enumValue("framework", Framework.class),
        s.strings("profiles"),
        s.string("profileSource"),
        s.strings("configFiles"),
        dataSources,
        position(s.object("anchor")));
  }

  private DataSource dataSource(JsonObject ds) {
    List<PoolSetting> settings = new ArrayList<>();
    for (JsonObject s : ds.objects("settings")) {
      settings.add(setting(s));
    }
    Optional<DataSource.Inert> inert =
        ds.optionalObject("inert")
            .map(
                i ->
                    new DataSource.Inert(
                        i.string("reason"),
                        position(i.object("position")),
                        i.optionalBool("switchedOff")));
    return new DataSource(
        ds.string("name"),
        ds.enumValue("pool", PoolKind.class),
        ds.string("prefix"),
        settings,
        inert,
        position(ds.object("anchor")),
        ds.integer("libraryMajor"));
  }

  private PoolSetting setting(JsonObject s) {
    Optional<Value.Unknown> unknown =
        s.optionalObject("unknown")
            .map(
                u ->
                    new Value.Unknown(
                        u.enumValue("cause", Value.Unknown.Cause.class), u.string("name")));
    List<Origin> overridden = new ArrayList<>();
    for (JsonObject o : s.objects("overridden")) {
      overridden.add(origin(o));
    }
    Value value =
        new Value(
            s.string("text"),
            s.enumValue("state", Value.State.class),
            origin(s.object("origin")),
            overridden,
            unknown);
    return new PoolSetting(s.string("key"), s.string("property"), value, s.bool("known"));
  }

  private Origin origin(JsonObject o) {
    return new Origin(
        o.enumValue("kind", Origin.Kind.class),
        position(o.object("position")),
        o.string("property"),
        o.string("text"));
  }

  private static SourcePosition position(JsonObject p) {
    return new SourcePosition(p.string("path"), p.integer("line"), p.integer("column"));
  }

  private Map<String, Object> parse() {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // A FIFO or a device could block or never end.
      throw fail("not a regular file");
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = FACTORY.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw fail("the snapshot is empty" + regenerate());
      }
      if (first != JsonToken.START_OBJECT) {
        throw fail("not a poolguard snapshot (expected a JSON object)" + regenerate());
      }
      Map<String, Object> root = object(p);
      if (p.nextToken() != null) {
        throw failAt(p.currentLocation(), "unexpected content after the snapshot" + regenerate());
      }
      return root;
    } catch (NoSuchFileException e) {
      throw fail(
          "snapshot file not found; write one with `poolguard baseline -o "
              + name
              + "` or name another baseline");
    } catch (AccessDeniedException e) {
      throw fail("cannot read the snapshot: permission denied");
    } catch (JsonProcessingException e) {
      throw failAt(e.getLocation(), "not valid JSON: " + e.getOriginalMessage() + regenerate());
    } catch (IOException e) {
      throw fail("cannot read the snapshot: " + e.getMessage());
    }
  }

  /* Objects keep their field order so that messages can name fields as written. */
  private Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      out.put(field, value(p));
    }
    return out;
  }

  private Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.INT
                  || p.getNumberType() == JsonParser.NumberType.LONG
              ? p.getLongValue()
              : p.getText();
      // Kept as text: no field of a snapshot is fractional, and 1e999999999999 has no BigDecimal.
      case VALUE_NUMBER_FLOAT -> new Fraction(p.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> JsonObject.NULL;
    };
  }

  /** A number with a fraction or exponent, which every field refuses by its type. */
  private record Fraction(String text) {}

  private List<Object> array(JsonParser p) throws IOException {
    List<Object> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(value(p));
    }
    return out;
  }

  private String regenerate() {
    return "; write it again with `poolguard baseline -o " + name + "`";
  }

  /** A problem with the file: one line naming it, for exit code 2. */
  LintException fail(String message) {
    return new LintException(name + ": " + message);
  }

  private LintException failAt(JsonLocation location, String message) {
    if (location == null || location.getLineNr() < 1) {
      return fail(message);
    }
    return new LintException(
        name + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": " + message);
  }
}
