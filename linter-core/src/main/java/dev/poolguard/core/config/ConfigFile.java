package dev.poolguard.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One loaded input file: its documents (YAML {@code ---} documents, properties {@code #---}
 * documents) and the problems found while loading it. A file with an {@link
 * LoadProblem.Kind#UNPARSEABLE} problem has no documents.
 */
public record ConfigFile(
    Path file, String displayPath, Format format, List<ConfigNode> documents, List<LoadProblem> problems) {

  public ConfigFile {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** The syntax a file is read with. */
  public enum Format {
    YAML,
    PROPERTIES,
    JSON
  }

  public boolean parsed() {
    return problems.stream().noneMatch(p -> p.kind() == LoadProblem.Kind.UNPARSEABLE);
  }
}
