package dev.poolguard.core.model.mysql;

import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The server settings of MySQL or MariaDB option files ({@code my.cnf}) as {@code mysqld} reads
 * them: the {@code [mysqld]}, {@code [server]}, {@code [mysqld-X.Y]} and MariaDB's {@code
 * [mariadb]}/{@code [mariadbd]} groups, {@code -} and {@code _} alike in names, a later setting
 * winning, {@code !include FILE} and {@code !includedir DIR} (its {@code .cnf} files in name order)
 * followed to a bounded depth and count.
 */
public final class MyCnf {

  private static final int MAX_DEPTH = 10;
  private static final int MAX_FILES = 100;
  private static final long MAX_FILE_BYTES = 1L << 20;

  private final Map<String, Setting> settings;
  private final List<String> notes;

  private MyCnf(Map<String, Setting> settings, List<String> notes) {
    this.settings = settings;
    this.notes = List.copyOf(notes);
  }

  /** One option as written: its name with underscores, value and line. */
  public record Setting(String name, String value, SourcePosition position) {}

  /** What reading option files needs from the run. */
  public interface Files {
    /** The text of {@code file}, when it may be read and exists. */
    Optional<String> text(Path file);

    /** The files of a folder named by {@code !includedir}. */
    List<Path> list(Path folder);

    /** How reports name {@code file}. */
    String display(Path file);

    /** The host path an {@code !include} path names (a container path maps through its mounts). */
    Optional<Path> resolve(String written, Path includingFile);
  }

  /** Reads {@code files} in order, then what they include; nothing throws. */
  public static MyCnf load(List<Path> files, Files reader) {
    Loader loader = new Loader(reader);
    for (Path f : files) {
      loader.file(f, 0);
    }
    return new MyCnf(loader.settings, loader.notes);
  }

  /**
   * Reads the option file {@code file} (a {@code config:} of poolguard.yaml) from disk, its
   * relative includes against the including file; {@code refusal} says why a path must not be read.
   */
  public static MyCnf read(
      Path file, Function<Path, Optional<String>> refusal, Function<Path, String> display) {
    return load(
        List.of(file),
        new Files() {
          @Override
          public Optional<String> text(Path f) {
            if (refusal.apply(f).isPresent() || !java.nio.file.Files.isRegularFile(f)) {
              return Optional.empty();
            }
            try {
              // Option files are a few lines: a larger one is not read (a hostile input bound).
              if (java.nio.file.Files.size(f) > MAX_FILE_BYTES) {
                return Optional.empty();
              }
              return Optional.of(java.nio.file.Files.readString(f));
            } catch (java.io.IOException | RuntimeException e) {
              return Optional.empty();
            }
          }

          @Override
          public List<Path> list(Path folder) {
            if (refusal.apply(folder).isPresent() || !java.nio.file.Files.isDirectory(folder)) {
              return List.of();
            }
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(folder)) {
              return s.sorted().limit(MAX_FILES).toList();
            } catch (java.io.IOException e) {
              return List.of();
            }
          }

          @Override
          public String display(Path f) {
            return display.apply(f);
          }

          @Override
          public Optional<Path> resolve(String written, Path includingFile) {
            return besides(includingFile).apply(written);
          }
        });
  }

  /** The setting named {@code name} ({@code max_connections}), when a server group sets it. */
  public Optional<Setting> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** Includes that could not be followed. */
  public List<String> notes() {
    return notes;
  }

  /**
   * A numeric option as mysqld reads it: digits with an optional {@code K}, {@code M} or {@code G}
   * suffix (powers of 1024); empty when it is not one.
   */
  public static OptionalLong number(String value) {
    String v = value.strip();
    long factor = 1;
    if (!v.isEmpty()) {
      char last = Character.toUpperCase(v.charAt(v.length() - 1));
      factor =
          switch (last) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1;
          };
      if (factor > 1) {
        v = v.substring(0, v.length() - 1);
      }
    }
    if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(v) * factor);
  }

  /** True for the option groups the server reads. */
  static boolean serverGroup(String group) {
    String g = group.strip().toLowerCase(Locale.ROOT);
    return Set.of("mysqld", "server", "mariadb", "mariadbd").contains(g)
        || g.matches("(mysqld|mariadb|mariadbd)-[0-9][0-9.]*");
  }

  private static final class Loader {
    private final Files reader;
    private final Map<String, Setting> settings = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int filesRead;

    Loader(Files reader) {
      this.reader = reader;
    }

    void file(Path file, int depth) {
      if (depth > MAX_DEPTH || ++filesRead > MAX_FILES) {
        notes.add(reader.display(file) + ": option files nested or included too often: not read");
        return;
      }
      Optional<String> text = reader.text(file);
      if (text.isEmpty()) {
        notes.add(reader.display(file) + ": cannot be read");
        return;
      }
      String display = reader.display(file);
      boolean inServer = false;
      int lineNo = 0;
      for (String raw : text.get().split("\r?\n", -1)) {
        lineNo++;
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("!include ") || line.startsWith("!includedir ")) {
          boolean dir = line.startsWith("!includedir ");
          String target = line.substring(dir ? 12 : 9).strip();
          include(target, dir, file, depth, new SourcePosition(display, lineNo, 1));
          continue;
        }
        if (line.startsWith("[")) {
          int close = line.indexOf(']');
          inServer = close > 0 && serverGroup(line.substring(1, close));
          continue;
        }
        if (!inServer) {
          continue;
        }
        int eq = line.indexOf('=');
        String name = (eq < 0 ? line : line.substring(0, eq)).strip();
        String value = eq < 0 ? "" : unquoted(withoutComment(line.substring(eq + 1)).strip());
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.startsWith("loose_")) {
          key = key.substring("loose_".length());
        }
        int column = raw.indexOf(name) + 1;
        settings.put(key, new Setting(key, value, new SourcePosition(display, lineNo, column)));
      }
    }

    private void include(String target, boolean dir, Path from, int depth, SourcePosition at) {
      Optional<Path> host = reader.resolve(target, from);
      if (host.isEmpty()) {
        notes.add(at + ": " + (dir ? "!includedir " : "!include ") + target + ": not in the tree");
        return;
      }
      if (!dir) {
        file(host.get(), depth + 1);
        return;
      }
      reader.list(host.get()).stream()
          .filter(p -> p.getFileName().toString().endsWith(".cnf"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .forEach(p -> file(p, depth + 1));
    }

    private static String withoutComment(String value) {
      int hash = value.indexOf(" #");
      return hash < 0 ? value : value.substring(0, hash);
    }

    private static String unquoted(String v) {
      if (v.length() >= 2
          && (v.charAt(0) == '"' || v.charAt(0) == '\'')
          && v.charAt(v.length() - 1) == v.charAt(0)) {
        return v.substring(1, v.length() - 1);
      }
      return v;
    }
  }

  /** Maps a container path to the host through bind mounts: the longest mounted prefix wins. */
  public static Optional<Path> throughMounts(String containerPath, Map<String, Path> mounts) {
    String best = null;
    for (String target : mounts.keySet()) {
      String t = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
      if ((containerPath.equals(t) || containerPath.startsWith(t + "/"))
          && (best == null || t.length() > best.length())) {
        best = t;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String key = mounts.containsKey(best) ? best : best + "/";
    String rest = containerPath.substring(best.length());
    Path base = mounts.get(key);
    return Optional.of(rest.isEmpty() || rest.equals("/") ? base : base.resolve(rest.substring(1)));
  }

  /** A helper for callers that have no mounts: relative paths against the including file. */
  public static Function<String, Optional<Path>> besides(Path includingFile) {
    return written -> {
      Path p = Path.of(written);
      return Optional.of(p.isAbsolute() ? p : includingFile.getParent().resolve(p).normalize());
    };
  }
}
