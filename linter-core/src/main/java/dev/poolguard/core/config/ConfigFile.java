package dev.poolguard.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One loaded input file: its documents (YAML {@code ---} documents, properties {@code #---}
 * documents) and the problems found while loading it. A file with an {@link
 * LoadProblem.Kind#UNPARSEABLE} problem has no documents.
 */
public record ConfigFile(
    String displayPath, Format format, List<ConfigNode> documents, List<LoadProblem> problems) {

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

  /** Collects documents and problems while a loader works. */
  static final class Builder {
    private final String displayPath;
    private final Format format;
    private final List<ConfigNode> documents = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    Builder(String displayPath, Format format) {
      this.displayPath = displayPath;
      this.format = format;
    }

    Builder documents(List<ConfigNode> docs) {
      documents.addAll(docs);
      return this;
    }

    Builder problem(LoadProblem.Kind kind, String message, SourcePosition position) {
      problems.add(new LoadProblem(kind, message, position));
      return this;
    }

    ConfigFile build() {
      boolean unparseable =
          problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.UNPARSEABLE);
      return new ConfigFile(displayPath, format, unparseable ? List.of() : documents, problems);
    }
  }
}
