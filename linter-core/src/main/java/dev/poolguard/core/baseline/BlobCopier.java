package dev.poolguard.core.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Copies blobs poolguard may read out of the object database into a folder: only regular files with
 * a config-file name, never symlinks or submodules, never more than a size bound.
 */
final class BlobCopier {

  /** The default {@code limits.maxFileBytes}: a bigger file would be refused when read anyway. */
  static final long MAX_BLOB_BYTES = 10L * 1024 * 1024;

  private static final List<String> SUFFIXES =
      List.of(".yml", ".yaml", ".properties", ".json", ".conf", ".tpl", ".tgz");

  /*
   * Build files tell a service's framework (SPEC 3.1), so the baseline needs them too; Helm charts
   * render at the baseline from their templates, helpers (.tpl), dependency archives (.tgz) and
   * .helmignore.
   */
  private static final Set<String> NAMES =
      Set.of("pom.xml", "build.gradle", "build.gradle.kts", ".helmignore");

  private final ObjectReader reader;
  private final Path target;
  private final String source;
  private final long maxBytes;
  private final List<String> notes = new ArrayList<>();
  private int copied;

  /**
   * @param source how notes name where the files come from ("HEAD", "the index")
   */
  BlobCopier(ObjectReader reader, Path target, String source, long maxBytes) {
    this.reader = reader;
    this.target = target;
    this.source = source;
    this.maxBytes = maxBytes;
  }

  static boolean wanted(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return NAMES.contains(name) || SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /** Copies one entry of a tree or the index if poolguard may read it. */
  void copy(String path, int modeBits, ObjectId blob) throws IOException {
    if (!wanted(path)) {
      return;
    }
    if (FileMode.SYMLINK.equals(modeBits)) {
      skip(path, "a symlink (not followed)");
      return;
    }
    if (!FileMode.REGULAR_FILE.equals(modeBits) && !FileMode.EXECUTABLE_FILE.equals(modeBits)) {
      return; // submodules and directories of a sparse index hold no file of this repository
    }
    if (!safe(path)) {
      skip(path, "an unsafe path");
      return;
    }
    long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
    if (size > maxBytes) {
      skip(path, size + " bytes, over the " + maxBytes + "-byte limit");
      return;
    }
    Path out = target.resolve(path);
    Files.createDirectories(out.getParent());
    try (OutputStream stream = Files.newOutputStream(out)) {
      reader.open(blob, Constants.OBJ_BLOB).copyTo(stream);
    }
    copied++;
  }

  /** Notes a path that was not copied although its name is one poolguard reads. */
  void skip(String path, String why) {
    notes.add("skipped " + path + " in " + source + ": " + why);
  }

  /*
   * Git refuses such paths, but a crafted tree can still hold them; copying must never write
   * outside the target or into a .git folder.
   */
  private static boolean safe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || part.equalsIgnoreCase(Constants.DOT_GIT)) {
        return false;
      }
    }
    return true;
  }

  int copied() {
    return copied;
  }

  List<String> notes() {
    return notes;
  }
}
