package dev.poolguard.core.config;

/** Something wrong with a file found while loading it, reported by the integrity rules. */
public record LoadProblem(Kind kind, String message, SourcePosition position) {

  /** What went wrong. */
  public enum Kind {
    /** Not valid YAML, properties or JSON, or beyond a resource limit while parsing. */
    UNPARSEABLE,
    /** The same key twice in one YAML mapping. */
    DUPLICATE_KEY,
    /**
     * A {@code .properties} file that is not valid UTF-8, read as ISO-8859-1 as Spring Boot does:
     * not a finding, a note that {@code --verbose} shows.
     */
    READ_AS_LATIN1
  }
}
