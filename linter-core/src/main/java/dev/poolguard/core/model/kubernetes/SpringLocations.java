package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.ExternalSetting;
import dev.poolguard.core.model.spring.SpringFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where Spring Boot looks for config files in a container, as {@code ConfigDataEnvironment} and
 * {@code StandardConfigDataLocationResolver} decide: {@code spring.config.location} replaces the
 * default locations ({@code classpath:/}, {@code classpath:/config/}, {@code file:./}, {@code
 * file:./config/}, {@code file:./config/*}{@code /}), {@code spring.config.additional-location}
 * adds locations above them; a later location beats an earlier one. Each is read from the first of
 * arguments, {@code -D} options and the environment that sets it. The working directory is taken to
 * be the folder holding a mounted {@code config/} folder.
 *
 * @param replaced the locations of {@code spring.config.location}, if it is set
 * @param additional the locations of {@code spring.config.additional-location}
 */
record SpringLocations(Optional<List<String>> replaced, List<String> additional) {

  private static final int EXTERNAL = SpringFile.FIRST_EXTERNAL_LOCATION;

  /** Ranks of the default external locations: {@code ./config/} and {@code ./config/*}{@code /}. */
  private static final int CONFIG_DIR = EXTERNAL + 1;

  private static final int CONFIG_SUBDIR = EXTERNAL + 2;
  private static final int NAMED = EXTERNAL + 3;

  SpringLocations {
    replaced = replaced.map(List::copyOf);
    additional = List.copyOf(additional);
  }

  static SpringLocations of(
      List<ExternalSetting> arguments, List<ExternalSetting> systemProperties, Environment env) {
    return new SpringLocations(
        value("spring.config.location", arguments, systemProperties, env)
            .map(SpringLocations::split),
        value("spring.config.additional-location", arguments, systemProperties, env)
            .map(SpringLocations::split)
            .orElse(List.of()));
  }

  private static Optional<String> value(
      String property,
      List<ExternalSetting> arguments,
      List<ExternalSetting> systemProperties,
      Environment env) {
    for (List<ExternalSetting> source : List.of(arguments, systemProperties)) {
      Optional<String> given =
          source.stream()
              .filter(s -> s.name().equals(property))
              .reduce((a, b) -> b)
              .flatMap(ExternalSetting::text);
      if (given.isPresent()) {
        return given;
      }
    }
    String variable =
        property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    return env.get(variable).filter(EnvEntry::isKnown).map(EnvEntry::text);
  }

  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String location : value.split("[,;]")) {
      String l = location.strip().replaceFirst("^optional:", "");
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Whether Spring still reads the packaged files of this location rank (even: root). */
  boolean readsPackaged(int location) {
    if (replaced.isEmpty()) {
      return true;
    }
    String wanted = location % 2 == 0 ? "classpath:/" : "classpath:/config/";
    return replaced.get().stream()
        .anyMatch(l -> l.replaceFirst("^classpath:(?!/)", "classpath:/").equals(wanted));
  }

  /**
   * The location rank of a file mounted at {@code file}, or empty when Spring Boot does not read it
   * there.
   *
   * @param applicationName whether the file is named {@code application[-profile].*} (or by a
   *     {@code spring.config.name}), the name Spring looks for in a folder
   */
  OptionalInt rank(Path file, boolean applicationName) {
    String path = file.toString();
    String dir = file.getParent() == null ? "/" : file.getParent().toString();
    int best = -1;
    List<String> named = new ArrayList<>(replaced.orElse(List.of()));
    named.addAll(additional);
    for (int i = 0; i < named.size(); i++) {
      String l = named.get(i).replaceFirst("^file:", "");
      boolean folder = l.endsWith("/");
      String target = folder && l.length() > 1 ? l.substring(0, l.length() - 1) : l;
      if (folder ? applicationName && target.equals(dir) : target.equals(path)) {
        best = NAMED + i;
      }
    }
    if (best < 0 && replaced.isEmpty() && applicationName) {
      if (dir.endsWith("/config")) {
        best = CONFIG_DIR;
      } else if (file.getParent() != null
          && file.getParent().getParent() != null
          && file.getParent().getParent().toString().endsWith("/config")) {
        best = CONFIG_SUBDIR;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
