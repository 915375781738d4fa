package dev.poolguard.core.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom rule's message: {@code {service.name}}, {@code {pool.maximumPoolSize}} and the other
 * {@code {service.x}} / {@code {pool.x}} placeholders are replaced by the values (an absent value
 * prints as {@code ?}); any other text stays as written.
 */
final class MessageTemplate {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(" + Variables.SERVICE + "|" + Variables.POOL + ")\\.([A-Za-z0-9]+)}");

  private MessageTemplate() {}

  /** The placeholders of {@code template} as {@code variable.field}, for validation. */
  static List<String[]> placeholders(String template) {
    List<String[]> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  static String render(String template, Variables vars) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(vars.text(m.group(1), m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
