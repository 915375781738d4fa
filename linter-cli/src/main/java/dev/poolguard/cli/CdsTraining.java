package dev.poolguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The workload the launcher runs once with {@code -XX:ArchiveClassesAtExit} to build the
 * class-data-sharing archive: the bundled incident example linted in every common way, so the
 * archive holds what real runs load whichever command comes first. Prints nothing.
 */
final class CdsTraining {

  /** Where the build puts a copy of {@code examples/incident} inside the jar. */
  static final String EXAMPLE = "dev/poolguard/cli/training/incident/";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException, URISyntaxException {
    Path dir = Files.createTempDirectory("poolguard-cds");
    try {
      Path example = dir.resolve("incident");
      extract(example);
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
      Map<String, String> env = Map.of("NO_COLOR", "1");
      String path = example.toString();
      PoolguardCommand.run(new String[] {"lint", path}, nowhere, nowhere, env, dir);
      PoolguardCommand.run(
          new String[] {"lint", "-f", "text,json,sarif", "-o", "reports", path},
          nowhere,
          nowhere,
          env,
          dir);
      PoolguardCommand.run(new String[] {"model", path}, nowhere, nowhere, env, dir);
      PoolguardCommand.run(new String[] {"lint", "--help"}, nowhere, nowhere, env, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Copies the bundled example out of the jar (or the classes folder, in tests). */
  private static void extract(Path target) throws IOException, URISyntaxException {
    Path source =
        Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(source)) {
      Path root = source.resolve(EXAMPLE);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          Path to = target.resolve(root.relativize(p).toString());
          Files.createDirectories(to.getParent());
          Files.copy(p, to);
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(source.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(EXAMPLE) || name.contains("..")) {
          continue;
        }
        Path to = target.resolve(name.substring(EXAMPLE.length()));
        Files.createDirectories(to.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, to);
        }
      }
    }
  }
}
