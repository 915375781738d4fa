package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.spring.SpringNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blocks of a Spring service's config that look like a second datasource the application builds
 * itself ({@code spring.datasource.events.url}, {@code app.datasource.configuration.*}) but that no
 * {@code poolguard.yaml} declaration ties to a pool: Spring Boot creates no pool from them, so they
 * count nowhere until declared, and a run note says so.
 */
final class DataSourceHints {

  /** {@code spring.datasource.*} keys of Spring Boot's own datasource, in uniform form. */
  private static final Set<String> OWN =
      Set.of(
          "url",
          "username",
          "password",
          "driverclassname",
          "type",
          "name",
          "generateuniquename",
          "jndiname",
          "hikari",
          "tomcat",
          "dbcp2",
          "oracleucp",
          "xa",
          "embeddeddatabaseconnection",
          "continueonerror",
          "initializationmode",
          "platform",
          "schema",
          "data",
          "separator",
          "sqlscriptencoding",
          "initialize",
          "schemausername",
          "schemapassword",
          "datausername",
          "datapassword");

  private static final Pattern BLOCK =
      Pattern.compile(
          "((?:spring\\.datasource|app\\.datasource)(?:\\.([^.\\[]+))?)\\.(url|jdbcurl|hikari\\..+|configuration\\..+)");

  private DataSourceHints() {}

  static List<String> notes(String service, List<SpringFile> files, List<String> declared) {
    Map<String, String> found = new TreeMap<>();
    for (SpringFile f : files) {
      for (ConfigNode doc : f.file().documents()) {
        List<String> keys = new ArrayList<>();
        walk("", doc, keys);
        for (String key : keys) {
          Matcher m = BLOCK.matcher(SpringNames.uniform(key));
          if (!m.matches()
              || (m.group(1).equals("spring.datasource"))
              || (m.group(2) != null
                  && m.group(1).startsWith("spring.")
                  && OWN.contains(m.group(2)))) {
            continue;
          }
          String prefix = m.group(1);
          boolean tied =
              declared.stream().map(SpringNames::uniform).anyMatch(d -> d.startsWith(prefix));
          if (!tied) {
            found.putIfAbsent(prefix, f.file().displayPath());
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    found.forEach(
        (prefix, file) ->
            out.add(
                "service "
                    + service
                    + ": "
                    + prefix
                    + ".* in "
                    + file
                    + " looks like a datasource the application builds itself; it counts in no"
                    + " budget until poolguard.yaml declares it (services."
                    + service
                    + ".datasources.NAME: {prefix: "
                    + prefix
                    + (prefix.startsWith("app.") ? ".configuration" : ".hikari")
                    + ", database: …})"));
    return out;
  }

  private static final int MAX_KEYS = 10_000;

  private static void walk(String prefix, ConfigNode node, List<String> out) {
    if (out.size() >= MAX_KEYS) {
      return;
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        String key = e.key().value();
        walk(prefix.isEmpty() ? key : prefix + "." + key, e.value(), out);
      }
    } else if (node instanceof ListNode) {
      out.add(prefix);
    } else if (!prefix.isEmpty()) {
      out.add(prefix);
    }
  }
}
