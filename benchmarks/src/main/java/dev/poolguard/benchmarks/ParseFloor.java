package dev.poolguard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The parse floor of {@code benchmarks/scale.sh}: walks the given folders (skipping {@code .git}),
 * reads every {@code *.yml} and {@code *.yaml} file once and composes its documents into node trees
 * with snakeyaml-engine, nothing else. No lint can be faster than reading and parsing its input in
 * one JVM, so poolguard's time is compared with this one.
 *
 * <p>The benchmark compiles this single file with {@code javac} against the poolguard jar; it is
 * also part of the benchmarks module so that the build keeps it compiling.
 */
public final class ParseFloor {

  private ParseFloor() {}

  public static void main(String[] args) throws IOException {
    long files = 0;
    long documents = 0;
    for (String root : args) {
      for (Path file : yamlFiles(Path.of(root))) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoadSettings settings =
            LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(true).build();
        Composer composer =
            new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
        while (composer.hasNext()) {
          composer.next();
          documents++;
        }
        files++;
      }
    }
    System.out.println(files + " YAML files, " + documents + " documents parsed");
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = file.getFileName().toString();
            if (attributes.isRegularFile() && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(files);
    return files;
  }
}
