package dev.poolguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolguard.core.rule.RuleInfo;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a rule's metadata as a SARIF {@code reportingDescriptor}, all of it from {@link RuleInfo}.
 */
final class SarifRules {

  private SarifRules() {}

  static void write(JsonGenerator g, RuleInfo rule, Optional<String> docsUrl) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    g.writeStringField("name", pascalCase(rule.id()));
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", rule.title());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", rule.rationale());
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", rule.defaultSeverity().id());
    g.writeEndObject();
    Optional<String> helpUri = ArtifactUris.helpUri(docsUrl, rule.id());
    if (helpUri.isPresent()) {
      g.writeStringField("helpUri", helpUri.get());
    }
    g.writeObjectFieldStart("help");
    g.writeStringField("text", helpText(rule));
    g.writeStringField("markdown", helpMarkdown(rule));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    for (String tag : tags(rule)) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** {@code pool-below-peak-demand} → {@code PoolBelowPeakDemand}, SARIF's convention for names. */
  static String pascalCase(String id) {
    StringBuilder s = new StringBuilder(id.length());
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return s.toString();
  }

  static String helpText(RuleInfo rule) {
    StringBuilder s = new StringBuilder(rule.rationale());
    if (!rule.remediation().isBlank()) {
      s.append("\n\nRemediation: ").append(rule.remediation());
    }
    if (!rule.example().isBlank()) {
      s.append("\n\nExample:\n").append(stripTrailingNewlines(rule.example()));
    }
    return s.toString();
  }

  static String helpMarkdown(RuleInfo rule) {
    StringBuilder s = new StringBuilder(rule.rationale());
    if (!rule.remediation().isBlank()) {
      s.append("\n\n**Remediation:** ").append(rule.remediation());
    }
    if (!rule.example().isBlank()) {
      String fence = fenceFor(rule.example());
      s.append("\n\n**Example:**\n\n")
          .append(fence)
          .append('\n')
          .append(stripTrailingNewlines(rule.example()))
          .append('\n')
          .append(fence);
    }
    return s.toString();
  }

  /**
   * The rule's inputs as tags, so code scanning can filter e.g. the rules that compare against a
   * baseline; {@code Need} is the only classification the metadata has.
   */
  static java.util.List<String> tags(RuleInfo rule) {
    return rule.needs().stream()
        .map(n -> n.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .sorted()
        .toList();
  }

  // A fence longer than any backtick run inside the example, so an example can never close it.
  private static String fenceFor(String example) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < example.length(); i++) {
      run = example.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String stripTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
