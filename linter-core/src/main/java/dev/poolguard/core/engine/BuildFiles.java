package dev.poolguard.core.engine;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.BuildFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The build file of a service's module and the dependencies it declares: {@code pom.xml} with the
 * parents it inherits dependencies from (by {@code relativePath}, default {@code ../pom.xml}, while
 * they exist), or {@code build.gradle[.kts]}. Read without following links and without DTDs or
 * external entities, at most a few megabytes each: a build file in a pull request is untrusted too.
 */
final class BuildFiles {

  private static final int MAX_BYTES = 4 << 20;
  private static final int MAX_PARENTS = 5;
  private static final Pattern GRADLE_COORDINATES =
      Pattern.compile("[\"']([\\w.-]+):([\\w.-]+)(?::[^\"']*)?[\"']");
  private static final Pattern GRADLE_CATALOG = Pattern.compile("\\blibs\\.([\\w.]+)");
  private static final Pattern GRADLE_DEPENDENCIES = Pattern.compile("^\\s*dependencies\\s*\\{");

  private BuildFiles() {}

  /** The build file of the module holding {@code configFile}, when there is one. */
  static Optional<BuildFile> near(
      Path configFile, Function<Path, String> display, Predicate<Path> mayRead) {
    for (Path dir : BootLines.moduleFolders(configFile)) {
      for (String name : List.of("pom.xml", "build.gradle", "build.gradle.kts")) {
        Path build = dir.resolve(name);
        if (mayRead.test(build) && Files.isRegularFile(build, LinkOption.NOFOLLOW_LINKS)) {
          return read(build).map(text -> parse(build, text, display, mayRead));
        }
      }
    }
    return Optional.empty();
  }

  private static BuildFile parse(
      Path build, String text, Function<Path, String> display, Predicate<Path> mayRead) {
    String shown = display.apply(build);
    if (build.getFileName().toString().equals("pom.xml")) {
      Pom pom = pom(text, shown);
      List<BuildFile.Dependency> all = new ArrayList<>(pom.declared);
      Path dir = build.getParent();
      Optional<String> parent = pom.parentPath;
      for (int depth = 0; parent.isPresent() && depth < MAX_PARENTS; depth++) {
        Path parentPom = dir.resolve(parent.get()).normalize();
        if (Files.isDirectory(parentPom, LinkOption.NOFOLLOW_LINKS)) {
          parentPom = parentPom.resolve("pom.xml");
        }
        Optional<String> parentText =
            parentPom.getFileName() != null
                    && parentPom.getFileName().toString().equals("pom.xml")
                    && mayRead.test(parentPom)
                    && Files.isRegularFile(parentPom, LinkOption.NOFOLLOW_LINKS)
                ? read(parentPom)
                : Optional.empty();
        if (parentText.isEmpty()) {
          break;
        }
        Pom inherited = pom(parentText.get(), display.apply(parentPom));
        all.addAll(inherited.declared);
        dir = parentPom.getParent();
        parent = inherited.parentPath;
      }
      return new BuildFile(shown, pom.dependenciesAt, all);
    }
    return gradle(text, shown);
  }

  private record Pom(
      List<BuildFile.Dependency> declared,
      SourcePosition dependenciesAt,
      Optional<String> parentPath) {}

  /** A pom's own dependencies (not dependencyManagement, not profiles) and where its parent is. */
  private static Pom pom(String text, String shown) {
    List<BuildFile.Dependency> declared = new ArrayList<>();
    SourcePosition at = SourcePosition.startOf(shown);
    Optional<String> parent = Optional.empty();
    boolean hasParent = false;
    Deque<String> path = new ArrayDeque<>();
    String group = "";
    String artifact = "";
    int dependencyLine = 0;
    StringBuilder chars = new StringBuilder();
    try {
      XMLStreamReader xml = factory().createXMLStreamReader(new StringReader(text));
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.addLast(xml.getLocalName());
          chars.setLength(0);
          String where = String.join("/", path);
          int line = xml.getLocation().getLineNumber();
          if (where.equals("project")) {
            at = new SourcePosition(shown, line, 1);
          } else if (where.equals("project/dependencies")) {
            at = new SourcePosition(shown, line, 1);
          } else if (where.equals("project/dependencies/dependency")) {
            group = "";
            artifact = "";
            dependencyLine = line;
          } else if (where.equals("project/parent")) {
            hasParent = true;
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          chars.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String where = String.join("/", path);
          String value = chars.toString().strip();
          switch (where) {
            case "project/dependencies/dependency/groupId" -> group = value;
            case "project/dependencies/dependency/artifactId" -> artifact = value;
            case "project/dependencies/dependency" ->
                declared.add(
                    new BuildFile.Dependency(
                        group, artifact, new SourcePosition(shown, dependencyLine, 1)));
            case "project/parent/relativePath" -> parent = Optional.of(value);
            default -> {
              // Other elements say nothing about dependencies.
            }
          }
          path.pollLast();
          chars.setLength(0);
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // A pom Maven itself would refuse: what was read so far is all that is known.
    }
    if (hasParent && parent.isEmpty()) {
      parent = Optional.of("../pom.xml");
    }
    return new Pom(declared, at, parent.filter(p -> !p.isBlank()));
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException notSupported) {
      // SUPPORT_DTD false already refuses them.
    }
    return f;
  }

  /** Coordinates in quotes and version-catalog aliases, line by line. */
  private static BuildFile gradle(String text, String shown) {
    List<BuildFile.Dependency> declared = new ArrayList<>();
    SourcePosition at = SourcePosition.startOf(shown);
    boolean atFound = false;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      SourcePosition here = new SourcePosition(shown, i + 1, 1);
      if (!atFound && GRADLE_DEPENDENCIES.matcher(line).find()) {
        at = here;
        atFound = true;
      }
      Matcher m = GRADLE_COORDINATES.matcher(line);
      while (m.find()) {
        declared.add(new BuildFile.Dependency(m.group(1), m.group(2), here));
      }
      Matcher alias = GRADLE_CATALOG.matcher(line);
      while (alias.find()) {
        declared.add(new BuildFile.Dependency("", alias.group(1).replace('.', '-'), here));
      }
    }
    return new BuildFile(shown, at, declared);
  }

  private static Optional<String> read(Path file) {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
