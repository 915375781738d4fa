package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kustomize's name suffix for generated ConfigMaps and Secrets: SHA-256 of the object's kind, data
 * (and a Secret's type) encoded as Go's encoding/json does (sorted keys, HTML characters escaped),
 * the first ten hex digits with 0, 1, 3, a, e spelled g, h, k, m, t. Kustomize's hasher looks the
 * name up as one field called {@code metadata/name}, finds none and hashes an empty name; so does
 * this, and the suffixes match {@code kubectl kustomize}. A change of data is a new name, so every
 * workload that refers to it rolls.
 */
final class Hashes {

  private Hashes() {}

  static String suffix(Resource r) {
    Map<String, Object> m = new TreeMap<>();
    m.put("kind", r.kind());
    m.put("name", "");
    m.put("data", r.doc.map("data").isPresent() ? data(r.doc, "data") : "");
    if (r.kind().equals("Secret")) {
      m.put("type", Nodes.text(r.doc, "type").orElse(""));
      if (r.doc.map("stringData").isPresent()) {
        m.put("stringData", data(r.doc, "stringData"));
      }
    }
    if (r.doc.map("binaryData").isPresent()) {
      m.put("binaryData", data(r.doc, "binaryData"));
    }
    String hex = sha256(json(m));
    StringBuilder out = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      out.append(
          switch (c) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> c;
          });
    }
    return out.toString();
  }

  private static Map<String, Object> data(MapNode doc, String key) {
    Map<String, Object> out = new TreeMap<>();
    doc.map(key)
        .ifPresent(
            d ->
                d.entries()
                    .forEach(
                        e ->
                            out.put(
                                e.key().value(),
                                e.value() instanceof ScalarNode s ? s.value() : "")));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String json(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      ((Map<String, Object>) map)
          .forEach(
              (k, v) -> {
                if (out.length() > 1) {
                  out.append(',');
                }
                out.append(json(k)).append(':').append(json(v));
              });
      return out.append('}').toString();
    }
    String s = (String) value;
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
