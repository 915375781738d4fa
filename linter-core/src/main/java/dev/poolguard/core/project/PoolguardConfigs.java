package dev.poolguard.core.project;

import dev.poolguard.core.LintException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds and loads {@code poolguard.yaml}; every problem with the file is a {@link LintException}.
 */
public final class PoolguardConfigs {

  /** The name looked for beside and above the linted paths. */
  public static final String FILE_NAME = "poolguard.yaml";

  /** The class-path resource of the JSON Schema (also published as docs/poolguard.schema.json). */
  public static final String SCHEMA_RESOURCE = PoolguardSchema.RESOURCE;

  private PoolguardConfigs() {}

  /**
   * The {@code poolguard.yaml} of a run: {@code explicit} ({@code --config}) when given, else the
   * one in the first lint path's folder (the path itself when it is a folder) or its nearest
   * ancestor, not looking above a repository root (a folder holding {@code .git}).
   *
   * @return the file as an absolute path, or empty when the run has none
   * @throws LintException when {@code explicit} is missing or unreadable
   */
  public static Optional<Path> find(List<Path> lintPaths, Optional<Path> explicit) {
    return ConfigLookup.find(lintPaths, explicit);
  }
}
