package dev.poolguard.cli;

import dev.poolguard.core.engine.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules-jar}: rule packs for every command that runs or describes rules. */
final class RulePackOptions {

  @Option(
      names = "--rules-jar",
      paramLabel = "JAR",
      description = "Load an extra rule pack (repeatable).")
  List<Path> rulesJars = new ArrayList<>();

  /** The built-in rules and those of every {@code --rules-jar}, relative to {@code dir}. */
  RuleSet rules(Path dir) {
    return RuleSet.load(
        RulePackOptions.class.getClassLoader(),
        rulesJars.stream().map(p -> dir.resolve(p).normalize()).toList());
  }
}
