package dev.poolguard.rules.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world corpus ({@code shared/corpus/real}) laid out as its repositories hold it: each
 * flattened file back at {@code <owner>__<repo>/<original path>}, as {@code SOURCES.tsv} gives it,
 * so that discovery sees {@code src/main/resources/application.yml}, {@code templates/} folders and
 * so on.
 */
final class CorpusTree {

  /** One corpus file: its flattened name in the corpus and where it now lies in the tree. */
  record Entry(String savedFile, String repo, String path, Path laidOut) {

    /** The path the engine shows for it when the tree's root is the working directory. */
    String display() {
      return repo.replace("/", "__") + "/" + path;
    }
  }

  private CorpusTree() {}

  /**
   * Copies every file {@code SOURCES.tsv} lists from {@code corpus} into {@code root}.
   *
   * @return the entries in {@code SOURCES.tsv} order
   */
  static List<Entry> layOut(Path corpus, Path root) {
    List<Entry> entries = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(corpus.resolve("SOURCES.tsv"));
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        String saved = columns[0];
        String repo = columns[1];
        String path = columns[2];
        // The repository folder is owner__repo; the file keeps its original relative path.
        Path target = root.resolve(repo.replace("/", "__")).resolve(path).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalStateException("SOURCES.tsv path leaves the tree: " + line);
        }
        Files.createDirectories(target.getParent());
        Files.copy(corpus.resolve(saved), target);
        entries.add(new Entry(saved, repo, path, target));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }

  /** Every corpus file except the two documents that describe the corpus. */
  static List<String> corpusFiles(Path corpus) {
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals("SOURCES.tsv") && !p.equals("EXPECTATIONS.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
