package dev.poolguard.core.model.kustomize;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.LoadProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a Kustomize overlay natively, as {@code kubectl kustomize} would, into one file of
 * documents whose every value keeps the file and line it came from: a pool size a patch sets points
 * at the patch line. Remote resources are not fetched (a note); a missing resource, a cycle or a
 * failing patch makes the whole overlay a problem of its kustomization file.
 */
public final class Kustomize {

  /** The names Kustomize looks for in a folder, in its order. */
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Most objects one overlay may build, and deepest chain of bases. */
  static final int MAX_RESOURCES = 5_000;

  static final int MAX_DEPTH = 32;

  private Kustomize() {}

  /** How the renderer reads files: the run's workspace, within its boundary. */
  public interface Inputs {
    /** The file loaded as YAML (a refused or unreadable file carries its problem). */
    ConfigFile load(Path file);

    /** The UTF-8 text of a regular file, empty when it cannot or may not be read. */
    Optional<String> text(Path file);

    /** The path as shown to users. */
    String display(Path file);

    /** Why a path must not be read (outside the repository), or empty. */
    Optional<String> refusal(Path file);
  }

  /**
   * The rendered set, named after the overlay's kustomization file; the files the render read
   * (kustomizations, resources, patches, generator inputs), and notes (remote resources skipped).
   */
  public record Rendered(ConfigFile file, Set<Path> inputs, List<String> notes) {}

  /** True for a file Kustomize reads as a kustomization. */
  public static boolean isKustomization(Path file) {
    return file.getFileName() != null && FILE_NAMES.contains(file.getFileName().toString());
  }

  /** The kustomization file of a folder, if it has one. */
  public static Optional<Path> fileIn(Path dir) {
    return FILE_NAMES.stream()
        .map(dir::resolve)
        .filter(java.nio.file.Files::isRegularFile)
        .findFirst();
  }

  /** Renders the overlay whose kustomization file is {@code kustomization}. */
  public static Rendered render(Path kustomization, Inputs inputs) {
    Path file = kustomization.toAbsolutePath().normalize();
    String display = inputs.display(file);
    Build build = new Build(inputs);
    try {
      List<ConfigNode> docs = build.top(file.getParent());
      return new Rendered(
          new ConfigFile(display, ConfigFile.Format.YAML, docs, List.of()),
          build.inputs(),
          build.notes());
    } catch (Build.Failure e) {
      // A file that does not parse is already a finding of its own.
      List<LoadProblem> problems = e.reported() ? List.of() : List.of(problem(e, display));
      return new Rendered(
          new ConfigFile(display, ConfigFile.Format.YAML, List.of(), problems),
          build.inputs(),
          build.notes());
    } catch (RuntimeException | StackOverflowError e) {
      // Hostile input must never crash the run: the overlay is a finding instead.
      Build.Failure failure =
          new Build.Failure(
              "unexpected input (" + e.getClass().getSimpleName() + ")",
              dev.poolguard.core.config.SourcePosition.startOf(display));
      return new Rendered(
          new ConfigFile(
              display, ConfigFile.Format.YAML, List.of(), List.of(problem(failure, display))),
          build.inputs(),
          build.notes());
    }
  }

  private static LoadProblem problem(Build.Failure e, String display) {
    return new LoadProblem(
        LoadProblem.Kind.UNPARSEABLE,
        "overlay not rendered: " + e.getMessage(),
        e.position().orElse(dev.poolguard.core.config.SourcePosition.startOf(display)));
  }
}
