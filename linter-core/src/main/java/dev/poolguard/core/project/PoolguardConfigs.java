package dev.poolguard.core.project;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everit.json.schema.ValidationException;

/**
 * Finds and loads {@code poolguard.yaml}; every problem with the file is a {@link LintException}.
 */
public final class PoolguardConfigs {

  /** The name {@code init} writes and messages use. */
  public static final String FILE_NAME = "poolguard.yaml";

  /** Every name looked for beside and above the linted paths; one folder may hold only one. */
  public static final List<String> FILE_NAMES =
      List.of(FILE_NAME, "poolguard.yml", ".poolguard.yaml", ".poolguard.yml");

  /** The class-path resource of the JSON Schema (also published as docs/poolguard.schema.json). */
  public static final String SCHEMA_RESOURCE = PoolguardSchema.RESOURCE;

  private PoolguardConfigs() {}

  /**
   * The {@code poolguard.yaml} of a run: {@code explicit} ({@code --config}) when given, else the
   * one in the first lint path's folder (the path itself when it is a folder) or its nearest
   * ancestor, not looking above a repository root (a folder holding {@code .git}).
   *
   * @return the file as an absolute path, or empty when the run has none
   * @throws LintException when {@code explicit} is missing or unreadable, or when the folder found
   *     holds two of {@link #FILE_NAMES}
   */
  public static Optional<Path> find(List<Path> lintPaths, Optional<Path> explicit) {
    return ConfigLookup.find(lintPaths, explicit);
  }

  /**
   * As {@link #find(List, Optional)}; outside a git repository, a {@code poolguard.yaml} in a
   * parent folder that another user owns is passed over, with a note to {@code notes}.
   */
  public static Optional<Path> find(
      List<Path> lintPaths, Optional<Path> explicit, java.util.function.Consumer<String> notes) {
    return ConfigLookup.find(lintPaths, explicit, notes);
  }

  /**
   * The config file directly in {@code folder}, under any of {@link #FILE_NAMES}.
   *
   * @throws LintException naming both files when the folder holds two of them
   */
  public static Optional<Path> inFolder(Path folder) {
    return ConfigLookup.inFolder(folder);
  }

  /**
   * Loads and validates {@code file} against the schema; relative paths in it are resolved against
   * its folder.
   *
   * @param displayPath the file as shown in messages
   * @throws LintException naming line, column and field of the first problem in file order, with
   *     the number of further problems
   */
  public static PoolguardConfig load(Path file, String displayPath) {
    ConfigFile loaded = ConfigLoader.load(file, displayPath, Limits.DEFAULT);
    List<Problem> problems = new ArrayList<>();
    for (LoadProblem p : loaded.problems()) {
      // Duplicate keys are found below as well; the loader's report of one wins at its position.
      String subject =
          p.kind() == LoadProblem.Kind.DUPLICATE_KEY
              ? "duplicate:" + p.position()
              : "load:" + problems.size();
      problems.add(new Problem(p.position(), p.message(), subject, -1));
    }
    if (!loaded.parsed()) {
      Problem.throwIfAny(problems);
    }
    List<ConfigNode> documents = loaded.documents();
    if (documents.size() > 1) {
      problems.add(
          new Problem(
              documents.get(1).position(),
              "expected one YAML document, found " + documents.size(),
              "documents",
              0));
      Problem.throwIfAny(problems);
    }
    // A file with nothing but comments is an empty mapping: it then lacks 'version'.
    ConfigNode root =
        documents.isEmpty()
            ? new MapNode(List.of(), SourcePosition.startOf(displayPath))
            : documents.get(0);
    JsonTree tree = JsonTree.of(root, PoolguardSchema.get());
    problems.addAll(tree.duplicateKeys());
    try {
      PoolguardSchema.get().validate(tree.root());
    } catch (ValidationException e) {
      problems.addAll(Violations.of(e, tree));
    }
    problems.addAll(ExtraChecks.of(tree));
    Problem.throwIfAny(problems);
    return ConfigBinder.bind(root, file, displayPath);
  }
}
