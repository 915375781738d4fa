package dev.poolguard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds a rule-pack jar from a Maven-style source tree, compiled against the test class path. */
final class RulePackJar {

  private RulePackJar() {}

  /** Compiles {@code project}'s {@code src/main/java} and packs it with its resources. */
  static Path build(Path project, Path work) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    args.addAll(List.of("-cp", System.getProperty("java.class.path")));
    try (Stream<Path> sources = Files.walk(project.resolve("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    int status =
        javac.run(
            null,
            OutputStream.nullOutputStream(),
            new WriterStream(errors),
            args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("the rule pack does not compile:\n" + errors);
    }
    Path jar = work.resolve(project.getFileName() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, classes);
      Path resources = project.resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        add(out, resources);
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  /** javac writes diagnostics to an OutputStream; keep them as text for the failure message. */
  private static final class WriterStream extends OutputStream {
    private final StringWriter target;

    WriterStream(StringWriter target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target.write(b);
    }
  }
}
