package dev.poolguard.core.project;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.ConstSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The node tree of {@code poolguard.yaml} as org.json values for the validator, indexed by JSON
 * pointer so that every violation maps back to a line and column.
 *
 * <p>Each node also records the schemas that apply to it. They decide how a scalar becomes JSON
 * (where only a string fits, {@code reason: 1234} stays the string "1234") and let messages say
 * what was expected without trusting the validator's report of which schema failed, which it
 * rewrites as violations bubble up.
 */
final class JsonTree {

  /**
   * Stands in for keys holding {@code /} or {@code ~}: the validator escapes those inconsistently.
   */
  private static final char SURROGATE = '\uE000';

  private static final int MAX_SCHEMA_DEPTH = 32;

  /**
   * What one JSON pointer refers to.
   *
   * @param pointer the pointer as the validator writes it ({@code #/services/orders-api})
   * @param label the dotted field name users see ({@code services.orders-api}, {@code waivers[0]})
   * @param key the key the node is the value of, if it is a mapping value
   * @param node the node
   * @param json the node as JSON
   * @param schemas the non-combined schemas that apply to the node
   */
  record Located(
      String pointer,
      String label,
      Optional<ScalarNode> key,
      ConfigNode node,
      Object json,
      List<Schema> schemas) {

    /** The key naming this node, else the node itself: where "missing key" problems point. */
    SourcePosition keyOrNodePosition() {
      return key.map(ScalarNode::position).orElse(node.position());
    }
  }

  private final Map<String, Located> byPointer = new HashMap<>();
  private final List<Problem> duplicateKeys = new ArrayList<>();
  private int surrogates;

  private JsonTree() {}

  static JsonTree of(ConfigNode root, Schema schema) {
    JsonTree tree = new JsonTree();
    tree.convert(root, "#", "", Optional.empty(), unwrap(List.of(schema)));
    return tree;
  }

  /** The whole document as JSON. */
  Object root() {
    return byPointer.get("#").json();
  }

  Optional<Located> at(String pointer) {
    return Optional.ofNullable(byPointer.get(pointer));
  }

  /** The node at {@code pointer}, else its nearest indexed ancestor (at worst the document). */
  Located nearest(String pointer) {
    String p = pointer;
    while (!byPointer.containsKey(p) && p.contains("/")) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return byPointer.getOrDefault(p, byPointer.get("#"));
  }

  /** Keys that occur twice in one mapping; the validator only ever sees the last. */
  List<Problem> duplicateKeys() {
    return List.copyOf(duplicateKeys);
  }

  private Object convert(
      ConfigNode node,
      String pointer,
      String label,
      Optional<ScalarNode> key,
      List<Schema> schemas) {
    Object json;
    if (node instanceof MapNode map) {
      json = convertMap(map, pointer, label, schemas);
    } else if (node instanceof ListNode list) {
      JSONArray array = new JSONArray();
      List<ConfigNode> items = list.items();
      for (int i = 0; i < items.size(); i++) {
        array.put(
            convert(
                items.get(i),
                pointer + "/" + i,
                label + "[" + i + "]",
                Optional.empty(),
                itemSchemas(schemas, i)));
      }
      json = array;
    } else {
      json = Scalars.toJson((ScalarNode) node, stringOnly(schemas));
    }
    byPointer.put(pointer, new Located(pointer, label, key, node, json, schemas));
    return json;
  }

  private JSONObject convertMap(MapNode map, String pointer, String label, List<Schema> schemas) {
    JSONObject object = new JSONObject();
    Map<String, ScalarNode> seen = new HashMap<>();
    Map<String, String> tokens = new HashMap<>();
    for (MapNode.Entry entry : map.entries()) {
      String name = Scalars.text(entry.key());
      ScalarNode first = seen.putIfAbsent(name, entry.key());
      if (first != null) {
        duplicateKeys.add(
            new Problem(
                entry.key().position(),
                Problem.labelled(
                    label,
                    "duplicate key "
                        + Problem.quote(name)
                        + " (first at line "
                        + first.position().line()
                        + ")"),
                "duplicate:" + entry.key().position(),
                0));
      }
      String token =
          tokens.computeIfAbsent(
              name,
              n -> n.indexOf('/') < 0 && n.indexOf('~') < 0 ? n : SURROGATE + "" + surrogates++);
      String childLabel =
          label.isEmpty() ? Problem.printable(name) : label + "." + Problem.printable(name);
      // A later duplicate replaces the earlier one, as MapNode.get does.
      object.put(
          token,
          convert(
              entry.value(),
              pointer + "/" + token,
              childLabel,
              Optional.of(entry.key()),
              propertySchemas(schemas, name)));
    }
    return object;
  }

  /** The schemas for property {@code name} of an object that {@code schemas} describe. */
  private static List<Schema> propertySchemas(List<Schema> schemas, String name) {
    List<Schema> found = new ArrayList<>();
    for (Schema schema : schemas) {
      // poolguard's schema has no patternProperties, so properties and additionalProperties
      // suffice.
      if (schema instanceof ObjectSchema object) {
        Schema property = object.getPropertySchemas().get(name);
        if (property != null) {
          found.add(property);
        } else if (object.getSchemaOfAdditionalProperties() != null) {
          found.add(object.getSchemaOfAdditionalProperties());
        }
      }
    }
    return unwrap(found);
  }

  private static List<Schema> itemSchemas(List<Schema> schemas, int index) {
    List<Schema> found = new ArrayList<>();
    for (Schema schema : schemas) {
      if (schema instanceof ArraySchema array) {
        if (array.getAllItemSchema() != null) {
          found.add(array.getAllItemSchema());
        } else if (array.getItemSchemas() != null && index < array.getItemSchemas().size()) {
          found.add(array.getItemSchemas().get(index));
        } else if (array.getSchemaOfAdditionalItems() != null) {
          found.add(array.getSchemaOfAdditionalItems());
        }
      }
    }
    return unwrap(found);
  }

  /** True when the only scalars {@code schemas} accept are strings. */
  static boolean stringOnly(List<Schema> schemas) {
    boolean string = false;
    for (Schema schema : schemas) {
      if (schema instanceof StringSchema s) {
        string |= s.requireString();
      } else if (schema instanceof EnumSchema e) {
        if (!e.getPossibleValues().stream().allMatch(String.class::isInstance)) {
          return false;
        }
        string = true;
      } else if (schema instanceof ConstSchema c) {
        if (!(c.getPermittedValue() instanceof String)) {
          return false;
        }
        string = true;
      } else if (!(schema instanceof ObjectSchema) && !(schema instanceof ArraySchema)) {
        return false; // a number, boolean or null schema, or one that accepts anything
      }
    }
    return string;
  }

  /** Replaces references and combinations by the plain schemas they are made of. */
  static List<Schema> unwrap(List<Schema> schemas) {
    List<Schema> out = new ArrayList<>();
    for (Schema schema : schemas) {
      unwrapInto(schema, out, 0);
    }
    return List.copyOf(out);
  }

  private static void unwrapInto(Schema schema, List<Schema> out, int depth) {
    if (depth > MAX_SCHEMA_DEPTH) {
      return;
    }
    if (schema instanceof ReferenceSchema reference) {
      if (reference.getReferredSchema() != null) {
        unwrapInto(reference.getReferredSchema(), out, depth + 1);
      }
    } else if (schema instanceof CombinedSchema combined) {
      for (Schema sub : combined.getSubschemas()) {
        unwrapInto(sub, out, depth + 1);
      }
    } else {
      out.add(schema);
    }
  }
}
