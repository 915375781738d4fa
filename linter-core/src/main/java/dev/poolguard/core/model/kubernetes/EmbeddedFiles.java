package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the config files a ConfigMap embeds (data keys ending in {@code .yml}, {@code .yaml} or
 * {@code .properties}), so that their settings point at lines of the manifest.
 */
final class EmbeddedFiles {

  private static final Pattern APPLICATION =
      Pattern.compile("application(?:-(.+))?\\.(?:yml|yaml|properties)");

  private EmbeddedFiles() {}

  /** The syntax of a data key that names a config file. */
  public static Optional<ConfigFile.Format> formatOf(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.endsWith(".yml") || k.endsWith(".yaml")) {
      return Optional.of(ConfigFile.Format.YAML);
    }
    if (k.endsWith(".properties")) {
      return Optional.of(ConfigFile.Format.PROPERTIES);
    }
    return Optional.empty();
  }

  /** Every config file of {@code configMap}, parsed within {@code limits}, in data order. */
  public static List<EmbeddedFile> parse(ConfigMap configMap, Limits limits) {
    Objects.requireNonNull(configMap, "configMap");
    Objects.requireNonNull(limits, "limits");
    List<EmbeddedFile> out = new ArrayList<>();
    for (ConfigMap.Entry entry : configMap.data()) {
      Optional<ConfigFile.Format> format = formatOf(entry.key());
      if (format.isEmpty()) {
        continue;
      }
      SourcePosition start = entry.contentStart();
      ConfigFile file =
          ConfigLoader.loadText(
              entry.text(),
              start.path(),
              format.get(),
              start.line() - 1,
              start.column() - 1,
              limits);
      Matcher m = APPLICATION.matcher(entry.key());
      boolean application = m.matches();
      Optional<String> profile = application ? Optional.ofNullable(m.group(1)) : Optional.empty();
      out.add(
          new EmbeddedFile(
              configMap.name(), configMap.namespace(), entry.key(), profile, application, file));
    }
    return out;
  }
}
