package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A digest of a pod template's content (not its layout: key order, comments and positions do not
 * count): the Deployment controller starts a rollout exactly when the template changes, so two
 * revisions with the same digest roll nothing out.
 */
final class TemplateDigest {

  private TemplateDigest() {}

  static String of(ConfigNode template) {
    StringBuilder canonical = new StringBuilder();
    write(template, canonical);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void write(ConfigNode node, StringBuilder out) {
    if (node instanceof MapNode map) {
      out.append('{');
      map.entries().stream()
          .sorted(Comparator.comparing(e -> e.key().value()))
          .forEach(
              e -> {
                quoted(e.key().value(), out);
                out.append(':');
                write(e.value(), out);
                out.append(',');
              });
      out.append('}');
    } else if (node instanceof ListNode list) {
      out.append('[');
      for (ConfigNode item : list.items()) {
        write(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (node instanceof ScalarNode scalar) {
      if (scalar.isNull()) {
        out.append("null");
      } else {
        quoted(scalar.value(), out);
      }
    }
  }

  private static void quoted(String text, StringBuilder out) {
    out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }
}
